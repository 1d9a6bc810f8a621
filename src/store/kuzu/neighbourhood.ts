import type { KuzuValue } from 'kuzu';
import { StoreInputError } from '../../errors';
import { parseId } from '../../model/ids';
import type { NodeKind } from '../../model/kinds';
import { isRelationshipType, type RelationshipType } from '../../model/relationships';
import { ANALYTICS_LIMITS, type NeighbourhoodQuery, type Subgraph } from '../analytics';
import type { EdgeRecord, NodeRecord } from '../port';
import { checkInteger } from './checkInteger';
import { checkKinds } from './checkKinds';
import { checkTypes } from './checkTypes';
import type { ConnectionPool } from './ConnectionPool';
import type { KuzuConnection, Params } from './KuzuConnection';
import { quoteIdentifier as q } from './quoteIdentifier';
import { toEdgeRecord } from './toEdgeRecord';
import { toNodeRecord } from './toNodeRecord';

/** A start node: its id and the table its id names. */
interface Start {
  readonly id: string;
  readonly kind: NodeKind;
}

/**
 * GraphStore.neighbourhood on Kùzu, on one read connection:
 *
 * 1. one statement per start node (at most 100, the API's bound): the start
 *    by primary key, then Kùzu's BFS `OPTIONAL MATCH (a)-[e:Types* SHORTEST
 *    1..depth (r, n | WHERE label(n) IN [kinds])]-(b:Kinds)` (only allowed
 *    types followed, only allowed kinds entered; for depth 1 a plain
 *    `-[e:Types]-` hop), the distance per node,
 *    ordered by distance then id and cut by LIMIT to `limit + 1` rows in the
 *    query, so a hub never sends its whole layer to Node (the properties of
 *    the rows kept are read after the LIMIT; ordering by id costs more).
 *    The rows of all starts are merged (the smallest distance wins; each
 *    start's first `limit + 1` rows hold every node that can be among the
 *    first `limit + 1` overall), ordered by distance then id, the first
 *    `limit` kept (start nodes first, at distance 0) and `truncated` set when
 *    more were in reach;
 * 2. one statement for the relationships among the kept nodes (UNION ALL per
 *    kind kept): `MATCH (x:Kind)-[r:Types]->(y)` for the kept nodes of that
 *    kind, picked by the internal offsets step 1 returned, keeping `y` when
 *    its table and offset are those of a kept node (see readEdges); each
 *    relationship in its stored direction.
 *
 * With `kinds` (depth 2 or 3) the BFS tracks paths, which needs a buffer
 * pool above ~192 MB (see findPaths).
 *
 * Missing or malformed start ids are ignored; empty `types` or `kinds`
 * leave the start nodes only. Bad depth (1..maxNeighbourhoodDepth), limit
 * (1..maxNeighbourhoodNodes), kinds or types throw StoreInputError.
 */
export async function neighbourhood(pool: ConnectionPool, query: NeighbourhoodQuery): Promise<Subgraph> {
  const owner = 'neighbourhood';
  if (!Array.isArray(query?.ids)) throw new StoreInputError(`${owner}: ids must be a list of ids`);
  const depth = checkInteger(owner, 'depth', query.depth, 1, ANALYTICS_LIMITS.maxNeighbourhoodDepth);
  const limit = checkInteger(owner, 'limit', query.limit, 1, ANALYTICS_LIMITS.maxNeighbourhoodNodes);
  const kinds = checkKinds(owner, 'kinds', query.kinds);
  const types = checkTypes(owner, 'types', query.types);
  const starts = new Map<string, Start>();
  for (const id of query.ids as readonly unknown[]) {
    if (typeof id !== 'string') continue;
    const parsed = parseId(id);
    if (typeof parsed !== 'string') starts.set(id, { id, kind: parsed.kind });
  }
  if (starts.size === 0) return { nodes: [], edges: [], truncated: false };

  const follow = types?.length !== 0 && kinds?.length !== 0;
  const label = types ? `:${types.map(q).join('|')}` : '';
  // Kùzu takes no parameter inside a recursive filter: the kinds (checked registry names) are spliced in as literals.
  const enter = kinds ? ` (r, n | WHERE label(n) IN [${kinds.map((kind) => `'${kind}'`).join(', ')}] | {}, {})` : '';
  // One hop is a plain adjacency extension: Kùzu's recursive (GDS) BFS costs ~100 ms of set-up per
  // statement at 1M nodes, whatever the reach (measured).
  const reach = depth === 1 ? `-[e${label}]-` : `-[e${label}* SHORTEST 1..${depth}${enter}]-`;
  // Kùzu 0.11.3 answers a shortest path whose only use is length(e) without tracking the path, and then
  // ignores the node filter: with kinds, the distance is read from the path itself (costs path tracking).
  const distance = depth === 1 ? '1' : kinds ? 'size(rels(e))' : 'length(e)';
  const ends = kinds ? `:${kinds.map(q).join(':')}` : '';
  const startIds = [...starts.keys()];

  const found = new Map<string, { node: NodeRecord; distance: number; internal: string | undefined }>();
  const keep = (value: KuzuValue | undefined, distance: number): void => {
    if (value === null || value === undefined) return;
    const node = toNodeRecord(value);
    const known = found.get(node.id);
    const internal = internalKey(node.kind, (value as { _id?: unknown })._id);
    if (!known || distance < known.distance) found.set(node.id, { node, distance, internal });
  };
  return pool.use(async (c) => {
    for (const start of starts.values()) {
      const rows = await c.run(
        `MATCH (a:${q(start.kind)}) WHERE a.id = $origin ` +
          (follow
            ? `OPTIONAL MATCH (a)${reach}(b${ends}) WHERE NOT list_contains($origins, b.id) ` +
              `WITH a, b, min(${distance}) AS d ORDER BY d, b.id LIMIT $top RETURN a, b, d`
            : 'RETURN a, NULL AS b, NULL AS d'),
        follow ? { origin: start.id, origins: startIds, top: limit + 1 } : { origin: start.id },
        `reading the neighbourhood of ${start.id}`,
      );
      for (const row of rows.slice(0, 1)) keep(row.a, 0);
      for (const row of rows) keep(row.b, Number(row.d));
    }
    const ordered = [...found.values()].sort((x, y) => x.distance - y.distance || (x.node.id < y.node.id ? -1 : x.node.id > y.node.id ? 1 : 0));
    const kept = ordered.slice(0, limit);
    const edges = follow && kept.length > 1 ? await readEdges(c, kept.map((entry) => [entry.node.id, { kind: entry.node.kind, internal: entry.internal }] as const), label) : [];
    return { nodes: kept.map((entry) => entry.node), edges, truncated: ordered.length > kept.length };
  });
}

/**
 * Every relationship of the allowed types among the kept nodes (see
 * neighbourhood, step 2). Kùzu has no seek by internal id (`id(x) = ...`
 * scans the table) and a primary-key lookup per node costs ~0.3-0.4 ms, so
 * the kept nodes of each kind are picked by a scan of their table's internal
 * offsets (no property read; ~50-150 ms for 200 offsets in a 900k-row table,
 * measured) and their out-relationships kept when the other end is a kept
 * node, tested on its table and offset (`label(y):offset`), again without
 * reading a property. One statement, UNION ALL over the kinds kept.
 */
async function readEdges(
  c: KuzuConnection,
  kept: readonly (readonly [string, { kind: NodeKind; internal: string | undefined }])[],
  label: string,
): Promise<EdgeRecord[]> {
  const byInternal = new Map<string, string>();
  const offsets = new Map<NodeKind, number[]>();
  for (const [id, { kind, internal }] of kept) {
    if (internal === undefined) continue;
    byInternal.set(internal, id);
    const offset = Number(internal.slice(internal.indexOf(':') + 1));
    const list = offsets.get(kind);
    if (list) list.push(offset);
    else offsets.set(kind, [offset]);
  }
  if (byInternal.size === 0) return [];
  const params: Params = { keys: [...byInternal.keys()] };
  const branches = [...offsets].map(([kind, list], i) => {
    params[`o${i}`] = list;
    return (
      `MATCH (x:${q(kind)})-[r${label}]->(y) WHERE list_contains($o${i}, offset(id(x))) ` +
      `AND list_contains($keys, label(y) + ':' + CAST(offset(id(y)) AS STRING)) ` +
      `RETURN label(x) + ':' + CAST(offset(id(x)) AS STRING) AS src, label(y) + ':' + CAST(offset(id(y)) AS STRING) AS dst, ` +
      'label(r) AS type, r AS edge'
    );
  });
  const edges = new Map<string, EdgeRecord>();
  for (const row of await c.run(branches.join(' UNION ALL '), params, 'reading the relationships of a neighbourhood')) {
    const type = row.type;
    if (typeof type !== 'string' || !isRelationshipType(type)) throw new Error(`Kùzu returned an unknown relationship type ${String(type)}`);
    const from = byInternal.get(String(row.src));
    const to = byInternal.get(String(row.dst));
    if (from === undefined || to === undefined) throw new Error('Kùzu returned a relationship whose ends were not asked for');
    const edge = toEdgeRecord(type as RelationshipType, from, to, row.edge ?? null);
    edges.set(`${edge.type}\n${edge.from}\n${edge.to}`, edge);
  }
  return [...edges.values()];
}

/** "Kind:offset" of a node's internal id, the key readEdges matches on. */
function internalKey(kind: NodeKind, value: unknown): string | undefined {
  const offset = (value as { offset?: unknown } | null)?.offset;
  return typeof offset === 'number' || typeof offset === 'bigint' ? `${kind}:${String(offset)}` : undefined;
}
