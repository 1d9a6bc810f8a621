import { StoreInputError } from '../../../errors';
import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import type { GraphBatch, UpsertResult } from '../../port';
import { prepareBatch } from '../bulk/prepareBatch';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { inTransaction } from '../connection/inTransaction';
import type { KuzuConnection } from '../connection/KuzuConnection';
import { toCount } from '../records/toPropertyValue';
import type { KindSizes } from '../schema/KindSizes';
import { existingIds } from '../statements/matchByIds';
import { countEdgesOf, countNodesOf } from '../statements/counts';
import { edgeStatements, nodeStatements, type EdgeWrite, type NodeWrite } from '../statements/upsert';

/**
 * GraphStore.upsert on Kùzu. The batch is checked first (see
 * {@link prepareBatch}) and relationship endpoints that are not in the batch
 * must already exist, else {@link StoreInputError} naming the relationships
 * and nothing is written. Then, on the single write connection, in ONE
 * transaction: nodes are merged by id and relationships by type + endpoints
 * (see {@link nodeStatements}, {@link edgeStatements}), and the
 * created counts are the change of the node / relationship counts of the
 * touched tables (the rest of the distinct entries were updates). Any error
 * rolls the transaction back. After a commit, `afterCommit` runs on the write
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
  if (nodes.length === 0 && edges.length === 0) return { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0 };
  return writes.use(async (c) => {
    await checkEndpoints(c, sizes, nodes, edges, limits);
    const kinds = [...new Set(nodes.map((n) => n.kind))];
    const types = [...new Set(edges.map((e) => e.type))];
    const result = await inTransaction(c, async () => {
      const nodesBefore = await countNodes(c, kinds, limits);
      const edgesBefore = await countEdges(c, types, limits);
      for (const statement of nodeStatements(nodes)) await c.run(statement, limits);
      for (const statement of edgeStatements(edges)) await c.run(statement, limits);
      const nodesAfter = await countNodes(c, kinds, limits);
      const edgesAfter = await countEdges(c, types, limits);
      const nodesCreated = sum(nodesAfter) - sum(nodesBefore);
      const edgesCreated = sum(edgesAfter) - sum(edgesBefore);
      return { counts: nodesAfter, nodesCreated, edgesCreated };
    });
    for (const [kind, size] of result.counts) sizes.set(kind, size);
    await afterCommit(c);
    return {
      nodesCreated: result.nodesCreated,
      nodesUpdated: nodes.length - result.nodesCreated,
      edgesCreated: result.edgesCreated,
      edgesUpdated: edges.length - result.edgesCreated,
    };
  });
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

async function countNodes(c: KuzuConnection, kinds: readonly NodeKind[], limits: CallLimits | undefined): Promise<Map<NodeKind, number>> {
  const counts = new Map<NodeKind, number>();
  for (const kind of kinds) counts.set(kind, toCount(await c.run(countNodesOf(kind), limits)));
  return counts;
}

async function countEdges(c: KuzuConnection, types: readonly RelationshipType[], limits: CallLimits | undefined): Promise<Map<RelationshipType, number>> {
  const counts = new Map<RelationshipType, number>();
  for (const type of types) counts.set(type, toCount(await c.run(countEdgesOf(type), limits)));
  return counts;
}

function sum(counts: Map<unknown, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
