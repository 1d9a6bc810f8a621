import { neo4jValueToJs } from './neo4jValueToJs';

/** Reads a count (a neo4j Integer) as a number; throws when it is not a non-negative safe integer. */
export function countFromNeo4j(value: unknown, at: string): number {
  const n = neo4jValueToJs(value, at);
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new TypeError(`${at}: expected a count, got ${String(n)}`);
  return n;
}
