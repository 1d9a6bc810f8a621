import { isRelationshipType } from '../../../model/relationships';
import type { NeighbourhoodQuery, Subgraph } from '../../analytics';
import { compareCodePoints } from '../../compareCodePoints';
import type { CallOptions, NodeRecord } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { compareEdges } from '../records/orderRecords';
import { readEdgeRecord } from '../records/readEdgeRecord';
import { readLabelledNode, readNodeRecord } from '../records/readNodeRecord';
import { neighbourhoodLayerStatement, neighbourhoodStartStatement, subgraphEdgesStatement } from '../statements/neighbourhood';
import { groupIdsByKind, kindsInRegistryOrder, typesInRegistryOrder } from './kindsAndTypes';

/**
 * The nodes within `depth` hops of the start nodes, breadth first, in one
 * READ transaction: the start nodes by id (ordered by id, at most `limit`),
 * then one statement per layer (at most the room left plus one, to tell a
 * truncated answer), then the relationships among the nodes kept. With
 * `asOf`, only nodes and relationships valid on that date take part (start
 * nodes, nodes entered, relationships followed and returned).
 */
export async function neighbourhood(connection: Neo4jConnection, query: NeighbourhoodQuery, options?: CallOptions): Promise<Subgraph> {
  const doing = 'neighbourhood';
  const { depth, limit } = query;
  const kinds = query.kinds === undefined ? undefined : kindsInRegistryOrder(query.kinds);
  const types = query.types === undefined ? undefined : typesInRegistryOrder(query.types);
  const byKind = groupIdsByKind(query.ids);
  if (byKind.size === 0) return { nodes: [], edges: [], truncated: false };
  return connection.read(
    doing,
    async (tx) => {
      const starts: { eid: string; node: NodeRecord }[] = [];
      for (const [kind, kindIds] of byKind) {
        for (const r of (await tx.run(neighbourhoodStartStatement(kind, kindIds, query.asOf))).records) {
          starts.push({ eid: String(r.get('eid')), node: readNodeRecord(kind, r.get('id'), r.get('props')) });
        }
      }
      if (starts.length === 0) return { nodes: [], edges: [], truncated: false };
      starts.sort((x, y) => compareCodePoints(x.node.id, y.node.id));
      const kept = starts.slice(0, limit);
      let truncated = starts.length > limit;
      const eids = kept.map((s) => s.eid);
      const nodes = kept.map((s) => s.node);
      const visited = new Set(eids);
      let frontier = eids;
      const canMove = (kinds === undefined || kinds.length > 0) && (types === undefined || types.length > 0);
      for (let layer = 1; layer <= depth && !truncated && canMove && frontier.length > 0; layer++) {
        const room = limit - nodes.length;
        const rows = (await tx.run(neighbourhoodLayerStatement(types, kinds, frontier, [...visited], room + 1, query.asOf))).records;
        if (rows.length > room) truncated = true;
        frontier = [];
        for (const r of rows.slice(0, room)) {
          const eid = String(r.get('eid'));
          if (visited.has(eid)) continue;
          visited.add(eid);
          frontier.push(eid);
          eids.push(eid);
          nodes.push(readLabelledNode(r.get('labels'), r.get('id'), r.get('props')));
        }
      }
      const edges =
        types !== undefined && types.length === 0
          ? []
          : (await tx.run(subgraphEdgesStatement(types, eids, query.asOf))).records.map((r) => {
              const type = String(r.get('relType'));
              if (!isRelationshipType(type)) throw new TypeError(`${doing}: unexpected relationship type ${type} from Neo4j`);
              return readEdgeRecord(type, String(r.get('fromId')), String(r.get('toId')), r.get('props'));
            });
      edges.sort(compareEdges);
      return { nodes, edges, truncated };
    },
    options,
  );
}
