import type { KuzuValue } from 'kuzu';
import type { PropertyValue } from '../../port';

/**
 * Converts a value read from Kùzu to a port property value: strings and
 * booleans as they are, INT64 (a number or a bigint from the binding) as a JS
 * number, absent values as null. A stored integer beyond the safe range, or a
 * value of a type the registries never declare, throws: it would otherwise be
 * returned silently wrong.
 *
 * @param value what Kùzu returned
 * @param where "Task:x.ordinal", for the message
 */
export function toPropertyValue(value: KuzuValue | undefined, where: string): PropertyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Error(`stored integer ${where} = ${value} is beyond JavaScript's safe integer range`);
    }
    return Number(value);
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`stored number ${where} = ${value} is not a safe integer`);
    return value;
  }
  throw new Error(`stored value ${where} has an unexpected type (${Object.prototype.toString.call(value)})`);
}

/** Reads a count column (INT64) from the single row of a count query; 0 when there is no row. */
export function toCount(rows: readonly Readonly<Record<string, KuzuValue>>[], column = 'c'): number {
  const value = toPropertyValue(rows[0]?.[column] ?? null, `count ${column}`);
  return typeof value === 'number' ? value : 0;
}
