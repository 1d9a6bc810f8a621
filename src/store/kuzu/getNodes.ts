import { StoreInputError } from '../../errors';
import type { NodeRecord } from '../port';
import type { ConnectionPool } from './ConnectionPool';
import { groupIdsByKind } from './groupIdsByKind';
import type { KindSizes } from './KindSizes';
import { matchByIds } from './matchByIds';
import { toNodeRecord } from './toNodeRecord';

/**
 * GraphStore.getNodes on Kùzu: ids are grouped by the kind their prefix
 * names, each kind is read with one batched lookup (see {@link matchByIds}),
 * kinds concurrently, and the result is aligned with `ids`: duplicates get
 * the same node, malformed ids, unknown kinds and missing nodes get null.
 */
export async function getNodes(pool: ConnectionPool, sizes: KindSizes, ids: readonly string[]): Promise<(NodeRecord | null)[]> {
  if (!Array.isArray(ids)) throw new StoreInputError('getNodes: ids must be a list of ids');
  const result: (NodeRecord | null)[] = new Array<NodeRecord | null>(ids.length).fill(null);
  const groups = groupIdsByKind(ids);
  await Promise.all(
    [...groups].map(async ([kind, positions]) => {
      const rows = await matchByIds(pool.run, sizes, {
        kind,
        ids: [...positions.keys()],
        rest: '',
        returns: 'a AS node',
        doing: `reading ${kind} nodes`,
      });
      for (const row of rows) {
        const node = toNodeRecord(row.node ?? null);
        for (const position of positions.get(node.id) ?? []) result[position] = node;
      }
    }),
  );
  return result;
}
