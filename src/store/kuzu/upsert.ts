import { StoreInputError } from '../../errors';
import { propertiesOf, type NodeKind, type PropertySpec } from '../../model/kinds';
import { RELATIONSHIP_PROPERTIES, type RelationshipType } from '../../model/relationships';
import type { GraphBatch, PropertyValue, UpsertResult } from '../port';
import type { ConnectionPool } from './ConnectionPool';
import type { KindSizes } from './KindSizes';
import type { KuzuConnection, Params } from './KuzuConnection';
import { inTransaction } from './inTransaction';
import { matchByIds } from './matchByIds';
import { prepareBatch, type EdgeWrite, type NodeWrite } from './prepareBatch';
import { quoteIdentifier as q } from './quoteIdentifier';
import { toCount } from './toCount';

/** Rows per UNWIND statement. */
const ROWS_PER_STATEMENT = 1000;

/**
 * GraphStore.upsert on Kùzu. The batch is checked first (see
 * {@link prepareBatch}) and relationship endpoints that are not in the batch
 * must already exist, else {@link StoreInputError} naming the relationships
 * and nothing is written. Then, on the single write connection, in ONE
 * transaction: nodes are merged by id and relationships by type + endpoints
 * (`UNWIND ... MERGE ... SET` per kind / endpoint kinds and set of given
 * properties: properties given are set, null clears, others stay), and the
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
): Promise<UpsertResult> {
  const { nodes, edges } = prepareBatch(batch);
  if (nodes.length === 0 && edges.length === 0) return { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0 };
  return writes.use(async (c) => {
    await checkEndpoints(c, sizes, nodes, edges);
    const kinds = [...new Set(nodes.map((n) => n.kind))];
    const types = [...new Set(edges.map((e) => e.type))];
    const result = await inTransaction(c, async () => {
      const nodesBefore = await countNodes(c, kinds);
      const edgesBefore = await countEdges(c, types);
      for (const statement of nodeStatements(nodes)) await c.run(statement.cypher, statement.params, 'merging nodes');
      for (const statement of edgeStatements(edges)) await c.run(statement.cypher, statement.params, 'merging relationships');
      const nodesAfter = await countNodes(c, kinds);
      const edgesAfter = await countEdges(c, types);
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
async function checkEndpoints(c: KuzuConnection, sizes: KindSizes, nodes: readonly NodeWrite[], edges: readonly EdgeWrite[]): Promise<void> {
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
    const rows = await matchByIds(c.run.bind(c), sizes, { kind, ids: [...ids], rest: '', returns: 'a.id AS key', doing: 'checking endpoints' });
    for (const row of rows) existing.add(String(row.key));
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

async function countNodes(c: KuzuConnection, kinds: readonly NodeKind[]): Promise<Map<NodeKind, number>> {
  const counts = new Map<NodeKind, number>();
  for (const kind of kinds) counts.set(kind, toCount(await c.run(`MATCH (n:${q(kind)}) RETURN count(*) AS c`, {}, 'counting nodes')));
  return counts;
}

async function countEdges(c: KuzuConnection, types: readonly RelationshipType[]): Promise<Map<RelationshipType, number>> {
  const counts = new Map<RelationshipType, number>();
  for (const type of types) {
    counts.set(type, toCount(await c.run(`MATCH ()-[e:${q(type)}]->() RETURN count(*) AS c`, {}, 'counting relationships')));
  }
  return counts;
}

function sum(counts: Map<unknown, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

interface Statement {
  readonly cypher: string;
  readonly params: Params;
}

/** One statement per kind, set of given properties and chunk of rows. */
function nodeStatements(nodes: readonly NodeWrite[]): Statement[] {
  const groups = groupBy(nodes, (n) => `${n.kind}\n${[...n.props.keys()].sort().join(',')}`);
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const specs = propertiesOf(first.kind).filter((spec) => first.props.has(spec.name));
    const sets = specs.map((spec, i) => `n.${q(spec.name)} = r.v${i}`);
    const cypher =
      `UNWIND list_slice($rows, 2, size($rows) + 1) AS r MERGE (n:${q(first.kind)} {id: r.id})` +
      (sets.length ? ` SET ${sets.join(', ')}` : '');
    return chunk(group).map((rows) => ({
      cypher,
      params: { rows: [witness({ id: '' }, specs), ...rows.map((n) => row({ id: n.id }, specs, n.props))] },
    }));
  });
}

/** One statement per type, endpoint kinds, set of given properties and chunk of rows. */
function edgeStatements(edges: readonly EdgeWrite[]): Statement[] {
  const groups = groupBy(edges, (e) => `${e.type}\n${e.fromKind}\n${e.toKind}\n${[...e.props.keys()].sort().join(',')}`);
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const specs = RELATIONSHIP_PROPERTIES.filter((spec) => first.props.has(spec.name));
    const sets = specs.map((spec, i) => `e.${q(spec.name)} = r.v${i}`);
    // Both endpoints exist (checked before the transaction), so these MERGEs only find them, by primary key.
    const cypher =
      `UNWIND list_slice($rows, 2, size($rows) + 1) AS r MERGE (a:${q(first.fromKind)} {id: r.src}) ` +
      `MERGE (b:${q(first.toKind)} {id: r.dst}) MERGE (a)-[e:${q(first.type)}]->(b)` +
      (sets.length ? ` SET ${sets.join(', ')}` : '');
    return chunk(group).map((rows) => ({
      cypher,
      params: { rows: [witness({ src: '', dst: '' }, specs), ...rows.map((e) => row({ src: e.from, dst: e.to }, specs, e.props))] },
    }));
  });
}

/**
 * The first row of every UNWIND list: Kùzu infers the type of a list of
 * structs from its first element, so it carries a non-null value of the right
 * type in every field (a null there would be typed STRING). It is never
 * written: the statements unwind `list_slice($rows, 2, ...)`.
 */
function witness(keys: Record<string, string>, specs: readonly PropertySpec[]): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = { ...keys };
  specs.forEach((spec, i) => (out[`v${i}`] = spec.type === 'int' ? 0 : spec.type === 'boolean' ? false : ''));
  return out;
}

/** A row with the same keys, in the same order, as its witness; null where a property is cleared. */
function row(keys: Record<string, string>, specs: readonly PropertySpec[], props: Map<string, PropertyValue>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = { ...keys };
  specs.forEach((spec, i) => (out[`v${i}`] = props.get(spec.name) ?? null));
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunk<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}
