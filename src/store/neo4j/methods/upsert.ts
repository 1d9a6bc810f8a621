import { StoreInputError } from '../../../errors';
import { NO_CHANGES, type CallOptions, type GraphBatch, type UpsertResult } from '../../port';
import { chunks, prepareUpsert } from '../bulk/prepareUpsert';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import type { Neo4jRecordPort } from '../connection/Neo4jDriverPort';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { describeEdge } from '../records/readEdgeRecord';
import { mergeEdgesStatement, mergeNodesStatement, missingEndpointStatement } from '../statements/upsert';

/**
 * Merges a batch in ONE write transaction: the batch is checked and grouped
 * first ({@link prepareUpsert}, nothing is sent for a bad batch; repeated
 * entries become one row), then nodes and relationships are merged in chunks
 * by label and by type and kind pair. A relationship whose endpoint is
 * missing fails the transaction with {@link StoreInputError} naming it and
 * the missing node.
 *
 * Counts (see the port's UpsertResult), per chunk statement: created is the
 * server's count of what the statement created (the MERGE decides, so a
 * record another transaction created first is not counted created here);
 * updated is the statement's count of rows whose record existed and held a
 * different value for a given property, compared after the record is
 * write-locked (see {@link mergeNodesStatement}); unchanged is the rest of
 * the rows, all of them distinct records. A statement whose counts cannot
 * be right (created and updated more than its rows) throws and the
 * transaction rolls back.
 */
export async function upsert(connection: Neo4jConnection, batch: GraphBatch, options?: CallOptions): Promise<UpsertResult> {
  const prepared = prepareUpsert(batch);
  if (prepared.nodes.length === 0 && prepared.edges.length === 0) return NO_CHANGES;
  return connection.write(
    'upsert',
    async (tx) => {
      const nodes = { created: 0, updated: 0, unchanged: 0 };
      const edges = { created: 0, updated: 0, unchanged: 0 };
      for (const group of prepared.nodes) {
        for (const rows of chunks(group.rows)) {
          const result = await tx.run(mergeNodesStatement(group.kind, rows));
          tally(nodes, rows.length, result.summary.counters.updates().nodesCreated, result.records[0], `${group.kind} nodes`);
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
          tally(edges, rows.length, created, result.records[0], `${group.type} relationships from ${group.fromKind} to ${group.toKind}`);
        }
      }
      return {
        nodesCreated: nodes.created,
        nodesUpdated: nodes.updated,
        nodesUnchanged: nodes.unchanged,
        edgesCreated: edges.created,
        edgesUpdated: edges.updated,
        edgesUnchanged: edges.unchanged,
      };
    },
    options,
  );
}

/** Adds the counts of one chunk statement of `rows` distinct records (see {@link upsert}). */
function tally(
  total: { created: number; updated: number; unchanged: number },
  rows: number,
  created: number,
  record: Neo4jRecordPort | undefined,
  what: string,
): void {
  const merged = countFromNeo4j(record?.get('merged'), 'upsert merged');
  const updated = countFromNeo4j(record?.get('updated'), 'upsert updated');
  if (merged !== rows || created + updated > merged) {
    throw new Error(`upsert: merging ${what} counted ${merged} rows of ${rows}, ${created} created and ${updated} updated; nothing was written`);
  }
  total.created += created;
  total.updated += updated;
  total.unchanged += merged - created - updated;
}
