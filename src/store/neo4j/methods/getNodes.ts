import type { CallOptions, NodeRecord } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { readNodeRecord } from '../records/readNodeRecord';
import { getNodesStatement } from '../statements/getNodes';
import { groupIdsByKind } from './kindsAndTypes';

/**
 * Nodes by id, aligned with `ids`: well-formed ids grouped by kind, one
 * statement per kind in one READ transaction; none when no id is
 * well-formed.
 */
export async function getNodes(connection: Neo4jConnection, ids: readonly string[], options?: CallOptions): Promise<(NodeRecord | null)[]> {
  const byKind = groupIdsByKind(ids);
  if (byKind.size === 0) return ids.map(() => null);
  const found = await connection.read(
    'getNodes',
    async (tx) => {
      const map = new Map<string, NodeRecord>();
      for (const [kind, kindIds] of byKind) {
        for (const record of (await tx.run(getNodesStatement(kind, kindIds))).records) {
          const node = readNodeRecord(kind, record.get('id'), record.get('props'));
          map.set(node.id, node);
        }
      }
      return map;
    },
    options,
  );
  return ids.map((id) => found.get(id) ?? null);
}
