import type { NodeKind } from '../../../model/kinds';
import { RELATIONSHIPS } from '../../../model/relationships';
import type { CallOptions, Neighbour, NeighbourQuery } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { readEdgeRecord } from '../records/readEdgeRecord';
import { readNodeRecord } from '../records/readNodeRecord';
import { compareNeighbours } from '../records/orderRecords';
import { neighbourStatement } from '../statements/getNeighbours';
import { groupIdsByKind } from './kindsAndTypes';

/**
 * Neighbours of many nodes over one type in one direction, aligned with
 * `query.ids`: one statement per anchor kind and kind at the other end, in
 * one READ transaction; each list ordered by {@link compareNeighbours}.
 */
export async function getNeighbours(connection: Neo4jConnection, query: NeighbourQuery, options?: CallOptions): Promise<Neighbour[][]> {
  const { type, direction } = query;
  const spec = RELATIONSHIPS[type];
  const anchorKinds: readonly NodeKind[] = direction === 'OUT' ? spec.from : spec.to;
  const otherKinds: readonly NodeKind[] = direction === 'OUT' ? spec.to : spec.from;
  const byKind = groupIdsByKind(query.ids, anchorKinds);
  if (byKind.size === 0) return query.ids.map(() => []);
  const found = await connection.read(
    `getNeighbours(${type} ${direction})`,
    async (tx) => {
      const map = new Map<string, Neighbour[]>();
      for (const [anchorKind, anchorIds] of byKind) {
        for (const otherKind of otherKinds) {
          const result = await tx.run(neighbourStatement(type, direction, anchorKind, otherKind, anchorIds, query.asOf));
          for (const record of result.records) {
            const anchorId = String(record.get('anchorId'));
            const node = readNodeRecord(otherKind, record.get('otherId'), record.get('nodeProps'));
            const [from, to] = direction === 'OUT' ? [anchorId, node.id] : [node.id, anchorId];
            const edge = readEdgeRecord(type, from, to, record.get('edgeProps'));
            let list = map.get(anchorId);
            if (!list) map.set(anchorId, (list = []));
            list.push({ edge, node });
          }
        }
      }
      for (const list of map.values()) list.sort(compareNeighbours);
      return map;
    },
    options,
  );
  return query.ids.map((id) => [...(found.get(id) ?? [])]);
}
