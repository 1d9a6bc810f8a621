import { StoreInputError } from '../../../errors';
import type { NodeKind } from '../../../model/kinds';
import { NO_CHANGES, type GraphBatch, type UpsertResult } from '../../port';
import { prepareBatch } from '../bulk/prepareBatch';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { inTransaction } from '../connection/inTransaction';
import type { KuzuConnection } from '../connection/KuzuConnection';
import { toCount } from '../records/toPropertyValue';
import type { KindSizes } from '../schema/KindSizes';
import { existingIds } from '../statements/matchByIds';
import { edgeStatements, nodeStatements, type EdgeWrite, type MergeStatement, type NodeWrite } from '../statements/upsert';

/**
 * GraphStore.upsert on Kùzu. The batch is checked first (see
 * {@link prepareBatch}: repeated entries become one record) and
 * relationship endpoints that are not in the batch must already exist, else
 * {@link StoreInputError} naming the relationships and nothing is written.
 * Then, on the single write connection, in ONE transaction: nodes are merged
 * by id and relationships by type + endpoints (see {@link nodeStatements},
 * {@link edgeStatements}); each merge statement reads the records it is
 * about to write and returns how many it created, updated and left
 * unchanged, and these are the counts returned (exact: the writer is the
 * only one, and every record is in exactly one statement). Any error rolls
 * the transaction back. After a commit, `afterCommit` runs on the write
 * connection, still held (the store checkpoints there).
 */
export async function upsert(
  writes: ConnectionPool,
  sizes: KindSizes,
  batch: GraphBatch,
  afterCommit: (writer: KuzuConnection) => Promise<unknown> = async () => undefined,
  limits?: CallLimits,
): Promise<UpsertResult> {
  const { nodes, edges } = prepareBatch(batch);
  if (nodes.length === 0 && edges.length === 0) return NO_CHANGES;
  return writes.use(async (c) => {
    // BEGIN and COMMIT run without the call's limits (a cut COMMIT would leave the writer in doubt): check them first.
    limits?.check('writing');
    await checkEndpoints(c, sizes, nodes, edges, limits);
    const created = new Map<NodeKind, number>();
    const result = await inTransaction(c, async () => {
      const n = await runMerges(c, nodeStatements(nodes), limits, (statement, counts) => {
        if (statement.kind) created.set(statement.kind, (created.get(statement.kind) ?? 0) + counts.created);
      });
      const e = await runMerges(c, edgeStatements(edges), limits);
      return {
        nodesCreated: n.created,
        nodesUpdated: n.updated,
        nodesUnchanged: n.unchanged,
        edgesCreated: e.created,
        edgesUpdated: e.updated,
        edgesUnchanged: e.unchanged,
      };
    });
    for (const [kind, count] of created) sizes.set(kind, sizes.get(kind) + count);
    await afterCommit(c);
    return result;
  });
}

/** Counts of one sort of record. */
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Runs merge statements one after the other and adds up their counts. A
 * statement whose counts do not add up to the records it was given (a store
 * holding two relationships of one type between the same nodes, which upsert
 * never makes, would do that) throws: the transaction is rolled back rather
 * than report counts that are wrong.
 */
async function runMerges(
  c: KuzuConnection,
  statements: readonly MergeStatement[],
  limits: CallLimits | undefined,
  each: (statement: MergeStatement, counts: Counts) => void = () => undefined,
): Promise<Counts> {
  const total: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const statement of statements) {
    const rows = await c.run(statement, limits);
    const counts = { created: toCount(rows, 'created'), updated: toCount(rows, 'updated'), unchanged: toCount(rows, 'unchanged') };
    if (counts.created + counts.updated + counts.unchanged !== statement.records) {
      throw new Error(
        `upsert: ${statement.doing} counted ${counts.created} created, ${counts.updated} updated and ${counts.unchanged} unchanged ` +
          `for ${statement.records} records; nothing was written`,
      );
    }
    each(statement, counts);
    total.created += counts.created;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
  }
  return total;
}

/** Throws naming the relationships whose endpoints are neither in the batch nor stored. */
async function checkEndpoints(
  c: KuzuConnection,
  sizes: KindSizes,
  nodes: readonly NodeWrite[],
  edges: readonly EdgeWrite[],
  limits: CallLimits | undefined,
): Promise<void> {
  const inBatch = new Set(nodes.map((n) => n.id));
  const wanted = new Map<NodeKind, Set<string>>();
  for (const edge of edges) {
    for (const [id, kind] of [[edge.from, edge.fromKind], [edge.to, edge.toKind]] as const) {
      if (inBatch.has(id)) continue;
      let ids = wanted.get(kind);
      if (!ids) wanted.set(kind, (ids = new Set()));
      ids.add(id);
    }
  }
  const existing = new Set<string>();
  for (const [kind, ids] of wanted) {
    for (const statement of existingIds(kind, [...ids], sizes.get(kind))) {
      for (const row of await c.run(statement, limits)) existing.add(String(row.key));
    }
  }
  const dangling = edges.filter((e) => !(inBatch.has(e.from) || existing.has(e.from)) || !(inBatch.has(e.to) || existing.has(e.to)));
  if (dangling.length > 0) {
    const names = dangling.slice(0, 5).map((e) => e.name);
    const more = dangling.length > names.length ? ` and ${dangling.length - names.length} more` : '';
    throw new StoreInputError(
      `upsert: relationship ${names.join('; ')}${more}: an endpoint does not exist (neither stored nor in the batch); nothing was written`,
    );
  }
}
