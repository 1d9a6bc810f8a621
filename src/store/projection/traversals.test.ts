import { mulberry32 } from '../../../bench/scale/mulberry32';
import { NODE_KINDS, type NodeKind } from '../../model/kinds';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships';
import type { GraphPath, Subgraph } from '../analytics';
import type { EdgeRecord, NodeRecord, Properties } from '../records';
import { GraphProjection, kindMask, typeMask } from './GraphProjection';
import { neighbourhoodOf } from './neighbourhoodOf';
import { pathsBetween } from './pathsBetween';

/**
 * neighbourhoodOf and pathsBetween against brute force on seeded random
 * graphs: the semantics are those of the header of
 * test/store/analyticsContract.ts, the reference below follows them plainly
 * (a BFS over the edge list; every simple path enumerated, then sorted).
 */

interface Random {
  /** An integer in [low, high]. */
  int(low: number, high: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random subset of `items` with `low..high` elements, in random order. */
  some<T>(items: readonly T[], low: number, high: number): T[];
  shuffle<T>(items: T[]): T[];
}

function random(seed: number): Random {
  const next = mulberry32(seed);
  const int = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  };
  return {
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
    some: (items, low, high) => shuffle([...items]).slice(0, int(low, Math.min(high, items.length))),
    shuffle,
  };
}

interface Edge {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
}

interface Graph {
  readonly nodes: readonly NodeRecord[];
  /** Distinct by (type, from, to): the store merges relationships on those. */
  readonly edges: readonly Edge[];
  readonly kinds: readonly NodeKind[];
  readonly types: readonly RelationshipType[];
}

/** Characters of the random ids: ASCII and Vietnamese, so that code unit order and UTF-8 both matter. */
const ID_CHARACTERS = ['a', 'b', 'B', 'z', '1', '-', 'ă', 'Đ', 'đ', 'ế', 'ữ', ' '];

function randomGraph(r: Random): Graph {
  const kinds = r.some(NODE_KINDS, 2, 4);
  const types = r.some(RELATIONSHIP_TYPES, 2, 4);
  const count = r.int(5, 40);
  const ids = new Set<string>();
  while (ids.size < count) ids.add(Array.from({ length: r.int(1, 3) }, () => r.pick(ID_CHARACTERS)).join(''));
  const nodes = [...ids].map((id): NodeRecord => {
    const props: Properties = r.chance(0.8) ? { name: `Tên ${id}` } : r.chance(0.5) ? { nameVi: '' } : {};
    return { id, kind: r.pick(kinds), props };
  });
  const edges = new Map<string, Edge>();
  const add = (edge: Edge): void => void edges.set(`${edge.type} ${edge.from} ${edge.to}`, edge);
  const wanted = r.int(Math.floor(count * 0.8), count * 2);
  while (edges.size < wanted) {
    const from = r.pick(nodes).id;
    const to = r.chance(0.05) ? from : r.pick(nodes).id;
    const type = r.pick(types);
    add({ type, from, to });
    // Parallel relationships: another type between the same nodes, or the reverse direction.
    if (r.chance(0.15)) add({ type: r.pick(types), from, to });
    if (r.chance(0.1)) add({ type, from: to, to: from });
  }
  return { nodes, edges: [...edges.values()], kinds, types };
}

/**
 * The graph's projection, built the way a store builds and then updates it:
 * some nodes and the relationships among them in bulk (setRelationships),
 * a traversal, then the other nodes and relationships one by one (addEdge or
 * apply), with some relationships sent again (merged, not added twice).
 */
function project(graph: Graph, r: Random): GraphProjection {
  const projection = new GraphProjection();
  const summary = (node: NodeRecord) => ({ id: node.id, kind: node.kind, summary: node.props as { name?: string; nameVi?: string } });
  const first = graph.nodes.slice(0, r.int(0, graph.nodes.length));
  for (const node of first) projection.addNode(summary(node));
  const known = new Set(first.map((n) => n.id));
  const bulk = graph.edges.filter((e) => known.has(e.from) && known.has(e.to) && r.chance(0.7));
  const from = new Int32Array(bulk.length + 3);
  const to = new Int32Array(bulk.length + 3);
  const types = new Uint8Array(bulk.length + 3);
  bulk.forEach((e, i) => {
    from[i] = projection.numberOf(e.from) as number;
    to[i] = projection.numberOf(e.to) as number;
    types[i] = RELATIONSHIP_TYPES.indexOf(e.type);
  });
  projection.setRelationships(from, to, types, bulk.length);
  if (first.length > 0) neighbourhoodOf(projection, { starts: [0], depth: 2, limit: 5, types: typeMask(undefined), kinds: kindMask(undefined) });
  for (const node of graph.nodes.slice(first.length)) {
    if (r.chance(0.5)) projection.addNode(summary(node));
    else projection.apply([node], []);
  }
  const inBulk = new Set(bulk);
  const later = r.shuffle([...graph.edges.filter((e) => !inBulk.has(e)), ...r.some(graph.edges, 0, 5)]);
  for (const edge of later) {
    const added = r.chance(0.5) ? projection.addEdge(edge.type, edge.from, edge.to) : projection.apply([], [{ ...edge, props: {} }]);
    if (!added) throw new Error(`could not add ${edge.type} ${edge.from} ${edge.to}`);
  }
  return projection;
}

// ---------------------------------------------------------------------------
// Brute-force reference.

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summaryNode(node: NodeRecord): NodeRecord {
  return { id: node.id, kind: node.kind, props: node.props, partial: true };
}

function summaryEdge(edge: Edge): EdgeRecord {
  return { type: edge.type, from: edge.from, to: edge.to, props: {}, partial: true };
}

function edgeKey(edge: Edge): string {
  return `${edge.type} ${edge.from} ${edge.to}`;
}

interface NeighbourhoodCase {
  readonly starts: readonly string[];
  readonly depth: number;
  readonly limit: number;
  readonly types?: readonly RelationshipType[];
  readonly kinds?: readonly NodeKind[];
}

/** The neighbourhood, its edges sorted by (type, from, to). */
function expectedNeighbourhood(graph: Graph, query: NeighbourhoodCase): Subgraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => !query.types || query.types.includes(e.type));
  const distance = new Map<string, number>();
  for (const id of query.starts) distance.set(id, 0);
  let frontier = [...distance.keys()];
  for (let d = 1; d <= query.depth; d += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of edges) {
        const other = e.from === id ? e.to : e.to === id ? e.from : undefined;
        if (other === undefined || distance.has(other)) continue;
        if (query.kinds && !query.kinds.includes(byId.get(other)?.kind as NodeKind)) continue;
        distance.set(other, d);
        next.push(other);
      }
    }
    frontier = next;
  }
  const ordered = [...distance.entries()].sort(([a, da], [b, db]) => da - db || cmp(a, b)).map(([id]) => id);
  const kept = ordered.slice(0, query.limit);
  const keptSet = new Set(kept);
  return {
    nodes: kept.map((id) => summaryNode(byId.get(id) as NodeRecord)),
    edges: edges
      .filter((e) => keptSet.has(e.from) && keptSet.has(e.to))
      .sort((a, b) => cmp(edgeKey(a), edgeKey(b)))
      .map(summaryEdge),
    truncated: ordered.length > kept.length,
  };
}

interface PathCase {
  readonly from: string;
  readonly to: string;
  readonly mode: 'SHORTEST' | 'ALL';
  readonly maxDepth: number;
  readonly limit: number;
  readonly types?: readonly RelationshipType[];
}

/** Every simple path of 1..maxDepth relationships walked either way, ordered as the contract says. */
function expectedPaths(graph: Graph, query: PathCase): GraphPath[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incident = new Map<string, Edge[]>();
  for (const e of graph.edges) {
    if (query.types && !query.types.includes(e.type)) continue;
    for (const end of new Set([e.from, e.to])) incident.set(end, [...(incident.get(end) ?? []), e]);
  }
  const found: { ids: string[]; edges: Edge[] }[] = [];
  const walk = (ids: string[], used: Edge[]): void => {
    const last = ids[ids.length - 1] as string;
    if (last === query.to) {
      found.push({ ids: [...ids], edges: [...used] });
      return;
    }
    if (used.length === query.maxDepth) return;
    for (const e of incident.get(last) ?? []) {
      const next = e.from === last ? e.to : e.from;
      if (ids.includes(next)) continue;
      walk([...ids, next], [...used, e]);
    }
  };
  walk([query.from], []);
  const keyOf = (p: { ids: string[]; edges: Edge[] }): string[] => [...p.ids, ...p.edges.map((e) => e.type), ...p.edges.map((e) => e.from)];
  found.sort((a, b) => {
    if (a.ids.length !== b.ids.length) return a.ids.length - b.ids.length;
    const [x, y] = [keyOf(a), keyOf(b)];
    for (let i = 0; i < x.length; i += 1) {
      const c = cmp(x[i] as string, y[i] as string);
      if (c !== 0) return c;
    }
    return 0;
  });
  const shortest = found[0]?.ids.length;
  return found
    .filter((p) => query.mode === 'ALL' || p.ids.length === shortest)
    .slice(0, query.limit)
    .map((p) => ({ nodes: p.ids.map((id) => summaryNode(byId.get(id) as NodeRecord)), edges: p.edges.map(summaryEdge) }));
}

// ---------------------------------------------------------------------------
// Random queries and the projection's answers.

/** A random type filter: none (every type), or some of the graph's types (maybe none), maybe with a type it does not use. */
function randomTypes(graph: Graph, r: Random): RelationshipType[] | undefined {
  if (r.chance(0.5)) return undefined;
  const types = r.some(graph.types, 0, graph.types.length);
  if (r.chance(0.2)) types.push(r.pick(RELATIONSHIP_TYPES));
  return types;
}

function randomNeighbourhood(graph: Graph, r: Random): NeighbourhoodCase {
  const n = graph.nodes.length;
  return {
    starts: Array.from({ length: r.int(1, 3) }, () => r.pick(graph.nodes).id),
    depth: r.int(1, 4),
    limit: r.pick([1, 2, 3, 5, 8, Math.floor(n / 2) + 1, n, n + 5]),
    types: randomTypes(graph, r),
    kinds: r.chance(0.6) ? undefined : r.some(graph.kinds, 0, graph.kinds.length),
  };
}

function randomPath(graph: Graph, r: Random): PathCase {
  const [from, to] = r.some(graph.nodes, 2, 2).map((n) => n.id) as [string, string];
  const mode = r.chance(0.5) ? 'SHORTEST' : 'ALL';
  return {
    from,
    to,
    mode,
    maxDepth: mode === 'SHORTEST' ? r.int(1, 6) : r.int(1, 5),
    limit: r.pick([1, 2, 3, 7, 20, 100]),
    types: randomTypes(graph, r),
  };
}

function numberOf(projection: GraphProjection, id: string): number {
  const number = projection.numberOf(id);
  if (number === undefined) throw new Error(`no node ${id}`);
  return number;
}

/** The projection's neighbourhood, its edges sorted (their order is not fixed). */
function neighbourhood(projection: GraphProjection, query: NeighbourhoodCase): Subgraph {
  const sub = neighbourhoodOf(projection, {
    starts: query.starts.map((id) => numberOf(projection, id)),
    depth: query.depth,
    limit: query.limit,
    types: typeMask(query.types),
    kinds: kindMask(query.kinds),
  });
  return { ...sub, edges: [...sub.edges].sort((a, b) => cmp(edgeKey(a), edgeKey(b))) };
}

function paths(projection: GraphProjection, query: PathCase): GraphPath[] {
  return pathsBetween(projection, {
    from: numberOf(projection, query.from),
    to: numberOf(projection, query.to),
    mode: query.mode,
    maxDepth: query.maxDepth,
    limit: query.limit,
    types: typeMask(query.types),
  });
}

const GRAPHS = 200;
const SEEDS = Array.from({ length: GRAPHS }, (_, i) => 1000 + i);

describe('projection traversals on random graphs, against brute force', () => {
  it(`neighbourhoodOf gives the nodes by (distance, id), the first limit, truncated, and the relationships among them (${GRAPHS} graphs)`, () => {
    let truncated = 0;
    let filtered = 0;
    for (const seed of SEEDS) {
      const r = random(seed);
      const graph = randomGraph(r);
      const projection = project(graph, r);
      expect(projection.relationshipCount).toBe(graph.edges.length);
      for (let i = 0; i < 8; i += 1) {
        const query = randomNeighbourhood(graph, r);
        const expected = expectedNeighbourhood(graph, query);
        expect({ seed, query, answer: neighbourhood(projection, query) }).toEqual({ seed, query, answer: expected });
        if (expected.truncated) truncated += 1;
        if (query.kinds && expected.nodes.length > 1) filtered += 1;
      }
    }
    // The random cases reach the interesting branches.
    expect(truncated).toBeGreaterThan(300);
    expect(filtered).toBeGreaterThan(200);
  });

  it(`pathsBetween SHORTEST and ALL give the simple paths in order (length, ids, types, start ids), the first limit (${GRAPHS} graphs)`, () => {
    let found = 0;
    let long = 0;
    let parallel = 0;
    let cut = 0;
    for (const seed of SEEDS) {
      const r = random(seed);
      const graph = randomGraph(r);
      const projection = project(graph, r);
      for (let i = 0; i < 12; i += 1) {
        const query = randomPath(graph, r);
        const expected = expectedPaths(graph, query);
        expect({ seed, query, answer: paths(projection, query) }).toEqual({ seed, query, answer: expected });
        if (expected.length > 0) found += 1;
        if (expected.some((p) => p.edges.length >= 3)) long += 1;
        if (expected.some((p, j) => j > 0 && p.nodes.map((n) => n.id).join() === expected[j - 1]?.nodes.map((n) => n.id).join())) parallel += 1;
        if (expected.length === query.limit) cut += 1;
      }
    }
    expect(found).toBeGreaterThan(500);
    expect(long).toBeGreaterThan(150);
    expect(parallel).toBeGreaterThan(100);
    expect(cut).toBeGreaterThan(100);
  });

  it('gives the same answers when asked again, in another order (the scratch marks start afresh each time)', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const r = random(seed);
      const graph = randomGraph(r);
      const projection = project(graph, r);
      const queries = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? randomNeighbourhood(graph, r) : randomPath(graph, r)));
      const ask = (query: NeighbourhoodCase | PathCase): Subgraph | GraphPath[] =>
        'starts' in query ? neighbourhood(projection, query) : paths(projection, query);
      const first = queries.map(ask);
      const again = [...queries].reverse().map(ask).reverse();
      expect({ seed, answers: again }).toEqual({ seed, answers: first });
      expect(queries.map(ask)).toEqual(first);
    }
  });
});

describe('projection traversals under a deadline', () => {
  /** One of the random graphs above, projected. */
  function smallGraph(): { projection: GraphProjection; ids: string[] } {
    const r = random(7);
    const graph = randomGraph(r);
    return { projection: project(graph, r), ids: graph.nodes.map((n) => n.id) };
  }

  it('neighbourhoodOf asks before every layer and stops when asked to', () => {
    const { projection } = smallGraph();
    let asked = 0;
    const query = { starts: [0], depth: 3, limit: 2000, types: typeMask(undefined), kinds: kindMask(undefined) };
    neighbourhoodOf(projection, { ...query, check: () => (asked += 1) });
    expect(asked).toBeGreaterThanOrEqual(1);
    const stop = new Error('deadline');
    expect(() => neighbourhoodOf(projection, { ...query, check: () => { throw stop; } })).toThrow(stop);
  });

  it('pathsBetween asks between layers and stops when asked to', () => {
    const { projection, ids } = smallGraph();
    const stop = new Error('deadline');
    for (const mode of ['SHORTEST', 'ALL'] as const) {
      let asked = 0;
      const query = { from: 0, to: ids.length - 1, mode, maxDepth: 4, limit: 100, types: typeMask(undefined) };
      pathsBetween(projection, { ...query, check: () => (asked += 1) });
      expect(asked).toBeGreaterThanOrEqual(1);
      expect(() => pathsBetween(projection, { ...query, check: () => { throw stop; } })).toThrow(stop);
    }
  });
});
