import { StoreInputError } from '../../errors';
import { isRelationshipType, RELATIONSHIPS } from '../../model/relationships';
import type { Neighbour, NeighbourQuery } from '../port';
import type { ConnectionPool } from './ConnectionPool';
import { groupIdsByKind } from './groupIdsByKind';
import type { KindSizes } from './KindSizes';
import { matchByIds } from './matchByIds';
import { quoteIdentifier } from './quoteIdentifier';
import { toEdgeRecord } from './toEdgeRecord';
import { toNodeRecord } from './toNodeRecord';

/**
 * GraphStore.getNeighbours on Kùzu: the ids are grouped by kind (only kinds
 * the type can start from, for OUT, or end at, for IN; others get no
 * neighbours), each kind is read with one batched lookup whose pattern
 * reaches every end kind of the type, and the lists are aligned with `ids`,
 * each ordered by the relationship's ordinal (nulls last), then the
 * neighbour's id.
 */
export async function getNeighbours(pool: ConnectionPool, sizes: KindSizes, query: NeighbourQuery): Promise<Neighbour[][]> {
  const { type, direction } = query ?? {};
  if (typeof type !== 'string' || !isRelationshipType(type)) {
    throw new StoreInputError(`getNeighbours: unknown relationship type ${JSON.stringify(type)}`);
  }
  if (direction !== 'OUT' && direction !== 'IN') {
    throw new StoreInputError(`getNeighbours: direction must be OUT or IN, got ${JSON.stringify(direction)}`);
  }
  if (!Array.isArray(query.ids)) throw new StoreInputError('getNeighbours: ids must be a list of ids');
  const spec = RELATIONSHIPS[type];
  const startKinds: readonly string[] = direction === 'OUT' ? spec.from : spec.to;
  const result: Neighbour[][] = query.ids.map(() => []);
  const groups = groupIdsByKind(query.ids, (kind) => startKinds.includes(kind));
  const rel = quoteIdentifier(type);
  const rest = direction === 'OUT' ? `-[e:${rel}]->(b)` : `<-[e:${rel}]-(b)`;
  await Promise.all(
    [...groups].map(async ([kind, positions]) => {
      const rows = await matchByIds(pool.run, sizes, {
        kind,
        ids: [...positions.keys()],
        rest,
        returns: 'a.id AS key, e AS edge, b AS node',
        doing: `reading ${type} neighbours of ${kind} nodes`,
      });
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
  return x.node.id < y.node.id ? -1 : x.node.id > y.node.id ? 1 : 0;
}
