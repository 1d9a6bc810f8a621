import { StoreInputError } from '../../errors';
import { isNodeKind, NODE_KINDS, propertyOf, type NodeKind, type PropertySpec } from '../../model/kinds';
import { isIsoDate, YEAR_RANGE } from '../../model/recordRules';
import { isRelationshipType, RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships';

/**
 * The one shape of every argument error of the port:
 * `<method>: <argument> must be <what is allowed, with its limit>; got <the value>`.
 *
 * @param method the port method ("listNodes")
 * @param argument the argument's path ("query.where[1].in", "batch.nodes[3].props.ordinal")
 * @param expected what is allowed, with its limit ("an integer from 1 to 4")
 */
export function argumentError(method: string, argument: string, expected: string, value: unknown): StoreInputError {
  return new StoreInputError(`${method}: ${argument} must be ${expected}; got ${show(value)}`);
}

/** A short, safe rendering of any value for a message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Null and undefined both mean "absent" for an optional argument. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Checks that `value` is a plain object (a query or a batch). */
export function checkObject(method: string, argument: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw argumentError(method, argument, 'an object', value);
  return value as Record<string, unknown>;
}

/** Checks that `value` is a list; its elements are the caller's to check. */
export function checkList(method: string, argument: string, value: unknown, of: string): readonly unknown[] {
  if (!Array.isArray(value)) throw argumentError(method, argument, `a list of ${of}`, value);
  return value;
}

/** Checks an integer from `min` to `max` (both included). */
export function checkInteger(method: string, argument: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw argumentError(method, argument, max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** Checks `offset` (an integer >= 0) and `limit` (an integer >= 1) of a paged call. */
export function checkPage(method: string, query: Record<string, unknown>): void {
  checkInteger(method, 'query.offset', query.offset, 0);
  checkInteger(method, 'query.limit', query.limit, 1);
}

/** Checks one of a fixed set of words (a direction, a mode). */
export function checkOneOf<T extends string>(method: string, argument: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw argumentError(method, argument, `one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

/** Checks a node kind of the registry. */
export function checkKind(method: string, argument: string, value: unknown): NodeKind {
  if (typeof value !== 'string' || !isNodeKind(value)) throw argumentError(method, argument, `a node kind (${NODE_KINDS.join(', ')})`, value);
  return value;
}

/** Checks a relationship type of the registry. */
export function checkType(method: string, argument: string, value: unknown): RelationshipType {
  if (typeof value !== 'string' || !isRelationshipType(value)) {
    throw argumentError(method, argument, `a relationship type (${RELATIONSHIP_TYPES.join(', ')})`, value);
  }
  return value;
}

/**
 * Checks a list of names (kinds, types, keys) used as a set, and returns it
 * without repeats, in the caller's order (a repeat never changes an answer).
 * Every element is checked by `each`; null elements are rejected like any
 * other bad element.
 */
export function checkSet<T>(method: string, argument: string, value: unknown, of: string, each: (argument: string, element: unknown) => T): T[] {
  const list = checkList(method, argument, value, of);
  return [...new Set(list.map((element, i) => each(`${argument}[${i}]`, element)))];
}

/** The id, usable in conditions, sort keys and groups like a string property. */
const ID_SPEC: PropertySpec = { name: 'id', type: 'string' };

/**
 * The spec of `property` on a node that is one of `kinds` (the first kind
 * that has it); `id` is accepted as a string property. Throws naming the
 * property and the kinds when none of them has it.
 */
export function checkProperty(method: string, argument: string, kinds: readonly NodeKind[], property: unknown): PropertySpec {
  if (property === 'id') return ID_SPEC;
  if (typeof property === 'string') {
    for (const kind of kinds) {
      const spec = propertyOf(kind, property);
      if (spec) return spec;
    }
  }
  throw argumentError(method, argument, `id or a property of ${kinds.join('/') || 'no kind'}`, property);
}

/**
 * Checks an optional date argument: absent (null or undefined; undefined is
 * returned) or a real calendar date written `YYYY-MM-DD` within YEAR_RANGE,
 * as every date the port takes; else throws StoreInputError naming it.
 */
export function checkDate(method: string, argument: string, value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  if (!isIsoDate(value)) throw argumentError(method, argument, `a calendar date written YYYY-MM-DD (years ${YEAR_RANGE.min} to ${YEAR_RANGE.max})`, value);
  return value;
}
