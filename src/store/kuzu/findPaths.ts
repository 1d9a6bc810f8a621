import type { KuzuValue } from 'kuzu';
import { StoreInputError } from '../../errors';
import { parseId } from '../../model/ids';
import type { NodeKind } from '../../model/kinds';
import { isRelationshipType, RELATIONSHIP_PROPERTIES, type RelationshipType } from '../../model/relationships';
import { ANALYTICS_LIMITS, type GraphPath, type PathQuery } from '../analytics';
import type { EdgeRecord, NodeRecord } from '../port';
import { checkInteger } from './checkInteger';
import { checkTypes } from './checkTypes';
import type { ConnectionPool } from './ConnectionPool';
import type { KuzuConnection, Row } from './KuzuConnection';
import { quoteIdentifier as q } from './quoteIdentifier';
import { toEdgeRecord } from './toEdgeRecord';

/** Reads full nodes by id, aligned with the ids (the store's getNodes). */
export type NodeFetcher = (ids: readonly string[]) => Promise<(NodeRecord | null)[]>;

/** A path as read from Kùzu, before its nodes are fetched. */
interface PathRow {
  readonly ids: readonly string[];
  readonly edges: readonly EdgeRecord[];
}

/**
 * GraphStore.findPaths on Kùzu. Both endpoints are found by primary key in
 * the table their id names, then, undirected, over the allowed relationship
 * tables (all by default):
 *
 * - SHORTEST: one statement, `-[e* ALL SHORTEST 1..maxDepth]-` (Kùzu's
 *   BFS), every path of minimal length;
 * - ALL: one statement per length d = 1, 2... (shortest first, stopping once
 *   `limit` paths are found): `(a)-[r1]-(n1)-...-[rd]-(b)` with every pair
 *   of nodes distinct (`id(x) <> id(y)`).
 *
 * Intermediate nodes are read as their ids only (SHORTEST projects them to
 * `{n.id}` inside the recursive pattern); Kùzu orders the rows by length,
 * the ids along the path and the types along it (joined with spaces, which
 * sort before every id character) and returns at most
 * `limit + 2^length - 1` of them: paths through the same nodes and types
 * differ only in the direction of a relationship (two relationships of one
 * type, one each way, can join two nodes), at most 2^length of them, so the
 * rows always hold every path that can be among the first `limit`. Those are
 * then ordered exactly (the start ids of their relationships break the last
 * ties), cut to `limit`, and their nodes read with one batched lookup
 * (`fetchNodes`). Relationships keep their stored direction.
 *
 * Memory: Kùzu 0.11.3 tracks the paths of a recursive pattern over all 23
 * relationship tables in buffer-pool blocks; below ~256 MB of buffer pool
 * (measured: 128 MB fails, 192 MB fails at depth 6, 512 MB passes) SHORTEST
 * fails with "buffer pool is full" (StoreUnavailableError). The default pool
 * (openStore) is most of the RAM; only small test pools are affected.
 *
 * From a node to itself: one path of length 0 when the node exists. Missing
 * or malformed ids give []. Bad mode, maxDepth (1..ANALYTICS_LIMITS.maxPathDepth),
 * limit (1..ANALYTICS_LIMITS.maxPaths) or types throw StoreInputError; an
 * empty `types` list gives [].
 */
export async function findPaths(pool: ConnectionPool, fetchNodes: NodeFetcher, query: PathQuery): Promise<GraphPath[]> {
  const owner = 'findPaths';
  const mode: unknown = query?.mode;
  if (mode !== 'SHORTEST' && mode !== 'ALL') throw new StoreInputError(`${owner}: mode must be SHORTEST or ALL, got ${JSON.stringify(mode)}`);
  const maxDepth = checkInteger(owner, 'maxDepth', query.maxDepth, 1, ANALYTICS_LIMITS.maxPathDepth);
  const limit = checkInteger(owner, 'limit', query.limit, 1, ANALYTICS_LIMITS.maxPaths);
  const types = checkTypes(owner, 'types', query.types);
  const from = typeof query.from === 'string' ? parseId(query.from) : 'not a string';
  const to = typeof query.to === 'string' ? parseId(query.to) : 'not a string';
  if (typeof from === 'string' || typeof to === 'string' || types?.length === 0) return [];

  if (query.from === query.to) {
    const [node] = await fetchNodes([query.from]);
    return node ? [{ nodes: [node], edges: [] }] : [];
  }
  const rows = await pool.use(async (c) => {
    if (mode === 'SHORTEST') return readPaths(c, from.kind, to.kind, types, true, 1, maxDepth, limit, query);
    const found: PathRow[] = [];
    for (let depth = 1; depth <= maxDepth && found.length < limit; depth += 1) {
      found.push(...(await readPaths(c, from.kind, to.kind, types, false, depth, depth, limit - found.length, query)));
    }
    return found;
  });
  const kept = rows.sort(comparePaths).slice(0, limit);
  if (kept.length === 0) return [];
  const ids = [...new Set(kept.flatMap((path) => path.ids))];
  const nodes = new Map<string, NodeRecord>();
  (await fetchNodes(ids)).forEach((node) => node && nodes.set(node.id, node));
  return kept.flatMap((path) => {
    const pathNodes = path.ids.map((id) => nodes.get(id));
    // A node deleted between the two reads: the path no longer exists.
    if (pathNodes.some((node) => node === undefined)) return [];
    return [{ nodes: pathNodes as NodeRecord[], edges: path.edges }];
  });
}

/**
 * Reads the paths of `low..high` relationships that can be among the first
 * `wanted` (see findPaths): with `shortest`, Kùzu's ALL SHORTEST search over
 * 1..high; otherwise the paths of exactly `low` (= high) relationships, as a
 * pattern of that many explicit hops whose nodes are pairwise distinct (Kùzu
 * 0.11.3's recursive ACYCLIC / TRAIL enumeration over every relationship
 * table exhausts a 128 MB buffer pool even on a tiny graph; plain joins do
 * not).
 */
async function readPaths(
  c: KuzuConnection,
  fromKind: NodeKind,
  toKind: NodeKind,
  types: readonly RelationshipType[] | undefined,
  shortest: boolean,
  low: number,
  high: number,
  wanted: number,
  query: PathQuery,
): Promise<PathRow[]> {
  const label = types ? `:${types.map(q).join('|')}` : '';
  const ends = `MATCH (a:${q(fromKind)}) WHERE a.id = $from MATCH (b:${q(toKind)}) WHERE b.id = $to `;
  const order = 'ORDER BY nk, tk LIMIT $top';
  let cypher: string;
  if (shortest) {
    const relProps = RELATIONSHIP_PROPERTIES.map((spec) => `r.${q(spec.name)}`).join(', ');
    cypher =
      `${ends}MATCH (a)-[e${label}* ALL SHORTEST ${low}..${high} (r, n | {${relProps}}, {n.id})]-(b) ` +
      `RETURN id(a) AS aid, id(b) AS bid, properties(nodes(e), 'id') AS mids, list_transform(nodes(e), x -> id(x)) AS mint, rels(e) AS rels, ` +
      `length(e) AS len, list_to_string(' ', properties(nodes(e), 'id')) AS nk, ` +
      `list_to_string(' ', list_transform(rels(e), x -> label(x))) AS tk ORDER BY len, nk, tk LIMIT $top`;
  } else {
    const mids = Array.from({ length: low - 1 }, (_, i) => `n${i + 1}`);
    const rels = Array.from({ length: low }, (_, i) => `r${i + 1}`);
    const all = ['a', ...mids, 'b'];
    const distinct: string[] = [];
    for (let i = 0; i < all.length; i += 1) {
      for (let j = i + 1; j < all.length; j += 1) if (!(i === 0 && j === all.length - 1)) distinct.push(`id(${all[i]}) <> id(${all[j]})`);
    }
    const hops = rels.map((r, i) => `-[${r}${label}]-(${i + 1 < low ? mids[i] : 'b'})`).join('');
    const midIds = `[${mids.map((n) => `${n}.id`).join(', ')}]`;
    cypher =
      `${ends}MATCH (a)${hops}${distinct.length ? ` WHERE ${distinct.join(' AND ')}` : ''} ` +
      `RETURN id(a) AS aid, id(b) AS bid, ${mids.length ? midIds : 'CAST([], "STRING[]")'} AS mids, ` +
      `[${mids.map((n) => `id(${n})`).join(', ')}] AS mint, [${rels.join(', ')}] AS rels, ` +
      `${mids.length ? `list_to_string(' ', ${midIds})` : "''"} AS nk, ${rels.map((r) => `label(${r})`).join(" + ' ' + ")} AS tk ${order}`;
  }
  const top = wanted + 2 ** high - 1;
  const rows = await c.run(cypher, { from: query.from, to: query.to, top }, `finding paths from ${query.from} to ${query.to}`);
  return rows.map((row) => toPathRow(row, query.from, query.to));
}

/** Turns a row into ids along the path and relationships with their stored direction. */
function toPathRow(row: Row, from: string, to: string): PathRow {
  const byInternalId = new Map<string, string>([
    [internalKey(row.aid), from],
    [internalKey(row.bid), to],
  ]);
  const internal = asList(row.mint);
  const mids = asList(row.mids).map((id, i) => {
    if (typeof id !== 'string') throw new Error('Kùzu returned a path node without an id');
    byInternalId.set(internalKey(internal[i]), id);
    return id;
  });
  const ids = [from, ...mids, to];
  const edges = asList(row.rels).map((value, i) => {
    const rel = value as Record<string, unknown>;
    const type = rel._label;
    if (typeof type !== 'string' || !isRelationshipType(type)) throw new Error(`Kùzu returned an unknown relationship type ${String(type)}`);
    const src = byInternalId.get(internalKey(rel._src));
    const dst = byInternalId.get(internalKey(rel._dst));
    const here = ids[i];
    const next = ids[i + 1];
    if (src === undefined || dst === undefined || !((src === here && dst === next) || (src === next && dst === here))) {
      throw new Error(`Kùzu returned a path whose relationship ${i + 1} does not join its nodes`);
    }
    return toEdgeRecord(type, src, dst, value as KuzuValue);
  });
  return { ids, edges };
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('Kùzu returned a path without its node or relationship list');
  return value;
}

/** "table:offset" of a Kùzu internal id. */
function internalKey(value: unknown): string {
  const id = value as { table?: unknown; offset?: unknown } | null;
  if (id === null || typeof id !== 'object') throw new Error('Kùzu returned a path without internal ids');
  return `${String(id.table)}:${String(id.offset)}`;
}

/** Length, then ids along the path, then types along it, then the start ids of its relationships. */
function comparePaths(a: PathRow, b: PathRow): number {
  if (a.ids.length !== b.ids.length) return a.ids.length - b.ids.length;
  const keys = (p: PathRow): string[] => [...p.ids, ...p.edges.map((e) => e.type), ...p.edges.map((e) => e.from)];
  const x = keys(a);
  const y = keys(b);
  for (let i = 0; i < x.length; i += 1) {
    const [u, v] = [x[i] ?? '', y[i] ?? ''];
    if (u !== v) return u < v ? -1 : 1;
  }
  return 0;
}
