import type { Context } from '../../src/context';

/** An `asOf` argument as the schema gives it. */
export interface AsOfArgs {
  readonly asOf?: string | null;
}

/**
 * The date an `asOf` argument names (default: today in Vietnam), checked
 * (BAD_USER_INPUT naming `argument` and the value) and remembered so the
 * answer states it in `extensions.asOf`.
 */
export function asOfArg(context: Context, value: string | null | undefined, argument = 'asOf'): string {
  return context.asOfDates.resolve(value, argument);
}
