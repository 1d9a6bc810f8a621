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
import type { Params } from './KuzuConnection';
import { quoteIdentifier as q } from './quoteIdentifier';
import { toEdgeRecord } from './toEdgeRecord';
import { toNodeRecord } from './toNodeRecord';

/** A start node: its id and the table its id names. */
interface Start {
  readonly id: string;
  readonly kind: NodeKind;
}

/**
 * GraphStore.neighbourhood on Kùzu, on one read connection: one statement
 * per start node (at most 100, the API's bound), then one more:
 *
 * 1. distances: the start by primary key, then Kùzu's BFS
 *    `OPTIONAL MATCH (a)-[e:Types* SHORTEST 1..depth (r, n | WHERE label(n)
 *    IN [kinds])]-(b:Kinds)` (only allowed types followed, only allowed kinds
 *    entered), `min(length(e))` per node, ordered by distance then id and
 *    cut by LIMIT to `limit + 1` rows in the query, so a hub never sends its
 *    whole layer to Node. The rows of all starts are merged (the smallest
 *    distance wins; each start's first `limit + 1` rows hold every node that
 *    can be among the first `limit + 1` overall), ordered by distance then
 *    id, the first `limit` kept (start nodes first, at distance 0) and
 *    `truncated` set when more were in reach.
 * 2. relationships among the kept nodes, one statement (UNION ALL per kind
 *    kept): `MATCH (x:Kind)-[r:Types]->(y)` for the kept nodes of that kind,
 *    picked by the internal offsets statement 1 returned (no property read,
 *    no primary-key lookup per node), keeping `y` among the kept ids; each
 *    relationship in its stored direction.
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
  const reach = `-[e${label}* SHORTEST 1..${depth}${enter}]-`;
  // Kùzu 0.11.3 answers a shortest path whose only use is length(e) without tracking the path, and then
  // ignores the node filter: with kinds, the distance is read from the path itself (costs path tracking).
  const distance = kinds ? 'size(rels(e))' : 'length(e)';
  const ends = kinds ? `:${kinds.map(q).join(':')}` : '';
  const startIds = [...starts.keys()];

  return pool.use(async (c) => {
    const found = new Map<string, { node: NodeRecord; distance: number; offset: number | undefined }>();
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
      for (const row of rows) {
        const a = toNodeRecord(row.a ?? null);
        found.set(a.id, { node: a, distance: 0, offset: offsetOf(row.a) });
      }
      for (const row of rows) {
        if (row.b === null || row.b === undefined) continue;
        const b = toNodeRecord(row.b);
        const distance = Number(row.d);
        const known = found.get(b.id);
        if (!known || distance < known.distance) found.set(b.id, { node: b, distance, offset: offsetOf(row.b) });
      }
    }
    const ordered = [...found.values()].sort((x, y) => x.distance - y.distance || (x.node.id < y.node.id ? -1 : x.node.id > y.node.id ? 1 : 0));
    const kept = ordered.slice(0, limit).map((entry) => entry.node);
    const truncated = ordered.length > kept.length;
    if (!follow || kept.length < 1) return { nodes: kept, edges: [], truncated };

    // Relationships among the kept nodes: one hop out of each kept node (found by its table and
    // internal offset, which Kùzu reads without touching a property) to a kept node. (Chaining this
    // hop after the recursive pattern instead crashes Kùzu 0.11.3.)
    const keptIds = kept.map((node) => node.id);
    const offsets = new Map<NodeKind, number[]>();
    for (const node of kept) {
      const offset = found.get(node.id)?.offset;
      if (offset === undefined) continue;
      const list = offsets.get(node.kind);
      if (list) list.push(offset);
      else offsets.set(node.kind, [offset]);
    }
    const params: Params = { kept: keptIds };
    const branches = [...offsets].map(([kind, list], i) => {
      params[`o${i}`] = list;
      return (
        `MATCH (x:${q(kind)})-[r${label}]->(y) WHERE list_contains($o${i}, offset(id(x))) AND list_contains($kept, y.id) ` +
        'RETURN label(r) AS type, x.id AS src, y.id AS dst, r AS edge'
      );
    });
    const edges = new Map<string, EdgeRecord>();
    const rows = branches.length ? await c.run(branches.join(' UNION ALL '), params, 'reading the relationships of a neighbourhood') : [];
    for (const row of rows) {
      const type = row.type;
      if (typeof type !== 'string' || !isRelationshipType(type)) throw new Error(`Kùzu returned an unknown relationship type ${String(type)}`);
      const edge = toEdgeRecord(type as RelationshipType, String(row.src), String(row.dst), row.edge ?? null);
      edges.set(`${edge.type}\n${edge.from}\n${edge.to}`, edge);
    }
    return { nodes: kept, edges: [...edges.values()], truncated };
  });
}

/** The offset of a node value's internal id in its table (undefined when Kùzu did not send it). */
function offsetOf(value: unknown): number | undefined {
  const id = (value as { _id?: { offset?: unknown } } | null)?._id;
  const offset = id?.offset;
  return typeof offset === 'number' && Number.isSafeInteger(offset) ? offset : typeof offset === 'bigint' ? Number(offset) : undefined;
}
