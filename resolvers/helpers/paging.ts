import { BadUserInputError } from '../../src/errors';
import type { ConnectionParent } from '../parents';
import { requireIntInRange } from './arguments';

/** Default and maximum page sizes of root lists. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** An offset/limit window decoded from Relay `first` / `after`. */
export interface Window {
  readonly offset: number;
  readonly limit: number;
}

const CURSOR_PREFIX = 'o:';

/** Encodes a row offset as an opaque cursor. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; anything else is BAD_USER_INPUT naming `after`. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !/^\d{1,9}$/.test(text.slice(CURSOR_PREFIX.length)) || encodeCursor(offset) !== cursor) {
    throw new BadUserInputError(`Argument "after" is not a cursor this API issued: "${cursor.slice(0, 40)}".`, 'after');
  }
  return offset;
}

/** Turns `first`/`after` into a window, checking `first` against `max`. */
export function toWindow(first: number | null | undefined, after: string | null | undefined, max = MAX_PAGE_SIZE): Window {
  const limit = requireIntInRange(first ?? DEFAULT_PAGE_SIZE, 'first', 1, max);
  const offset = after ? decodeCursor(after) + 1 : 0;
  return { offset, limit };
}

/**
 * Resolvers of a connection whose list holds on a date: those of
 * {@link connectionResolvers} and `asOf`, the date it was read on.
 */
export function datedConnectionResolvers<T>() {
  return {
    ...connectionResolvers<T>(),
    asOf: (parent: ConnectionParent<T>) => {
      if (parent.asOf === undefined) throw new Error('a dated connection was built without its as-of date');
      return parent.asOf;
    },
  };
}

/** Resolvers shared by every connection type (parent: a {@link ConnectionParent} of `T`). */
export function connectionResolvers<T>() {
  return {
    edges: (parent: ConnectionParent<T>) => parent.items.map((node, index) => ({ cursor: encodeCursor(parent.offset + index), node })),
    nodes: (parent: ConnectionParent<T>) => [...parent.items],
    totalCount: (parent: ConnectionParent<T>) => parent.totalCount,
    pageInfo: (parent: ConnectionParent<T>) => ({
    hasNextPage: parent.offset + parent.items.length < parent.totalCount,
    hasPreviousPage: parent.offset > 0,
    startCursor: parent.items.length > 0 ? encodeCursor(parent.offset) : null,
      endCursor: parent.items.length > 0 ? encodeCursor(parent.offset + parent.items.length - 1) : null,
    }),
  };
}
