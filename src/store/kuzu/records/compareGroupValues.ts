import { compareCodePoints } from '../../compareCodePoints';
import type { PropertyValue } from '../../port';

/**
 * The order of count groups on one key: null (and absent) last, numbers
 * ascending, false before true, strings (kinds, types, ids, values) by code
 * point (compareCodePoints, not UTF-16 units); values of different types
 * (never in one stored column) by type name.
 */
export function compareGroupValues(a: PropertyValue | undefined, b: PropertyValue | undefined): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  if (typeof x !== typeof y) return compareCodePoints(typeof x, typeof y);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
  return x === false ? -1 : 1;
}
