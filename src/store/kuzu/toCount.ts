import type { Row } from './KuzuConnection';
import { toPropertyValue } from './toPropertyValue';

/** Reads a count column (INT64) from the single row of a count query; 0 when there is no row. */
export function toCount(rows: readonly Row[], column = 'c'): number {
  const value = toPropertyValue(rows[0]?.[column] ?? null, `count ${column}`);
  return typeof value === 'number' ? value : 0;
}
