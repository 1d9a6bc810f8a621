import { StoreInputError } from '../../errors';

/**
 * Checks that `value` is an integer between `min` and `max` (both included)
 * and returns it; throws {@link StoreInputError} naming the argument
 * otherwise.
 *
 * @param owner names the call in error messages, e.g. "findPaths"
 * @param name the argument, e.g. "maxDepth"
 */
export function checkInteger(owner: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new StoreInputError(`${owner}: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}
