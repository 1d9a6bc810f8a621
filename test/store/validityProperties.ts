import type { NodeKind } from '../../src/model/kinds';
import type { RelationshipType } from '../../src/model/relationships';
import { foldText } from '../../src/model/text';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import type { GraphPath } from '../../src/store/analytics';
import { compareCodePoints } from '../../src/store/compareCodePoints';
import { validityCursor, type EdgeRecord, type GraphBatch, type GraphStore, type NodeRecord, type Properties, type ValidityChange } from '../../src/store/port';
import { SeededRandom } from '../support/seededRandom';
import { edge, node } from './contract';

/** The dates validity is drawn from; the dates asked about are these, the days before them, and dates outside them all. */
const CHANGE_DATES = ['2018-01-01', '2019-06-15', '2020-01-01', '2020-07-01', '2021-03-31', '2022-12-31'];
export const AS_OF_DATES = [
  ...CHANGE_DATES,
  '2017-12-31',
  '2019-06-14',
  '2019-12-31',
  '2020-06-30',
  '2021-03-30',
  '2022-12-30',
  '1995-01-01',
  '2040-01-01',
];
const TYPES: readonly RelationshipType[] = ['LEADS', 'COORDINATES', 'HAS_TASK', 'SUCCEEDED_BY'];
const SEEDS = [7, 2026, 90210];

/**
 * Validity of a random record: each side absent half the time, else one of CHANGE_DATES, put in
 * order when both are drawn (the store refuses an empty interval: checkBatch); the same date twice
 * leaves validTo out.
 */
function randomValidity(random: SeededRandom): Properties {
  const props: Record<string, string> = {};
  const from = random.chance(0.5) ? random.pick(CHANGE_DATES) : undefined;
  const to = random.chance(0.5) ? random.pick(CHANGE_DATES) : undefined;
  if (from !== undefined && to !== undefined) {
    props.validFrom = from < to ? from : to;
    if (from !== to) props.validTo = from < to ? to : from;
  } else {
    if (from !== undefined) props.validFrom = from;
    if (to !== undefined) props.validTo = to;
  }
  return props;
}

/** A random graph of agencies, plans and tasks with random validity on about half of the records (synthetic test data). */
export function randomValidityGraph(seed: number): GraphBatch {
  const random = new SeededRandom(seed);
  const nodes: NodeRecord[] = [];
  const ofKind = (kind: NodeKind, count: number): string[] =>
    Array.from({ length: count }, (_, i) => {
      const name = `${kind} ${i} ${random.pick(['alpha', 'beta', 'gamma'])} common`;
      const n = node(kind, `r${i}`, { name, searchText: foldText(name), ...randomValidity(random) });
      nodes.push(n);
      return n.id;
    });
  const agencies = ofKind('Agency', 8);
  const plans = ofKind('Plan', 3);
  const tasks = ofKind('Task', 14);
  const edges = new Map<string, EdgeRecord>();
  const add = (type: RelationshipType, from: string, to: string) => {
    if (from === to) return;
    edges.set(`${type} ${from} ${to}`, edge(type, from, to, { ordinal: random.below(3), ...randomValidity(random) }));
  };
  for (let i = 0; i < 30; i += 1) add(random.pick(['LEADS', 'COORDINATES'] as const), random.pick(agencies), random.pick(tasks));
  for (const task of tasks) add('HAS_TASK', random.pick(plans), task);
  for (let i = 0; i < 6; i += 1) add('SUCCEEDED_BY', random.pick(agencies), random.pick(agencies));
  return { nodes, edges: [...edges.values()] };
}

/** Whether a record with these props is valid on `asOf` (the rule of AsOf in src/store/records.ts), computed here independently. */
export function holds(props: Properties, asOf: string): boolean {
  const from = props.validFrom;
  const to = props.validTo;
  return (typeof from !== 'string' || from <= asOf) && (typeof to !== 'string' || to > asOf);
}

/**
 * Property tests of the as-of reads: over random validity data (several
 * seeds) and every date of AS_OF_DATES, each method's answer as of the date
 * equals the unfiltered answer filtered here by brute force (nodes valid;
 * relationships valid with both ends valid).
 */
export function describeValidityProperties(adapter: string, open: () => Promise<GraphStore>): void {
  describe.each(SEEDS)(`GraphStore as-of answers against a brute-force filter (${adapter}), random graph of seed %i`, (seed) => {
    let store: GraphStore;
    const graph = randomValidityGraph(seed);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const nodeHolds = (id: string, asOf: string) => holds(byId.get(id)?.props ?? {}, asOf);
    const edgeHolds = (e: EdgeRecord, asOf: string) => holds(e.props, asOf) && nodeHolds(e.from, asOf) && nodeHolds(e.to, asOf);

    beforeAll(async () => {
      store = checkStoreCalls(await open());
      await store.upsert(graph);
    });

    afterAll(async () => {
      await store.close();
    });

    it('listNodes: the page and count of each kind as of a date are the unfiltered list filtered', async () => {
      for (const kind of ['Agency', 'Plan', 'Task'] as const) {
        const all = (await store.listNodes({ kind, offset: 0, limit: 100 })).items;
        for (const asOf of AS_OF_DATES) {
          const expected = all.filter((n) => holds(n.props, asOf));
          const page = await store.listNodes({ kind, offset: 0, limit: 100, asOf });
          expect({ asOf, ids: page.items.map((n) => n.id), total: page.totalCount }).toEqual({ asOf, ids: expected.map((n) => n.id), total: expected.length });
        }
      }
    });

    it('listEdges: the relationships as of a date are the unfiltered list filtered, in the same order', async () => {
      const all = (await store.listEdges({ types: TYPES, offset: 0, limit: 500 })).items;
      expect(all).toHaveLength(graph.edges.length);
      for (const asOf of AS_OF_DATES) {
        const expected = all.filter((e) => edgeHolds(e, asOf));
        const page = await store.listEdges({ types: TYPES, offset: 0, limit: 500, asOf });
        expect({ asOf, items: page.items, total: page.totalCount }).toEqual({ asOf, items: expected, total: expected.length });
        const second = await store.listEdges({ types: TYPES, offset: 2, limit: 3, asOf });
        expect({ asOf, items: second.items, total: second.totalCount }).toEqual({ asOf, items: expected.slice(2, 5), total: expected.length });
      }
    });

    it('getNeighbours: each list as of a date is the unfiltered list filtered', async () => {
      const ids = graph.nodes.map((n) => n.id);
      for (const type of TYPES) {
        for (const direction of ['OUT', 'IN'] as const) {
          const all = await store.getNeighbours({ ids, type, direction });
          for (const asOf of AS_OF_DATES) {
            const expected = all.map((list, i) => (nodeHolds(ids[i] as string, asOf) ? list.filter((n) => edgeHolds(n.edge, asOf)) : []));
            expect({ asOf, type, direction, lists: await store.getNeighbours({ ids, type, direction, asOf }) }).toEqual({ asOf, type, direction, lists: expected });
          }
        }
      }
    });

    it('search: the hits as of a date are the unfiltered hits filtered, same scores, same order, counted alike', async () => {
      for (const text of ['common', 'alpha', 'task beta']) {
        const terms = foldText(text).split(' ');
        const all = (await store.search({ terms, offset: 0, limit: 100 })).items;
        for (const asOf of AS_OF_DATES) {
          const expected = all.filter((hit) => nodeHolds(hit.node.id, asOf));
          const page = await store.search({ terms, offset: 0, limit: 100, asOf });
          expect({ text, asOf, hits: page.items.map((h) => [h.node.id, h.score]), total: page.totalCount }).toEqual({
            text,
            asOf,
            hits: expected.map((h) => [h.node.id, h.score]),
            total: expected.length,
          });
        }
      }
    });

    it('countNodes and countEdges: the counts as of a date are those of the filtered lists', async () => {
      const nodes = graph.nodes;
      for (const asOf of AS_OF_DATES) {
        const kinds = ['Agency', 'Plan', 'Task'] as const;
        const perKind = kinds.map((kind) => ({ kind, count: nodes.filter((n) => n.kind === kind && holds(n.props, asOf)).length })).filter((g) => g.count > 0);
        expect({ asOf, groups: await store.countNodes({ asOf }) }).toEqual({ asOf, groups: perKind });
        const tasks = perKind.find((g) => g.kind === 'Task')?.count ?? 0;
        expect({ asOf, groups: await store.countNodes({ kind: 'Task', asOf }) }).toEqual({ asOf, groups: tasks > 0 ? [{ count: tasks }] : [] });
        const grouped = new Map<string, number>();
        for (const e of graph.edges) if (edgeHolds(e, asOf)) grouped.set(`${e.type} ${e.from}`, (grouped.get(`${e.type} ${e.from}`) ?? 0) + 1);
        const expected = [...grouped].sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, count]) => ({ type: k.split(' ')[0], from: k.split(' ')[1], count }));
        expect({ asOf, groups: await store.countEdges({ types: TYPES, groupBy: ['type', 'from'], asOf }) }).toEqual({ asOf, groups: expected });
      }
    });

    it('findPaths: ALL as of a date is the unfiltered ALL filtered; SHORTEST is its shortest paths', async () => {
      const random = new SeededRandom(seed + 1);
      const edgeByKey = new Map(graph.edges.map((e) => [`${e.type} ${e.from} ${e.to}`, e]));
      const pathHolds = (path: GraphPath, asOf: string) =>
        path.nodes.every((n) => nodeHolds(n.id, asOf)) && path.edges.every((e) => edgeHolds(edgeByKey.get(`${e.type} ${e.from} ${e.to}`) as EdgeRecord, asOf));
      const ids = graph.nodes.map((n) => n.id);
      for (let pair = 0; pair < 6; pair += 1) {
        const from = random.pick(ids);
        const to = random.pick(ids);
        const all = await store.findPaths({ from, to, mode: 'ALL', maxDepth: 4, limit: 100 });
        expect(all.length).toBeLessThan(100);
        for (const asOf of AS_OF_DATES) {
          const expected = all.filter((p) => pathHolds(p, asOf));
          const got = await store.findPaths({ from, to, mode: 'ALL', maxDepth: 4, limit: 100, asOf });
          expect({ from, to, asOf, paths: got.map(pathKey) }).toEqual({ from, to, asOf, paths: expected.map(pathKey) });
          const shortest = expected.filter((p) => p.edges.length === expected[0]?.edges.length);
          const gotShortest = await store.findPaths({ from, to, mode: 'SHORTEST', maxDepth: 4, limit: 100, asOf });
          expect({ from, to, asOf, paths: gotShortest.map(pathKey) }).toEqual({ from, to, asOf, paths: shortest.map(pathKey) });
        }
      }
    });

    it('listValidityChanges: every page of every range is the brute-force list of starts and ends, paged', async () => {
      const brute: { date: string; key: string; change: string }[] = [];
      for (const n of graph.nodes) {
        if (typeof n.props.validFrom === 'string') brute.push({ date: n.props.validFrom, key: n.id, change: 'STARTS' });
        if (typeof n.props.validTo === 'string') brute.push({ date: n.props.validTo, key: n.id, change: 'ENDS' });
      }
      for (const e of graph.edges) {
        const key = `${e.from} ${e.type} ${e.to}`;
        if (typeof e.props.validFrom === 'string') brute.push({ date: e.props.validFrom, key, change: 'STARTS' });
        if (typeof e.props.validTo === 'string') brute.push({ date: e.props.validTo, key, change: 'ENDS' });
      }
      const order = (x: { date: string; key: string; change: string }, y: typeof x) =>
        compareCodePoints(x.date, y.date) || compareCodePoints(x.key, y.key) || compareCodePoints(x.change, y.change);
      brute.sort(order);
      const show = (c: { date: string; key: string; change: string }) => `${c.date} ${c.change} ${c.key}`;
      const random = new SeededRandom(seed + 3);
      for (let trial = 0; trial < 4; trial += 1) {
        const [from, to] = [random.pick(AS_OF_DATES), random.pick(AS_OF_DATES)].sort();
        const expected = brute.filter((c) => c.date >= (from as string) && c.date < (to as string)).map(show);
        const first = 1 + random.below(7);
        const seen: string[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await store.listValidityChanges({ from, to, first, after, types: TYPES });
          expect(page.totalCount).toBe(expected.length);
          seen.push(...page.items.map((c) => show({ date: c.date, change: c.change, key: c.node ? c.node.id : `${c.edge?.from} ${c.edge?.type} ${c.edge?.to}` })));
          if (page.items.length < first) break;
          after = validityCursor(page.items.at(-1) as ValidityChange);
        }
        expect({ from, to, first, seen }).toEqual({ from, to, first, seen: expected });
      }
    });

    it('neighbourhood: as of a date it is the breadth-first search of the graph of the records valid on that date', async () => {
      const random = new SeededRandom(seed + 2);
      const ids = graph.nodes.map((n) => n.id);
      for (let trial = 0; trial < 5; trial += 1) {
        const starts = [random.pick(ids), random.pick(ids)];
        const depth = 1 + random.below(3);
        const limit = 3 + random.below(20);
        for (const asOf of AS_OF_DATES) {
          const got = await store.neighbourhood({ ids: starts, depth, limit, asOf });
          const expected = bruteForceNeighbourhood(graph, starts, depth, limit, (id) => nodeHolds(id, asOf), (e) => edgeHolds(e, asOf));
          expect({ starts, depth, limit, asOf, nodes: got.nodes.map((n) => n.id), edges: got.edges.map(edgeKey).sort(), truncated: got.truncated }).toEqual({
            starts,
            depth,
            limit,
            asOf,
            ...expected,
          });
        }
      }
    });
  });
}

const edgeKey = (e: EdgeRecord): string => `${e.type} ${e.from} ${e.to}`;
const pathKey = (p: GraphPath): string => [...p.nodes.map((n) => n.id), ...p.edges.map(edgeKey)].join(' | ');

/**
 * The neighbourhood contract computed by brute force over a batch: start
 * nodes that hold, then layer by layer (each sorted by id) the nodes that
 * hold, joined by a relationship that holds, not seen before; stop once more
 * than `limit` are known; keep `limit`; every relationship that holds among
 * the kept nodes.
 */
function bruteForceNeighbourhood(
  graph: GraphBatch,
  starts: readonly string[],
  depth: number,
  limit: number,
  nodeHolds: (id: string) => boolean,
  edgeHolds: (e: EdgeRecord) => boolean,
): { nodes: string[]; edges: string[]; truncated: boolean } {
  const byCode = (x: string, y: string) => compareCodePoints(x, y);
  const edges = graph.edges.filter(edgeHolds);
  const seen = new Set<string>();
  const ordered = [...new Set(starts.filter(nodeHolds))].sort(byCode);
  ordered.forEach((id) => seen.add(id));
  let frontier = ordered.slice();
  for (let d = 1; d <= depth && ordered.length <= limit && frontier.length > 0; d += 1) {
    const next = new Set<string>();
    for (const id of frontier) {
      for (const e of edges) {
        const other = e.from === id ? e.to : e.to === id ? e.from : undefined;
        if (other !== undefined && !seen.has(other)) next.add(other);
      }
    }
    frontier = [...next].sort(byCode);
    frontier.forEach((id) => seen.add(id));
    ordered.push(...frontier);
  }
  const kept = new Set(ordered.slice(0, limit));
  return {
    nodes: ordered.slice(0, limit),
    edges: edges.filter((e) => kept.has(e.from) && kept.has(e.to)).map(edgeKey).sort(),
    truncated: ordered.length > limit,
  };
}
