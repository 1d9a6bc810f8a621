import { StoreInputError } from '../../../errors';
import type { CallOptions, GraphBatch, UpsertResult } from '../../port';
import { chunks, prepareUpsert } from '../bulk/prepareUpsert';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { describeEdge } from '../records/readEdgeRecord';
import { mergeEdgesStatement, mergeNodesStatement, missingEndpointStatement } from '../statements/upsert';

/**
 * Merges a batch in ONE write transaction: the batch is checked and grouped
 * first ({@link prepareUpsert}, nothing is sent for a bad batch), then nodes
 * and relationships are merged in chunks by label and by type and kind
 * pair. A relationship whose endpoint is missing fails the transaction with
 * {@link StoreInputError} naming it and the missing node.
 */
export async function upsert(connection: Neo4jConnection, batch: GraphBatch, options?: CallOptions): Promise<UpsertResult> {
  const prepared = prepareUpsert(batch);
  if (prepared.nodes.length === 0 && prepared.edges.length === 0) {
    return { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0 };
  }
  return connection.write(
    'upsert',
    async (tx) => {
      let nodesCreated = 0;
      let nodesUpdated = 0;
      let edgesCreated = 0;
      let edgesUpdated = 0;
      for (const group of prepared.nodes) {
        for (const rows of chunks(group.rows)) {
          const result = await tx.run(mergeNodesStatement(group.kind, rows));
          const created = result.summary.counters.updates().nodesCreated;
          nodesCreated += created;
          nodesUpdated += rows.length - created;
        }
      }
      for (const group of prepared.edges) {
        for (const rows of chunks(group.rows)) {
          const result = await tx.run(mergeEdgesStatement(group.type, group.fromKind, group.toKind, rows));
          const merged = countFromNeo4j(result.records[0]?.get('merged'), 'upsert merged');
          if (merged < rows.length) {
            const missing = (await tx.run(missingEndpointStatement(group.type, group.fromKind, group.toKind, rows))).records[0];
            const from = String(missing?.get('fromId') ?? '?');
            const to = String(missing?.get('toId') ?? '?');
            const which = [missing?.get('fromMissing') === true ? `start node ${from}` : '', missing?.get('toMissing') === true ? `end node ${to}` : '']
              .filter((w) => w !== '')
              .join(' and ');
            throw new StoreInputError(
              `upsert: relationship ${describeEdge({ type: group.type, from, to })} joins a node that does not exist (${which || 'an endpoint'}); nothing was written`,
            );
          }
          const created = result.summary.counters.updates().relationshipsCreated;
          edgesCreated += created;
          edgesUpdated += rows.length - created;
        }
      }
      return { nodesCreated, nodesUpdated, edgesCreated, edgesUpdated };
    },
    options,
  );
}
