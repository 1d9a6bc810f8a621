import { RELATIONSHIPS } from '../../../model/relationships';
import { compareCodePoints } from '../../compareCodePoints';
import type { Neighbour, NeighbourQuery } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toEdgeRecord } from '../records/toEdgeRecord';
import { toNodeRecord } from '../records/toNodeRecord';
import type { KindSizes } from '../schema/KindSizes';
import { neighboursById } from '../statements/matchByIds';
import { groupIdsByKind } from './groupIdsByKind';

/**
 * GraphStore.getNeighbours on Kùzu: the ids are grouped by kind (only kinds
 * the type can start from, for OUT, or end at, for IN; others get no
 * neighbours), each kind is read with one batched lookup whose pattern
 * reaches every end kind of the type (see {@link neighboursById}), and the
 * lists are aligned with `ids`, each ordered by the relationship's ordinal
 * (nulls last), then the neighbour's id (by code point). With `asOf`, only
 * neighbours whose relationship and both ends are valid on that date.
 */
export async function getNeighbours(pool: ConnectionPool, sizes: KindSizes, query: NeighbourQuery, limits?: CallLimits): Promise<Neighbour[][]> {
  const { type, direction } = query;
  const spec = RELATIONSHIPS[type];
  const startKinds: readonly string[] = direction === 'OUT' ? spec.from : spec.to;
  const result: Neighbour[][] = query.ids.map(() => []);
  const groups = groupIdsByKind(query.ids, (kind) => startKinds.includes(kind));
  await Promise.all(
    [...groups].map(async ([kind, positions]) => {
      const statements = neighboursById(type, direction, kind, [...positions.keys()], sizes.get(kind), query.asOf);
      const rows = (await Promise.all(statements.map((statement) => pool.run(statement, limits)))).flat();
      const byKey = new Map<string, Neighbour[]>();
      for (const row of rows) {
        const key = String(row.key);
        const node = toNodeRecord(row.node ?? null);
        const [from, to] = direction === 'OUT' ? [key, node.id] : [node.id, key];
        const neighbour: Neighbour = { edge: toEdgeRecord(type, from, to, row.edge ?? null), node };
        const list = byKey.get(key);
        if (list) list.push(neighbour);
        else byKey.set(key, [neighbour]);
      }
      for (const [key, list] of byKey) {
        list.sort(byOrdinalThenId);
        (positions.get(key) ?? []).forEach((position, i) => (result[position] = i === 0 ? list : [...list]));
      }
    }),
  );
  return result;
}

function byOrdinalThenId(x: Neighbour, y: Neighbour): number {
  const a = x.edge.props.ordinal;
  const b = y.edge.props.ordinal;
  if (a !== b) {
    if (typeof a !== 'number') return 1;
    if (typeof b !== 'number') return -1;
    return a - b;
  }
  return compareCodePoints(x.node.id, y.node.id);
}
