import type { NodeRecord } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toNodeRecord } from '../records/toNodeRecord';
import type { KindSizes } from '../schema/KindSizes';
import { nodesById } from '../statements/matchByIds';
import { groupIdsByKind } from './groupIdsByKind';

/**
 * GraphStore.getNodes on Kùzu: ids are grouped by the kind their prefix
 * names, each kind is read with one batched lookup (see {@link nodesById}),
 * statements concurrently on the read pool, and the result is aligned with
 * `ids`: duplicates get the same node, malformed ids, unknown kinds and
 * missing nodes get null.
 */
export async function getNodes(pool: ConnectionPool, sizes: KindSizes, ids: readonly string[], limits?: CallLimits): Promise<(NodeRecord | null)[]> {
  const result: (NodeRecord | null)[] = new Array<NodeRecord | null>(ids.length).fill(null);
  const groups = groupIdsByKind(ids);
  await Promise.all(
    [...groups].flatMap(([kind, positions]) =>
      nodesById(kind, [...positions.keys()], sizes.get(kind)).map(async (statement) => {
        for (const row of await pool.run(statement, limits)) {
          const node = toNodeRecord(row.node ?? null);
          for (const position of positions.get(node.id) ?? []) result[position] = node;
        }
      }),
    ),
  );
  return result;
}
