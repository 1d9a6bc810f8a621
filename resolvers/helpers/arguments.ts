import { BadUserInputError } from '../../src/errors';
import { parseId, type ParsedId } from '../../src/model/ids';
import { YEAR_RANGE, isIsoDate } from '../../src/model/recordRules';

/**
 * Argument checks shared by resolvers. Each throws BAD_USER_INPUT with a
 * message that names the argument, the bad value and the limit.
 */

/** Parses a global id argument; a malformed id is BAD_USER_INPUT naming `argument`. */
export function requireId(id: string, argument: string): ParsedId {
  const parsed = parseId(id);
  if (typeof parsed === 'string') throw new BadUserInputError(`Argument "${argument}": ${parsed}.`, argument);
  return parsed;
}

/** Checks every id of a list argument (and its length) and returns them. */
export function requireIds(ids: readonly string[], argument: string, max: number): readonly string[] {
  if (ids.length > max) {
    throw new BadUserInputError(`Argument "${argument}" has ${ids.length} ids; at most ${max} are allowed.`, argument);
  }
  ids.forEach((id, index) => requireId(id, `${argument}[${index}]`));
  return ids;
}

/** Checks an integer argument lies in [min, max]. */
export function requireIntInRange(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`Argument "${argument}" is ${value}; it must be an integer from ${min} to ${max}.`, argument);
  }
  return value;
}

/** Checks a text argument is not blank and not longer than `max` characters. */
export function requireText(value: string, argument: string, max = 200): string {
  if (value.trim().length === 0) throw new BadUserInputError(`Argument "${argument}" must not be blank.`, argument);
  if (value.length > max) {
    throw new BadUserInputError(`Argument "${argument}" is ${value.length} characters long; at most ${max} are allowed.`, argument);
  }
  return value;
}

/** Checks a date argument is a calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function requireDate(value: string, argument: string): string {
  const written: string = value;
  if (!isIsoDate(written)) {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
    throw new BadUserInputError(
      `Argument "${argument}" is ${shown}; it must be a calendar date written YYYY-MM-DD (years ${YEAR_RANGE.min} to ${YEAR_RANGE.max}).`,
      argument,
    );
  }
  return value;
}
