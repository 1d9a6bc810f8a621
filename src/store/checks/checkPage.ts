import { StoreInputError } from '../../errors';

/** Checks offset (an integer >= 0) and limit (an integer >= 1) of a list call; throws {@link StoreInputError} naming the bad one. */
export function checkPage(owner: string, offset: unknown, limit: unknown): { offset: number; limit: number } {
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw new StoreInputError(`${owner}: offset must be an integer >= 0, got ${String(offset)}`);
  }
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
    throw new StoreInputError(`${owner}: limit must be an integer >= 1, got ${String(limit)}`);
  }
  return { offset, limit };
}
