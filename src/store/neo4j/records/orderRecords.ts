import type { CountGroup } from '../../analytics';
import { compareCodePoints } from '../../compareCodePoints';
import type { EdgeRecord, Neighbour, PropertyValue } from '../../port';

/**
 * Neighbours by relationship ordinal (nulls last), then neighbour id by code
 * point (as Neo4j 5 compares strings, see {@link compareCodePoints}).
 */
export function compareNeighbours(a: Neighbour, b: Neighbour): number {
  const x = a.edge.props.ordinal;
  const y = b.edge.props.ordinal;
  if (x !== y) {
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return compareCodePoints(a.node.id, b.node.id);
}

/** Relationships by type name, then start id, then end id, each by code point. */
export function compareEdges(a: EdgeRecord, b: EdgeRecord): number {
  return compareCodePoints(a.type, b.type) || compareCodePoints(a.from, b.from) || compareCodePoints(a.to, b.to);
}

/**
 * Orders count groups by their keys in grouping order: kinds, types, ids
 * and strings by code point, numbers ascending, false before true, null
 * last.
 */
export function groupOrder(keys: readonly (keyof Omit<CountGroup, 'count'>)[]): (a: CountGroup, b: CountGroup) => number {
  return (a, b) => {
    for (const key of keys) {
      const c = compareGroupValues(a[key], b[key]);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function compareGroupValues(a: PropertyValue | undefined, b: PropertyValue | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  return compareCodePoints(typeof a, typeof b);
}
