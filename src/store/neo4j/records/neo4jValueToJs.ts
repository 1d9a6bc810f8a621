import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import type { PropertyValue } from '../../port';

/** A JavaScript value read back from Neo4j. */
export type JsValue = string | number | boolean | null | JsValue[] | { [key: string]: JsValue };

/**
 * Converts one value received from neo4j-driver 6 into plain JavaScript:
 *
 * - a neo4j `Integer` (the driver is lossless) or a bigint becomes a number
 *   when it lies in the JavaScript safe range (|n| <= 2^53 - 1), and throws a
 *   RangeError naming `at` otherwise: precision is never dropped silently,
 *   and a string would break the numeric type the API promises;
 * - dates, times, date-times and durations become their ISO 8601 strings
 *   (`2019-05-14`, `2019-05-14T10:00:00+07:00`, a zone id in brackets when
 *   the value has one, `P1M2DT3S`);
 * - lists and maps are converted element by element; null and undefined
 *   become null; strings, floats and booleans are kept;
 * - points, nodes, relationships and paths throw: the adapter never asks
 *   for them (it returns map projections), so meeting one is a bug.
 *
 * @param at where the value comes from, for error messages (e.g. "Task:x.dueYear")
 */
export function neo4jValueToJs(value: unknown, at: string): JsValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (isInt(value)) {
    if (!value.inSafeRange()) throw new RangeError(`${at}: the integer ${value.toString()} is outside JavaScript's safe range`);
    return value.toNumber();
  }
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`${at}: the integer ${value.toString()} is outside JavaScript's safe range`);
    }
    return Number(value);
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value) || isNode(value) || isRelationship(value) || isPath(value)) {
    throw new TypeError(`${at}: unexpected ${value.constructor.name} from Neo4j (the adapter returns scalar properties only)`);
  }
  if (Array.isArray(value)) return value.map((item, i) => neo4jValueToJs(item, `${at}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: JsValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = neo4jValueToJs(item, `${at}.${key}`);
    return out;
  }
  throw new TypeError(`${at}: unsupported value from Neo4j (${Object.prototype.toString.call(value)})`);
}

/** Reads a count (a neo4j Integer) as a number; throws when it is not a non-negative safe integer. */
export function countFromNeo4j(value: unknown, at: string): number {
  const n = neo4jValueToJs(value, at);
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new TypeError(`${at}: expected a count, got ${String(n)}`);
  return n;
}

/**
 * Converts a stored property into a port {@link PropertyValue} (see
 * {@link neo4jValueToJs} for integers and temporal values). A list or a map
 * cannot be represented by the port and throws a TypeError naming `at`: the
 * adapter only ever writes scalars, so one means foreign data.
 */
export function toPropertyValue(value: unknown, at: string): PropertyValue {
  const js = neo4jValueToJs(value, at);
  if (js !== null && typeof js === 'object') {
    throw new TypeError(`${at}: a ${Array.isArray(js) ? 'list' : 'map'} is stored where the registry expects a scalar`);
  }
  return js;
}
