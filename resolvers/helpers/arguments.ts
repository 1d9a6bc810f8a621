import { BadUserInputError } from '../../src/errors';
import { parseId, type ParsedId } from '../../src/model/ids';

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
