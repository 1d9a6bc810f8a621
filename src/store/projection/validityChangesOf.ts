import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships';
import type { ValidityChangeKind } from '../records';
import { comparePositions, type ValidityPosition } from '../validityCursor';
import { compareCodePoints } from '../compareCodePoints';
import { kindMask, typeMask, type GraphProjection } from './GraphProjection';
import type { NodeKind } from '../../model/kinds';

/** A change found on the projection: its position and the record's id (a node) or key (a relationship). */
export interface ProjectedChange extends ValidityPosition {
  readonly node?: string;
  readonly edge?: { readonly type: RelationshipType; readonly from: string; readonly to: string };
}

/** What {@link validityChangesOf} looks for. */
export interface ProjectedChangeQuery {
  readonly from?: string;
  readonly to?: string;
  readonly kinds?: readonly NodeKind[];
  readonly types?: readonly RelationshipType[];
  readonly after?: ValidityPosition;
  readonly first: number;
}

/**
 * The changes of validity in [from, to) on a projection (which holds every
 * record's interval, see GraphProjection): the first `first` after `after`,
 * ordered by date, key (a node's id; a relationship's `from type to`), then
 * ENDS before STARTS, and the number of changes in the range whatever the
 * cursor. The intervals are tested once each; only records whose interval
 * has a side in the range are decoded. The caller reads the full records.
 */
export function validityChangesOf(projection: GraphProjection, query: ProjectedChangeQuery): { changes: ProjectedChange[]; totalCount: number } {
  const inRange = (date: string | null): boolean =>
    date !== null && (query.from === undefined || compareCodePoints(date, query.from) >= 0) && (query.to === undefined || compareCodePoints(date, query.to) < 0);
  // Per interval: bit 1 when its start is in the range, bit 2 when its end is.
  const sides = new Uint8Array(projection.intervalCount);
  for (let v = 1; v < sides.length; v += 1) {
    const [from, to] = projection.intervalDates(v);
    sides[v] = (inRange(from) ? 1 : 0) | (inRange(to) ? 2 : 0);
  }
  const kinds = kindMask(query.kinds);
  const types = typeMask(query.types);
  let totalCount = 0;
  const found: ProjectedChange[] = [];
  const add = (interval: number, key: string, record: Pick<ProjectedChange, 'node' | 'edge'>): void => {
    const [from, to] = projection.intervalDates(interval);
    const bits = sides[interval] as number;
    for (const [bit, date, change] of [
      [1, from, 'STARTS'],
      [2, to, 'ENDS'],
    ] as const) {
      if ((bits & bit) === 0 || date === null) continue;
      totalCount += 1;
      const position = { date, key, change: change as ValidityChangeKind };
      if (query.after && comparePositions(position, query.after) <= 0) continue;
      found.push({ ...position, ...record });
    }
  };
  const ids = new Map<number, string>();
  projection.forEachWithValidity(
    (node, interval) => {
      if (sides[interval] === 0 || (projection.kindBit(node) & kinds) === 0) return;
      const id = projection.idOf(node, ids);
      add(interval, id, { node: id });
    },
    (type, a, b, interval) => {
      if (sides[interval] === 0 || ((types >> type) & 1) === 0) return;
      const name = RELATIONSHIP_TYPES[type] as RelationshipType;
      const from = projection.idOf(a, ids);
      const to = projection.idOf(b, ids);
      add(interval, `${from} ${name} ${to}`, { edge: { type: name, from, to } });
    },
  );
  found.sort(comparePositions);
  return { changes: found.slice(0, query.first), totalCount };
}
