import { StoreInputError } from '../../src/errors';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import { NODE_KINDS, type NodeKind } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES, type RelationshipType } from '../../src/model/relationships';
import { foldText, searchTerms } from '../../src/model/text';
import { ANALYTICS_LIMITS, type CountGroup, type GraphPath, type SearchQuery, type Subgraph } from '../../src/store/analytics';
import type { EdgeRecord, GraphBatch, GraphStore, NodeRecord, Properties, PropertyValue } from '../../src/store/port';
import { SUMMARY_PROPERTIES } from '../../src/store/records';

/**
 * The behaviour every GraphStore adapter must show for the analyst part of
 * the port (search, findPaths, neighbourhood, countNodes, countEdges), tested
 * through the port only. `open()` returns an EMPTY store each time; the suite
 * loads its own small plan-like graph through `upsert` and closes every store
 * it opens.
 *
 * Behaviour fixed here beyond the JSDoc of src/store/port.ts and
 * src/store/analytics.ts (adapters must agree):
 *
 * search
 * - a node matches when its `searchText` holds every term as a whole word;
 *   whether a term also matches as the prefix of a word is the adapter's
 *   choice (Kùzu: no; see its search.ts), so every term these tests use is
 *   no word's prefix in the fixture unless it is also a whole word of the
 *   same nodes; a term never matches inside or at the end of a word;
 *   terms are folded again by the adapter (foldText) so odd characters act as
 *   separators, never as syntax, and a query left with no term matches
 *   nothing; no stop words (Vietnamese "do", "the", "an"
 *   are words like any other), numbers and one-letter words are words;
 * - hits ordered by score (higher first), then id; scores are positive;
 *   `totalCount` counts every match whatever the page;
 * - ranking: only what BM25 guarantees in every engine is tested (nodes of
 *   one kind with the same text score the same; of two nodes of one kind that
 *   hold the terms once, the much shorter text scores higher).
 *
 * findPaths
 * - the same node as `from` and `to` (when it exists): one path of length 0
 *   (`nodes: [node]`, `edges: []`) in both modes;
 * - order: length, then the node ids along the path (element by element),
 *   then the relationship types along it, then the start ids of those
 *   relationships (two relationships may join the same nodes); `limit` keeps
 *   the first ones;
 * - edges are returned with their stored direction (from/to), whichever way
 *   the path walks them; malformed or missing ids give [];
 * - nodes and edges may be summaries (`partial: true`: a node's non-null
 *   SUMMARY_PROPERTIES, a relationship's type and ends; Kùzu returns these,
 *   from its in-memory projection) or full records (Neo4j); getNodes and
 *   getEdges give the full ones. Comparisons below reduce both to summaries.
 *
 * neighbourhood
 * - distance is the number of hops of the shortest way from any start node;
 *   only allowed relationship types are followed and, with `kinds`, only
 *   nodes of those kinds are entered (start nodes are always kept);
 * - nodes ordered by distance, then id; the first `limit` are kept and
 *   `truncated` is true when more were in reach; missing start ids are
 *   ignored; edges: every relationship of the allowed types whose both ends
 *   are returned (order not fixed).
 *
 * counts
 * - groups carry only the keys of the grouping (countNodes: `kind` when
 *   `kind` is absent, `value` with `groupBy`, neither for a total); a null
 *   property value is a group of its own;
 * - groups ordered by their keys in grouping order: kinds, types, ids and
 *   strings by code point, numbers ascending, false before true, null last;
 * - `groupBy` needs `kind`; unknown kinds, types and properties, and values
 *   beyond ANALYTICS_LIMITS (or not integers, or below 1) raise
 *   StoreInputError naming the bad argument.
 *
 * Empty lists (kinds, types, ids, fromKinds) match nothing and never reach
 * the engine: search gives an empty page, findPaths [], neighbourhood with
 * no allowed type or kind only the start nodes.
 */
export function describeAnalyticsContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore analytics contract (${adapter})`, () => {
    describe('on the fixture graph', () => {
      let store: GraphStore;

      beforeAll(async () => {
        store = checkStoreCalls(await open());
        await store.upsert(analyticsFixture());
      });

      afterAll(async () => {
        await store.close();
      });

      describe('search', () => {
        const search = (text: string, more: Partial<SearchQuery> = {}) =>
          store.search({ terms: searchTerms(text), offset: 0, limit: 50, ...more });
        const ids = async (text: string, more: Partial<SearchQuery> = {}) => (await search(text, more)).items.map((h) => h.node.id).sort();

        it('finds a node by its Vietnamese name typed with or without diacritics, in any case', async () => {
          for (const text of ['kiểm định phương tiện đo', 'kiem dinh phuong tien do', 'KIỂM ĐỊNH Phương Tiện ĐO', 'Kiem Dinh PHUONG tien do']) {
            expect(await ids(text)).toEqual([T1]);
          }
        });

        it('finds a node by its English name', async () => {
          expect(await ids('measuring instruments')).toEqual([T1]);
        });

        it('requires every term (conjunctive)', async () => {
          expect(await ids('kiem dinh')).toEqual([T1, TG2].sort());
          expect(await ids('kiem dinh cong nhan')).toEqual([TG2]);
          expect(await ids('kiem dinh xyzzy')).toEqual([]);
        });

        it('finds a document by its number however it is typed', async () => {
          for (const text of ['202/QĐ-UBND', '202/QD-UBND', '202 qđ ubnd', 'qd ubnd 202', '202-QĐ-UBND']) {
            expect(await ids(text)).toEqual([DOC_202]);
          }
          expect(await ids('86/2012/NĐ-CP')).toEqual([DOC_86]);
        });

        it('finds numbers, abbreviations and codes on their own', async () => {
          // "202" is a word of the decision and the plan, and a prefix of "2020", "2021", "2025" (the phases)
          expect(await ids('202', { kinds: ['LegalDocument', 'Plan'] })).toEqual([DOC_202, PLAN]);
          expect(await ids('ubnd')).toEqual([DOC_202, AG_UBND].sort());
          expect(await ids('skhcn')).toEqual([AG_SKHCN]);
          expect(await ids('2012')).toEqual([DOC_86]);
          expect(await ids('II.2.a')).toEqual([T2]);
        });

        it('keeps short words and words that are English stop words ("do", "the", "an", "other", "a")', async () => {
          expect(await ids('đo', { kinds: ['Task'] })).toEqual([T1, T3]);
          expect(await ids('có thể')).toEqual([TG1]);
          expect(await ids('an toàn')).toEqual([SECTOR_A, SECTOR_B]);
          expect(await ids('other lawful')).toEqual([FUNDING]);
          expect(await ids('thông tư A')).toEqual([DOC_TT_A]);
        });

        it('never matches a term inside or at the end of a word', async () => {
          expect(await ids('alibrate')).toEqual([]);
          expect(await ids('inh')).toEqual([]);
          expect(await ids('uong')).toEqual([]);
          expect(await ids('02')).toEqual([]);
        });

        it('filters by kinds', async () => {
          expect(await ids('ubnd', { kinds: ['Agency'] })).toEqual([AG_UBND]);
          expect(await ids('ubnd', { kinds: ['Agency', 'LegalDocument'] })).toEqual([DOC_202, AG_UBND].sort());
          expect(await ids('ubnd', { kinds: ['Task'] })).toEqual([]);
          expect(await ids('đo', { kinds: ['Task', 'Target'] })).toEqual([TG1, T1, T3]);
        });

        it('returns whole node records, ordered by score then id, with positive scores', async () => {
          const page = await search('đo');
          const stored = await store.getNodes(page.items.map((h) => h.node.id));
          expect(page.items.map((h) => h.node)).toEqual(stored);
          for (const hit of page.items) {
            expect(typeof hit.score).toBe('number');
            expect(Number.isFinite(hit.score)).toBe(true);
            expect(hit.score).toBeGreaterThan(0);
          }
          for (let i = 1; i < page.items.length; i += 1) {
            const [a, b] = [page.items[i - 1], page.items[i]];
            if (!a || !b) throw new Error('unreachable');
            expect(a.score > b.score || (a.score === b.score && a.node.id < b.node.id)).toBe(true);
          }
        });

        it('pages with offset and limit and counts every match', async () => {
          const all = await search('đo lường');
          expect(all.items.map((h) => h.node.id).sort()).toEqual([T3, DOC_202, DOC_996, DOC_LAW, DOC_86, PLAN, TG1].sort());
          expect(all.totalCount).toBe(7);
          const pages = [];
          for (let offset = 0; offset < 9; offset += 3) {
            const page = await search('đo lường', { offset, limit: 3 });
            expect(page.totalCount).toBe(7);
            expect(page.items.length).toBe(Math.min(3, 7 - offset));
            pages.push(...page.items);
          }
          expect(pages).toEqual(all.items);
          const beyond = await search('đo lường', { offset: 100, limit: 3 });
          expect(beyond).toEqual({ items: [], totalCount: 7 });
          const none = await search('xyzzy');
          expect(none).toEqual({ items: [], totalCount: 0 });
        });

        it('ranks identical texts equally (ties by id) and a short text above a long one holding the terms once', async () => {
          const page = await search('thuc pham', { kinds: ['Sector'] });
          expect(page.items.map((h) => h.node.id)).toEqual([SECTOR_A, SECTOR_B, SECTOR_LONG]);
          const [a, b, long] = page.items;
          expect(a?.score).toBe(b?.score);
          expect(long?.score ?? Infinity).toBeLessThan(a?.score ?? 0);
        });

        it('ranks a node holding every term above none that lacks one (all hits hold them all)', async () => {
          const page = await search('hop phap');
          expect(page.items.map((h) => h.node.id)).toEqual([FUNDING]);
        });

        it('rejects bad arguments with StoreInputError', async () => {
          await expect(store.search({ terms: [], offset: 0, limit: 5 })).rejects.toThrow(StoreInputError);
          const many = Array.from({ length: ANALYTICS_LIMITS.maxSearchTerms + 1 }, (_, i) => `t${i}`);
          await expect(store.search({ terms: many, offset: 0, limit: 5 })).rejects.toThrow(StoreInputError);
          await expect(store.search({ terms: ['do'], offset: -1, limit: 5 })).rejects.toThrow(StoreInputError);
          await expect(store.search({ terms: ['do'], offset: 0, limit: 0 })).rejects.toThrow(StoreInputError);
          await expect(store.search({ terms: ['do'], kinds: ['Nope' as NodeKind], offset: 0, limit: 5 })).rejects.toThrow(/Nope/);
        });

        it('accepts the largest number of terms', async () => {
          const terms = Array.from({ length: ANALYTICS_LIMITS.maxSearchTerms }, (_, i) => (i % 2 ? 'do' : 'luong'));
          expect((await store.search({ terms, offset: 0, limit: 50 })).totalCount).toBe(7);
        });

        it('survives hostile terms: quotes, backslashes, wildcards and query syntax are separators or plain text', async () => {
          const hostile = ["'", '"', '\\', "qd'ubnd", 'qd\\ubnd', '202"', '*', '?', 'do*', 'a OR b', '-do', '+do', '~', 'x)', '(', '${x}', '`', '%', '_'];
          for (const term of hostile) {
            const page = await store.search({ terms: [term], offset: 0, limit: 5 });
            expect(Array.isArray(page.items)).toBe(true);
            expect(typeof page.totalCount).toBe('number');
          }
          expect((await store.search({ terms: ["qd'ubnd"], offset: 0, limit: 5 })).items.map((h) => h.node.id)).toEqual([DOC_202]);
          expect((await store.search({ terms: ['qd\\ubnd', '202'], offset: 0, limit: 5 })).items.map((h) => h.node.id)).toEqual([DOC_202]);
          expect(await store.search({ terms: ['*'], offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
          expect(await store.search({ terms: ['do'], kinds: [], offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
        });
      });

      describe('findPaths', () => {
        it('SHORTEST returns every path of minimal length, in order, with full records and stored directions', async () => {
          const paths = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 4, mode: 'SHORTEST', limit: 10 });
          expect(paths.map(nodeIds)).toEqual([
            [AG_SKHCN, T1, AG_SCT],
            [AG_SKHCN, T3, AG_SCT],
            [AG_SKHCN, T4, AG_SCT],
          ]);
          const [first] = paths;
          expect(first?.edges.map(summariseEdge)).toEqual([fixtureEdge('LEADS', AG_SKHCN, T1), fixtureEdge('COORDINATES', AG_SCT, T1)].map(summariseEdge));
          const [lead] = await store.getEdges(first?.edges ?? []);
          expect(lead?.props.sourceClause).toBe('II.1');
          expect(first?.nodes.map(summariseNode)).toEqual(present(await store.getNodes([AG_SKHCN, T1, AG_SCT])).map(summariseNode));
          expect(summarisePaths(paths)).toEqual(expectedPaths(AG_SKHCN, AG_SCT, 4, 'SHORTEST', 10));
        });

        it('follows relationships in either direction: the reverse query gives the reversed paths', async () => {
          const forward = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 4, mode: 'SHORTEST', limit: 10 });
          const backward = await store.findPaths({ from: AG_SCT, to: AG_SKHCN, maxDepth: 4, mode: 'SHORTEST', limit: 10 });
          expect(backward).toHaveLength(forward.length);
          expect(backward.map(nodeIds)).toEqual([
            [AG_SCT, T1, AG_SKHCN],
            [AG_SCT, T3, AG_SKHCN],
            [AG_SCT, T4, AG_SKHCN],
          ]);
          expect(backward[0]?.edges.map(summariseEdge)).toEqual([fixtureEdge('COORDINATES', AG_SCT, T1), fixtureEdge('LEADS', AG_SKHCN, T1)].map(summariseEdge));
        });

        it('ALL returns every path without repeated nodes up to maxDepth, shortest first', async () => {
          const paths = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 4, mode: 'ALL', limit: 100 });
          const expected = expectedPaths(AG_SKHCN, AG_SCT, 4, 'ALL', 100);
          expect(expected.length).toBeGreaterThan(3);
          expect(summarisePaths(paths)).toEqual(expected);
          for (const path of paths) expect(new Set(nodeIds(path)).size).toBe(path.nodes.length);
        });

        it('ALL keeps the first `limit` paths', async () => {
          const paths = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 4, mode: 'ALL', limit: 4 });
          expect(summarisePaths(paths)).toEqual(expectedPaths(AG_SKHCN, AG_SCT, 4, 'ALL', 4));
          expect(paths.map((p) => p.edges.length)).toEqual([2, 2, 2, 4]);
        });

        it('SHORTEST respects `limit`', async () => {
          const paths = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 4, mode: 'SHORTEST', limit: 2 });
          expect(paths.map(nodeIds)).toEqual([
            [AG_SKHCN, T1, AG_SCT],
            [AG_SKHCN, T3, AG_SCT],
          ]);
        });

        it('follows only the given relationship types', async () => {
          expect(await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 6, mode: 'SHORTEST', types: ['LEADS'], limit: 10 })).toEqual([]);
          const paths = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 4, mode: 'SHORTEST', types: ['LEADS', 'HAS_TASK'], limit: 10 });
          expect(summarisePaths(paths)).toEqual(expectedPaths(AG_SKHCN, AG_SCT, 4, 'SHORTEST', 10, ['LEADS', 'HAS_TASK']));
          expect(paths.map(nodeIds)).toEqual([
            [AG_SKHCN, T1, PLAN, T3, AG_SCT],
            [AG_SKHCN, T2, PLAN, T3, AG_SCT],
          ]);
          const all = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 6, mode: 'ALL', types: ['LEADS', 'COORDINATES'], limit: 100 });
          expect(summarisePaths(all)).toEqual(expectedPaths(AG_SKHCN, AG_SCT, 6, 'ALL', 100, ['LEADS', 'COORDINATES']));
          for (const path of all) for (const e of path.edges) expect(['LEADS', 'COORDINATES']).toContain(e.type);
        });

        it('stops at maxDepth', async () => {
          expect(await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 1, mode: 'SHORTEST', limit: 10 })).toEqual([]);
          expect(await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 1, mode: 'ALL', limit: 10 })).toEqual([]);
          const two = await store.findPaths({ from: AG_SKHCN, to: AG_SCT, maxDepth: 2, mode: 'ALL', limit: 100 });
          expect(two.map((p) => p.edges.length)).toEqual([2, 2, 2]);
          const far = await store.findPaths({ from: DOC_TT_B, to: AG_UBND, maxDepth: ANALYTICS_LIMITS.maxPathDepth, mode: 'SHORTEST', limit: 10 });
          expect(summarisePaths(far)).toEqual(expectedPaths(DOC_TT_B, AG_UBND, ANALYTICS_LIMITS.maxPathDepth, 'SHORTEST', 10));
          expect(far[0]?.edges.length).toBe(5);
          expect(await store.findPaths({ from: DOC_TT_B, to: AG_UBND, maxDepth: 4, mode: 'SHORTEST', limit: 10 })).toEqual([]);
        });

        it('is safe on cycles: BASED_ON loops never repeat a node', async () => {
          const paths = await store.findPaths({ from: DOC_TT_B, to: DOC_LAW, maxDepth: 6, mode: 'ALL', limit: 100 });
          expect(summarisePaths(paths)).toEqual(expectedPaths(DOC_TT_B, DOC_LAW, 6, 'ALL', 100));
          // two BASED_ON relationships join tt-a and tt-b (one each way): two paths with the same nodes
          expect(paths.map(nodeIds)).toEqual([
            [DOC_TT_B, DOC_TT_A, DOC_86, DOC_LAW],
            [DOC_TT_B, DOC_TT_A, DOC_86, DOC_LAW],
          ]);
          expect(paths.map((p) => p.edges[0]?.from)).toEqual([DOC_TT_A, DOC_TT_B]);
          const cyclic = await store.findPaths({ from: DOC_202, to: DOC_LAW, maxDepth: 6, mode: 'ALL', limit: 100 });
          expect(summarisePaths(cyclic)).toEqual(expectedPaths(DOC_202, DOC_LAW, 6, 'ALL', 100));
          expect(cyclic.length).toBeGreaterThan(2);
          for (const path of cyclic) expect(new Set(nodeIds(path)).size).toBe(path.nodes.length);
          for (const path of paths) expect(new Set(nodeIds(path)).size).toBe(path.nodes.length);
          const loop = await store.findPaths({ from: DOC_TT_A, to: DOC_TT_B, maxDepth: 6, mode: 'ALL', limit: 100, types: ['BASED_ON'] });
          expect(summarisePaths(loop)).toEqual(expectedPaths(DOC_TT_A, DOC_TT_B, 6, 'ALL', 100, ['BASED_ON']));
          expect(loop.filter((p) => p.edges.length === 1)).toHaveLength(2);
        });

        it('gives one zero-length path from a node to itself, and [] for missing or malformed ids', async () => {
          const [t1] = await store.getNodes([T1]);
          for (const mode of ['SHORTEST', 'ALL'] as const) {
            expect(summarisePaths(await store.findPaths({ from: T1, to: T1, maxDepth: 3, mode, limit: 10 }))).toEqual([{ nodes: present([t1]).map(summariseNode), edges: [] }]);
            expect(await store.findPaths({ from: 'Task:missing', to: T1, maxDepth: 3, mode, limit: 10 })).toEqual([]);
            expect(await store.findPaths({ from: T1, to: 'Agency:missing', maxDepth: 3, mode, limit: 10 })).toEqual([]);
            expect(await store.findPaths({ from: 'Task:missing', to: 'Task:missing', maxDepth: 3, mode, limit: 10 })).toEqual([]);
            expect(await store.findPaths({ from: 'not an id', to: T1, maxDepth: 3, mode, limit: 10 })).toEqual([]);
            expect(await store.findPaths({ from: "Task:x' OR 1=1 --", to: 'Task:"\\', maxDepth: 3, mode, limit: 10 })).toEqual([]);
            expect(await store.findPaths({ from: T1, to: AG_SCT, maxDepth: 3, mode, limit: 10, types: [] })).toEqual([]);
          }
        });

        it('finds nothing between unconnected nodes', async () => {
          expect(await store.findPaths({ from: SECTOR_A, to: T1, maxDepth: 6, mode: 'ALL', limit: 10 })).toEqual([]);
        });

        it('rejects bad arguments with StoreInputError', async () => {
          const base = { from: AG_SKHCN, to: AG_SCT, maxDepth: 3, mode: 'SHORTEST', limit: 5 } as const;
          for (const bad of [
            { maxDepth: 0 },
            { maxDepth: ANALYTICS_LIMITS.maxPathDepth + 1 },
            { maxDepth: 2.5 },
            { limit: 0 },
            { limit: ANALYTICS_LIMITS.maxPaths + 1 },
            { mode: 'LONGEST' },
            { types: ['NOPE'] },
          ]) {
            await expect(store.findPaths({ ...base, ...(bad as object) })).rejects.toThrow(StoreInputError);
          }
        });
      });

      describe('neighbourhood', () => {
        it('returns summaries or full records, and getNodes / getEdges give the full record of every one', async () => {
          const sub = await store.neighbourhood({ ids: [AG_SKHCN], depth: 2, limit: 2000 });
          expect(sub.nodes.length).toBeGreaterThan(5);
          const full = present(await store.getNodes(sub.nodes.map((n) => n.id)));
          sub.nodes.forEach((n, i) => expect(n).toEqual(n.partial ? summariseNode(full[i] as NodeRecord) : full[i]));
          const edges = present(await store.getEdges(sub.edges));
          expect(edges).toEqual(sub.edges.map((e) => fixtureEdge(e.type, e.from, e.to)));
          for (const e of sub.edges) expect(e).toEqual(e.partial ? summariseEdge(e) : fixtureEdge(e.type, e.from, e.to));
        });

        it('returns the start node and its neighbours, nearest first then by id, with the relationships among them', async () => {
          const sub = await store.neighbourhood({ ids: [T1], depth: 1, limit: 100 });
          expect(sub.nodes.map((n) => n.id)).toEqual([T1, AG_SCT, AG_SKHCN, PHASE_1, PLAN]);
          expect(sub.truncated).toBe(false);
          expect(sub.nodes.map(summariseNode)).toEqual(present(await store.getNodes(sub.nodes.map((n) => n.id))).map(summariseNode));
          expect(sortEdges(sub.edges).map(summariseEdge)).toEqual(
            sortEdges([
              fixtureEdge('LEADS', AG_SKHCN, T1),
              fixtureEdge('COORDINATES', AG_SCT, T1),
              fixtureEdge('HAS_TASK', PLAN, T1),
              fixtureEdge('IN_PHASE', T1, PHASE_1),
              fixtureEdge('HAS_PHASE', PLAN, PHASE_1),
            ]).map(summariseEdge),
          );
        });

        it('grows with depth, layer by layer', async () => {
          for (const depth of [1, 2, 3]) {
            const sub = await store.neighbourhood({ ids: [T1], depth, limit: 2000 });
            expect(shape(sub)).toEqual(expectedNeighbourhood([T1], depth, 2000));
          }
          const two = await store.neighbourhood({ ids: [T1], depth: 2, limit: 2000 });
          expect(two.nodes.length).toBeGreaterThan(5);
        });

        it('returns only relationships among the returned nodes, and all of them', async () => {
          const sub = await store.neighbourhood({ ids: [AG_SKHCN], depth: 2, limit: 2000 });
          const ids = new Set(sub.nodes.map((n) => n.id));
          for (const e of sub.edges) {
            expect(ids.has(e.from)).toBe(true);
            expect(ids.has(e.to)).toBe(true);
          }
          expect(shape(sub)).toEqual(expectedNeighbourhood([AG_SKHCN], 2, 2000));
          // PLAN -HAS_TASK-> T1 joins two nodes at distance 2 from the agency's side: edges among outer nodes count too
          expect(sub.edges.map(summariseEdge)).toContainEqual(summariseEdge(fixtureEdge('HAS_TASK', PLAN, T1)));
        });

        it('follows only the given relationship types', async () => {
          const sub = await store.neighbourhood({ ids: [T1], depth: 2, types: ['LEADS', 'COORDINATES'], limit: 2000 });
          expect(shape(sub)).toEqual(expectedNeighbourhood([T1], 2, 2000, { types: ['LEADS', 'COORDINATES'] }));
          expect(sub.nodes.map((n) => n.id)).toEqual([T1, AG_SCT, AG_SKHCN, T2, T3, T4]);
          for (const e of sub.edges) expect(['LEADS', 'COORDINATES']).toContain(e.type);
        });

        it('enters only nodes of the given kinds beyond the start nodes', async () => {
          const sub = await store.neighbourhood({ ids: [T1], depth: 3, kinds: ['Agency'], limit: 2000 });
          expect(sub.nodes.map((n) => n.id)).toEqual([T1, AG_SCT, AG_SKHCN]);
          expect(shape(sub)).toEqual(expectedNeighbourhood([T1], 3, 2000, { kinds: ['Agency'] }));
          const tasks = await store.neighbourhood({ ids: [AG_SKHCN], depth: 2, kinds: ['Task', 'Phase'], limit: 2000 });
          expect(shape(tasks)).toEqual(expectedNeighbourhood([AG_SKHCN], 2, 2000, { kinds: ['Task', 'Phase'] }));
          expect(tasks.nodes.map((n) => n.id)).toEqual([AG_SKHCN, T1, T2, T3, T4, PHASE_1, PHASE_2]);
        });

        it('keeps at most `limit` nodes, nearest first then by id, and says it truncated', async () => {
          const full = await store.neighbourhood({ ids: [T1], depth: 2, limit: 2000 });
          for (const limit of [1, 2, 5, full.nodes.length - 1]) {
            const sub = await store.neighbourhood({ ids: [T1], depth: 2, limit });
            expect(sub.truncated).toBe(true);
            expect(sub.nodes).toEqual(full.nodes.slice(0, limit));
            expect(shape(sub)).toEqual(expectedNeighbourhood([T1], 2, limit));
          }
          const exact = await store.neighbourhood({ ids: [T1], depth: 2, limit: full.nodes.length });
          expect(exact.truncated).toBe(false);
          expect(exact.nodes).toEqual(full.nodes);
        });

        it('starts from several nodes, ignores missing ones, and counts start nodes in the limit', async () => {
          const sub = await store.neighbourhood({ ids: [PHASE_2, 'Task:missing', PHASE_1, 'not an id'], depth: 1, limit: 2000 });
          expect(shape(sub)).toEqual(expectedNeighbourhood([PHASE_1, PHASE_2], 1, 2000));
          expect(sub.nodes.slice(0, 2).map((n) => n.id)).toEqual([PHASE_1, PHASE_2]);
          const one = await store.neighbourhood({ ids: [PHASE_2, PHASE_1], depth: 1, limit: 1 });
          expect(one.nodes.map((n) => n.id)).toEqual([PHASE_1]);
          expect(one.edges).toEqual([]);
          expect(one.truncated).toBe(true);
          expect(await store.neighbourhood({ ids: ['Task:missing'], depth: 2, limit: 10 })).toEqual({ nodes: [], edges: [], truncated: false });
          expect(await store.neighbourhood({ ids: ["Task:x' OR 1=1", 'Task:"\\'], depth: 2, limit: 10 })).toEqual({ nodes: [], edges: [], truncated: false });
          expect(await store.neighbourhood({ ids: [], depth: 2, limit: 10 })).toEqual({ nodes: [], edges: [], truncated: false });
        });

        it('with no type or kind allowed returns the start nodes only', async () => {
          const [t1] = await store.getNodes([T1]);
          for (const none of [{ types: [] }, { kinds: [] }]) {
            const sub = await store.neighbourhood({ ids: [T1], depth: 2, limit: 10, ...none });
            expect({ ...sub, nodes: sub.nodes.map(summariseNode) }).toEqual({ nodes: present([t1]).map(summariseNode), edges: [], truncated: false });
          }
        });

        it('joins start nodes that are neighbours of each other at distance 0', async () => {
          const sub = await store.neighbourhood({ ids: [T1, AG_SKHCN], depth: 1, limit: 2000 });
          expect(shape(sub)).toEqual(expectedNeighbourhood([T1, AG_SKHCN], 1, 2000));
          expect(sub.nodes.slice(0, 2).map((n) => n.id)).toEqual([AG_SKHCN, T1]);
          expect(sub.edges.map(summariseEdge)).toContainEqual(summariseEdge(fixtureEdge('LEADS', AG_SKHCN, T1)));
        });

        it('rejects bad arguments with StoreInputError', async () => {
          const base = { ids: [T1], depth: 1, limit: 5 };
          for (const bad of [
            { depth: 0 },
            { depth: ANALYTICS_LIMITS.maxNeighbourhoodDepth + 1 },
            { limit: 0 },
            { limit: ANALYTICS_LIMITS.maxNeighbourhoodNodes + 1 },
            { limit: 1.5 },
            { types: ['NOPE'] },
            { kinds: ['Nope'] },
          ]) {
            await expect(store.neighbourhood({ ...base, ...(bad as object) })).rejects.toThrow(StoreInputError);
          }
        });
      });

      describe('countNodes', () => {
        it('counts nodes per kind, leaving out kinds with none', async () => {
          const expected = [...countBy(analyticsFixture().nodes, (n) => n.kind)]
            .map(([kind, count]) => ({ kind: kind as NodeKind, count }))
            .sort((a, b) => cmp(a.kind, b.kind));
          expect(await store.countNodes({})).toEqual(expected);
          expect(expected.find((g) => g.kind === 'Scheme')).toBeUndefined();
        });

        it('counts the nodes of one kind as one total', async () => {
          expect(await store.countNodes({ kind: 'Task' })).toEqual([{ count: 5 }]);
          expect(await store.countNodes({ kind: 'Scheme' })).toEqual([]);
          expect(await store.countNodes({ kind: 'Task', where: [{ property: 'planId', eq: PLAN }] })).toEqual([{ count: 4 }]);
        });

        it('groups by a property, null as a group of its own, ordered by value (null last)', async () => {
          expect(await store.countNodes({ kind: 'Task', groupBy: 'timeframe' })).toEqual([
            { value: 'ANNUAL', count: 1 },
            { value: 'BY_2025', count: 2 },
            { value: 'BY_2030', count: 1 },
            { value: null, count: 1 },
          ]);
          expect(await store.countNodes({ kind: 'Task', groupBy: 'dueYear' })).toEqual([
            { value: 2025, count: 2 },
            { value: 2030, count: 1 },
            { value: null, count: 2 },
          ]);
          expect(await store.countNodes({ kind: 'Task', groupBy: 'recurring' })).toEqual([
            { value: false, count: 2 },
            { value: true, count: 1 },
            { value: null, count: 2 },
          ]);
        });

        it('applies conditions before grouping', async () => {
          expect(await store.countNodes({ kind: 'Task', groupBy: 'section', where: [{ property: 'planId', eq: PLAN }] })).toEqual([
            { value: 'APPENDIX', count: 1 },
            { value: 'TASKS_AND_SOLUTIONS', count: 3 },
          ]);
          expect(await store.countNodes({ kind: 'Task', groupBy: 'timeframe', where: [{ property: 'planId', in: [] }] })).toEqual([]);
          expect(await store.countNodes({ kind: 'Task', groupBy: 'timeframe', where: [{ property: 'dueYear', gte: 2026 }] })).toEqual([
            { value: 'BY_2030', count: 1 },
          ]);
        });

        it('rejects unknown kinds and properties with StoreInputError naming them', async () => {
          await expect(store.countNodes({ kind: 'Task', groupBy: 'nope' })).rejects.toThrow(StoreInputError);
          await expect(store.countNodes({ kind: 'Task', groupBy: 'nope' })).rejects.toThrow(/nope/);
          await expect(store.countNodes({ kind: 'Task', groupBy: "x`) RETURN 1 //" })).rejects.toThrow(StoreInputError);
          await expect(store.countNodes({ kind: 'Agency', groupBy: 'timeframe' })).rejects.toThrow(/timeframe/);
          await expect(store.countNodes({ kind: 'Task', where: [{ property: 'bogus', eq: 1 }] })).rejects.toThrow(/bogus/);
          await expect(store.countNodes({ kind: 'Nope' as NodeKind })).rejects.toThrow(StoreInputError);
          await expect(store.countNodes({ groupBy: 'name' })).rejects.toThrow(StoreInputError);
        });
      });

      describe('countEdges', () => {
        it('counts relationships per type, leaving out types with none', async () => {
          const types = [...new Set(analyticsFixture().edges.map((e) => e.type))];
          const expected = [...countBy(analyticsFixture().edges, (e) => e.type)]
            .map(([type, count]) => ({ type: type as RelationshipType, count }))
            .sort((a, b) => cmp(a.type, b.type));
          expect(await store.countEdges({ types: [...types, 'SIGNED_BY'], groupBy: ['type'] })).toEqual(expected);
        });

        it('groups by start node and type ("tasks led vs coordinated per agency")', async () => {
          expect(await store.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['from', 'type'] })).toEqual([
            { from: AG_SCT, type: 'COORDINATES', count: 2 },
            { from: AG_SCT, type: 'LEADS', count: 1 },
            { from: AG_SKHCN, type: 'COORDINATES', count: 1 },
            { from: AG_SKHCN, type: 'LEADS', count: 3 },
            { from: AG_UBND, type: 'COORDINATES', count: 1 },
          ]);
          expect(await store.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['type', 'from'] })).toEqual([
            { type: 'COORDINATES', from: AG_SCT, count: 2 },
            { type: 'COORDINATES', from: AG_SKHCN, count: 1 },
            { type: 'COORDINATES', from: AG_UBND, count: 1 },
            { type: 'LEADS', from: AG_SCT, count: 1 },
            { type: 'LEADS', from: AG_SKHCN, count: 3 },
          ]);
        });

        it('applies conditions on the end node (toWhere)', async () => {
          expect(
            await store.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['from', 'type'], toWhere: [{ property: 'planId', eq: PLAN }] }),
          ).toEqual([
            { from: AG_SCT, type: 'COORDINATES', count: 1 },
            { from: AG_SCT, type: 'LEADS', count: 1 },
            { from: AG_SKHCN, type: 'COORDINATES', count: 1 },
            { from: AG_SKHCN, type: 'LEADS', count: 2 },
            { from: AG_UBND, type: 'COORDINATES', count: 1 },
          ]);
          expect(await store.countEdges({ types: ['LEADS'], groupBy: ['from'], toWhere: [{ property: 'planId', eq: 'Plan:none' }] })).toEqual([]);
        });

        it('groups by end node, only from the given kinds (fromKinds)', async () => {
          expect(await store.countEdges({ types: ['IN_PHASE'], groupBy: ['to'], fromKinds: ['Task'] })).toEqual([
            { to: PHASE_1, count: 1 },
            { to: PHASE_2, count: 2 },
          ]);
          expect(await store.countEdges({ types: ['IN_PHASE'], groupBy: ['to'], fromKinds: ['Target'] })).toEqual([
            { to: PHASE_1, count: 1 },
            { to: PHASE_2, count: 1 },
          ]);
          expect(await store.countEdges({ types: ['IN_PHASE'], groupBy: ['to'] })).toEqual([
            { to: PHASE_1, count: 2 },
            { to: PHASE_2, count: 3 },
          ]);
          expect(await store.countEdges({ types: ['IN_PHASE'], groupBy: ['to'], fromKinds: ['Agency'] })).toEqual([]);
          expect(await store.countEdges({ types: ['IN_PHASE'], groupBy: ['to'], fromKinds: [] })).toEqual([]);
        });

        it('groups by both ends, or gives one total with no grouping', async () => {
          expect(await store.countEdges({ types: ['BASED_ON'], groupBy: [] })).toEqual([{ count: 8 }]);
          expect(await store.countEdges({ types: ['SIGNED_BY'], groupBy: [] })).toEqual([]);
          expect(await store.countEdges({ types: ['BASED_ON'], groupBy: ['from', 'to'], fromKinds: ['Plan'] })).toEqual([
            { from: PLAN, to: DOC_996, count: 1 },
          ]);
          expect(await store.countEdges({ types: [], groupBy: ['type'] })).toEqual([]);
        });

        it('rejects unknown types, kinds, keys and properties with StoreInputError naming them', async () => {
          await expect(store.countEdges({ types: ['NOPE' as RelationshipType], groupBy: ['type'] })).rejects.toThrow(/NOPE/);
          await expect(store.countEdges({ types: ['LEADS'], groupBy: ['kind' as 'type'] })).rejects.toThrow(StoreInputError);
          await expect(store.countEdges({ types: ['LEADS'], groupBy: ['from'], fromKinds: ['Nope' as NodeKind] })).rejects.toThrow(/Nope/);
          await expect(store.countEdges({ types: ['LEADS'], groupBy: ['from'], toWhere: [{ property: 'bogus', eq: 1 }] })).rejects.toThrow(/bogus/);
          await expect(store.countEdges({ types: ['LEADS'], groupBy: ['from'], toWhere: [{ property: 'bogus', eq: 1 }] })).rejects.toThrow(
            StoreInputError,
          );
        });
      });
    });

    describe('on a store that changes', () => {
      let store: GraphStore;

      beforeEach(async () => {
        store = checkStoreCalls(await open());
      });

      afterEach(async () => {
        await store.close();
      });

      it('answers every method on an empty store', async () => {
        expect(await store.search({ terms: ['do'], offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
        expect(await store.search({ terms: ['202'], offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
        expect(await store.findPaths({ from: T1, to: T2, maxDepth: 3, mode: 'ALL', limit: 5 })).toEqual([]);
        expect(await store.neighbourhood({ ids: [T1], depth: 2, limit: 5 })).toEqual({ nodes: [], edges: [], truncated: false });
        expect(await store.countNodes({})).toEqual([]);
        expect(await store.countNodes({ kind: 'Task', groupBy: 'timeframe' })).toEqual([]);
        expect(await store.countEdges({ types: ['LEADS'], groupBy: ['from'] })).toEqual([]);
      });

      it('search follows upserts: new nodes, changed text and new words', async () => {
        await store.upsert({ nodes: [node('Agency', 'a1', { name: 'Sở Y tế', searchText: foldText('Sở Y tế') })], edges: [] });
        expect(await hitIds(store, 'so y te')).toEqual(['Agency:a1']);
        await store.upsert({ nodes: [node('Agency', 'a2', { name: 'Sở Y tế 2', searchText: foldText('Sở Y tế 2 SYT') })], edges: [] });
        expect(await hitIds(store, 'so y te')).toEqual(['Agency:a1', 'Agency:a2']);
        expect(await hitIds(store, 'syt')).toEqual(['Agency:a2']);
        await store.upsert({ nodes: [node('Agency', 'a1', { name: 'Sở Tài chính', searchText: foldText('Sở Tài chính STC 101') })], edges: [] });
        expect(await hitIds(store, 'so y te')).toEqual(['Agency:a2']);
        expect(await hitIds(store, 'tai chinh')).toEqual(['Agency:a1']);
        expect(await hitIds(store, 'stc 101')).toEqual(['Agency:a1']);
        await store.upsert({ nodes: [node('Agency', 'a2', { searchText: null })], edges: [] });
        expect(await hitIds(store, 'syt')).toEqual([]);
        expect((await store.search({ terms: ['so'], offset: 0, limit: 5 })).totalCount).toBe(1);
      });

      it('counts and neighbourhoods follow upserts', async () => {
        await store.upsert(analyticsFixture());
        await store.upsert({ nodes: [node('Task', 'late', { planId: PLAN, timeframe: 'ANNUAL' })], edges: [edgeOf('LEADS', AG_UBND, 'Task:late')] });
        expect(await store.countNodes({ kind: 'Task', groupBy: 'timeframe', where: [{ property: 'timeframe', eq: 'ANNUAL' }] })).toEqual([
          { value: 'ANNUAL', count: 2 },
        ]);
        expect(await store.countEdges({ types: ['LEADS'], groupBy: ['from'], fromKinds: ['Agency'] })).toContainEqual({ from: AG_UBND, count: 1 });
        const sub = await store.neighbourhood({ ids: ['Task:late'], depth: 1, limit: 10 });
        expect(sub.nodes.map((n) => n.id)).toEqual(['Task:late', AG_UBND]);
      });
    });
  });
}

async function hitIds(store: GraphStore, text: string): Promise<string[]> {
  return (await store.search({ terms: searchTerms(text), offset: 0, limit: 50 })).items.map((h) => h.node.id).sort();
}

// ---------------------------------------------------------------------------
// The fixture: a small plan-like graph.

export const DOC_202 = 'LegalDocument:dn-202-2019';
export const DOC_996 = 'LegalDocument:qd-996-2018';
export const DOC_LAW = 'LegalDocument:luat-do-luong';
export const DOC_86 = 'LegalDocument:nd-86-2012';
export const DOC_TT_A = 'LegalDocument:tt-a';
export const DOC_TT_B = 'LegalDocument:tt-b';
export const PLAN = 'Plan:dn-202-2019';
export const OTHER_PLAN = 'Plan:other-plan';
export const AG_SKHCN = 'Agency:dn-skhcn';
export const AG_UBND = 'Agency:dn-ubnd';
export const AG_SCT = 'Agency:dn-sct';
export const T1 = 'Task:dn-202-2019.t1';
export const T2 = 'Task:dn-202-2019.t2';
export const T3 = 'Task:dn-202-2019.t3';
export const T4 = 'Task:other-plan.t4';
export const T5 = 'Task:dn-202-2019.t5';
export const TG1 = 'Target:dn-202-2019.tg1';
export const TG2 = 'Target:dn-202-2019.tg2';
export const PHASE_1 = 'Phase:dn-202-2019.p1';
export const PHASE_2 = 'Phase:dn-202-2019.p2';
export const FUNDING = 'FundingSource:other-lawful';
export const SECTOR_A = 'Sector:food-a';
export const SECTOR_B = 'Sector:food-b';
export const SECTOR_LONG = 'Sector:food-long';

function node(kind: NodeKind, key: string, props: Properties = {}): NodeRecord {
  return { id: `${kind}:${key}`, kind, props };
}

/** The fixture's relationship of that type between those nodes, with its stored props. */
function fixtureEdge(type: RelationshipType, from: string, to: string): EdgeRecord {
  const found = analyticsFixture().edges.find((e) => e.type === type && e.from === from && e.to === to);
  if (!found) throw new Error(`no fixture relationship ${type} ${from} -> ${to}`);
  return found;
}

function edgeOf(type: RelationshipType, from: string, to: string, props: Properties = {}): EdgeRecord {
  return { type, from, to, props: { ...Object.fromEntries(RELATIONSHIP_PROPERTIES.map((spec) => [spec.name, null])), ...props } };
}

/** A node as the seed loader writes it: `searchText` folds name, Vietnamese name, abbreviation, number and code. */
function entry(id: string, props: Record<string, PropertyValue>): NodeRecord {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon) as NodeKind;
  const searchable = [props.name, props.nameVi, props.abbreviation, props.number, props.code].filter((v): v is string => typeof v === 'string');
  return node(kind, id.slice(colon + 1), { ...props, searchText: foldText(searchable.join(' ')) });
}

/** The graph every read-only test runs on (a fresh copy each call). */
export function analyticsFixture(): GraphBatch {
  const nodes: NodeRecord[] = [
    entry(DOC_202, {
      name: 'Decision 202/QĐ-UBND on the measurement plan of Da Nang',
      nameVi: 'Quyết định 202/QĐ-UBND ban hành Kế hoạch đo lường thành phố Đà Nẵng',
      number: '202/QĐ-UBND',
      docType: 'DECISION',
      issuedOn: '2019-01-15',
    }),
    entry(DOC_996, {
      name: 'Decision 996/QĐ-TTg approving the national measurement scheme',
      nameVi: 'Quyết định 996/QĐ-TTg phê duyệt Đề án tăng cường, đổi mới hoạt động đo lường',
      number: '996/QĐ-TTg',
      docType: 'DECISION',
    }),
    entry(DOC_LAW, { name: 'Law on Measurement', nameVi: 'Luật Đo lường', number: '04/2011/QH13', docType: 'LAW' }),
    entry(DOC_86, {
      name: 'Decree detailing the Law on Measurement',
      nameVi: 'Nghị định quy định chi tiết Luật Đo lường',
      number: '86/2012/NĐ-CP',
      docType: 'DECISION',
    }),
    entry(DOC_TT_A, { name: 'Circular A', nameVi: 'Thông tư A' }),
    entry(DOC_TT_B, { name: 'Circular B', nameVi: 'Thông tư B' }),
    entry(PLAN, {
      name: 'Measurement plan of Da Nang (Decision 202)',
      nameVi: 'Kế hoạch thực hiện Đề án đo lường của thành phố',
      startYear: 2019,
      endYear: 2025,
    }),
    entry(OTHER_PLAN, { name: 'Another plan', nameVi: 'Kế hoạch khác', startYear: 2021, endYear: 2030 }),
    entry(AG_SKHCN, { name: 'Department of Science and Technology', nameVi: 'Sở Khoa học và Công nghệ', abbreviation: 'SKHCN', level: 'CITY' }),
    entry(AG_UBND, { name: "City People's Committee", nameVi: 'Ủy ban nhân dân thành phố Đà Nẵng', abbreviation: 'UBND', level: 'CITY' }),
    entry(AG_SCT, { name: 'Department of Industry and Trade', nameVi: 'Sở Công Thương', abbreviation: 'SCT', level: 'CITY' }),
    entry(T1, {
      name: 'Verify measuring instruments',
      nameVi: 'Kiểm định phương tiện đo',
      code: 'II.1',
      planId: PLAN,
      section: 'TASKS_AND_SOLUTIONS',
      timeframe: 'ANNUAL',
      recurring: true,
      ordinal: 1,
    }),
    entry(T2, {
      name: 'Calibrate test equipment',
      nameVi: 'Hiệu chuẩn thiết bị thử nghiệm',
      code: 'II.2.a',
      planId: PLAN,
      section: 'TASKS_AND_SOLUTIONS',
      timeframe: 'BY_2025',
      dueYear: 2025,
      recurring: false,
      ordinal: 2,
    }),
    entry(T3, {
      name: 'Train measurement staff',
      nameVi: 'Đào tạo đo lường viên',
      code: 'III.1',
      planId: PLAN,
      section: 'APPENDIX',
      timeframe: 'BY_2025',
      dueYear: 2025,
      recurring: false,
      ordinal: 3,
    }),
    entry(T4, {
      name: 'Inspect pre-packaged goods',
      nameVi: 'Kiểm tra hàng hóa bao gói sẵn',
      planId: OTHER_PLAN,
      section: 'TASKS_AND_SOLUTIONS',
      timeframe: 'BY_2030',
      dueYear: 2030,
      ordinal: 1,
    }),
    entry(T5, { name: 'Unscheduled duty', nameVi: 'Nhiệm vụ chưa xếp lịch', planId: PLAN, section: 'TASKS_AND_SOLUTIONS', ordinal: 5 }),
    entry(TG1, {
      name: '100 enterprises apply measurement assurance',
      nameVi: '100 doanh nghiệp có thể áp dụng hệ thống đảm bảo đo lường',
      planId: PLAN,
      quantity: 100,
      comparator: 'AT_LEAST',
      year: 2020,
      ordinal: 1,
    }),
    entry(TG2, {
      name: 'Every verification lab accredited',
      nameVi: 'Các phòng kiểm định được công nhận',
      planId: PLAN,
      year: 2025,
      ordinal: 2,
    }),
    entry(PHASE_1, { name: 'Phase 2019-2020', nameVi: 'Giai đoạn 2019-2020', planId: PLAN, ordinal: 1, startYear: 2019, endYear: 2020 }),
    entry(PHASE_2, { name: 'Phase 2021-2025', nameVi: 'Giai đoạn 2021-2025', planId: PLAN, ordinal: 2, startYear: 2021, endYear: 2025 }),
    entry(FUNDING, { name: 'Other lawful sources', nameVi: 'Nguồn hợp pháp khác', fundingType: 'OTHER_LAWFUL' }),
    entry(SECTOR_B, { name: 'Food safety', nameVi: 'An toàn thực phẩm' }),
    entry(SECTOR_A, { name: 'Food safety', nameVi: 'An toàn thực phẩm' }),
    entry(SECTOR_LONG, {
      name: 'Processing of packaged goods sold in markets, shops, fairs and supermarkets of the city',
      nameVi: 'Chế biến thực phẩm bao gói bán tại chợ, cửa hàng, hội chợ và siêu thị của thành phố',
    }),
  ];
  const edges: EdgeRecord[] = [
    edgeOf('BASED_ON', DOC_202, DOC_996, { ordinal: 1 }),
    edgeOf('BASED_ON', DOC_202, DOC_LAW, { ordinal: 2 }),
    edgeOf('BASED_ON', DOC_996, DOC_LAW),
    edgeOf('BASED_ON', DOC_86, DOC_LAW),
    edgeOf('BASED_ON', DOC_TT_A, DOC_86),
    edgeOf('BASED_ON', DOC_TT_A, DOC_TT_B),
    edgeOf('BASED_ON', DOC_TT_B, DOC_TT_A),
    edgeOf('BASED_ON', PLAN, DOC_996, { note: 'Thực hiện', sourceQuote: 'Thực hiện Quyết định số 996/QĐ-TTg' }),
    edgeOf('ISSUES', DOC_202, PLAN),
    edgeOf('ISSUED_BY', DOC_202, AG_UBND),
    edgeOf('HAS_TASK', PLAN, T1, { ordinal: 1 }),
    edgeOf('HAS_TASK', PLAN, T2, { ordinal: 2 }),
    edgeOf('HAS_TASK', PLAN, T3, { ordinal: 3 }),
    edgeOf('HAS_TASK', PLAN, T5, { ordinal: 5 }),
    edgeOf('HAS_TASK', OTHER_PLAN, T4, { ordinal: 1 }),
    edgeOf('LEADS', AG_SKHCN, T1, { sourceClause: 'II.1' }),
    edgeOf('LEADS', AG_SKHCN, T2),
    edgeOf('LEADS', AG_SCT, T3),
    edgeOf('LEADS', AG_SKHCN, T4),
    edgeOf('COORDINATES', AG_SCT, T1),
    edgeOf('COORDINATES', AG_UBND, T2),
    edgeOf('COORDINATES', AG_SKHCN, T3),
    edgeOf('COORDINATES', AG_SCT, T4),
    edgeOf('HAS_TARGET', PLAN, TG1),
    edgeOf('HAS_TARGET', PLAN, TG2),
    edgeOf('HAS_PHASE', PLAN, PHASE_1),
    edgeOf('HAS_PHASE', PLAN, PHASE_2),
    edgeOf('IN_PHASE', TG1, PHASE_1),
    edgeOf('IN_PHASE', TG2, PHASE_2),
    edgeOf('IN_PHASE', T1, PHASE_1),
    edgeOf('IN_PHASE', T2, PHASE_2),
    edgeOf('IN_PHASE', T3, PHASE_2),
    edgeOf('FUNDED_BY', PLAN, FUNDING),
  ];
  return { nodes, edges };
}

// ---------------------------------------------------------------------------
// Brute-force expectations computed from the fixture in JavaScript.

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nodeIds(path: GraphPath): string[] {
  return path.nodes.map((n) => n.id);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The fixture's nodes by id, as the store returns them (every registry property, null where unset). */
function storedNodes(): Map<string, NodeRecord> {
  return new Map(analyticsFixture().nodes.map((n) => [n.id, n]));
}

function allowedEdges(types?: readonly RelationshipType[]): EdgeRecord[] {
  return analyticsFixture().edges.filter((e) => !types || types.includes(e.type));
}

/** A path as ids, with the keys that order paths of the same nodes. */
interface PathKey {
  ids: string[];
  edges: EdgeRecord[];
  types: string[];
  starts: string[];
}

function comparePaths(a: PathKey, b: PathKey): number {
  if (a.ids.length !== b.ids.length) return a.ids.length - b.ids.length;
  for (let i = 0; i < a.ids.length; i += 1) {
    const c = cmp(a.ids[i] ?? '', b.ids[i] ?? '');
    if (c !== 0) return c;
  }
  for (let i = 0; i < a.types.length; i += 1) {
    const c = cmp(a.types[i] ?? '', b.types[i] ?? '');
    if (c !== 0) return c;
  }
  for (let i = 0; i < a.starts.length; i += 1) {
    const c = cmp(a.starts[i] ?? '', b.starts[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}

/** Every simple path of 1..maxDepth relationships (either direction), as ids; SHORTEST keeps the minimal length. */
function expectedPathIds(
  from: string,
  to: string,
  maxDepth: number,
  mode: 'SHORTEST' | 'ALL',
  types?: readonly RelationshipType[],
): PathKey[] {
  const edges = allowedEdges(types);
  const found: PathKey[] = [];
  const walk = (ids: string[], used: EdgeRecord[]): void => {
    const last = ids[ids.length - 1] as string;
    if (last === to && used.length > 0) {
      found.push({ ids: [...ids], edges: [...used], types: used.map((e) => e.type), starts: used.map((e) => e.from) });
      return;
    }
    if (used.length === maxDepth) return;
    for (const e of edges) {
      const next = e.from === last ? e.to : e.to === last ? e.from : undefined;
      if (next === undefined || ids.includes(next)) continue;
      walk([...ids, next], [...used, e]);
    }
  };
  walk([from], []);
  found.sort(comparePaths);
  if (mode === 'SHORTEST' && found.length > 0) {
    const min = found[0]?.edges.length;
    return found.filter((p) => p.edges.length === min);
  }
  return found;
}

/** What findPaths must return on the fixture (with the stored shape of nodes). */
function expectedPaths(
  from: string,
  to: string,
  maxDepth: number,
  mode: 'SHORTEST' | 'ALL',
  limit: number,
  types?: readonly RelationshipType[],
): GraphPath[] {
  const nodes = storedNodes();
  return expectedPathIds(from, to, maxDepth, mode, types)
    .slice(0, limit)
    .map((p) => ({ nodes: p.ids.map((id) => summariseNode(nodes.get(id) as NodeRecord)), edges: p.edges.map(summariseEdge) }));
}

/**
 * A node as graph answers may return it: the full record, or the summary
 * (its non-null SUMMARY_PROPERTIES, `partial: true`); both sides of a
 * comparison are reduced to the summary.
 */
function summariseNode(record: NodeRecord): NodeRecord {
  const props: Record<string, PropertyValue> = {};
  for (const name of SUMMARY_PROPERTIES) {
    const value = record.props[name];
    if (value !== null && value !== undefined) props[name] = value;
  }
  return { id: record.id, kind: record.kind, props, partial: true };
}

/** A relationship reduced to its summary (type and ends, `partial: true`). */
function summariseEdge(record: EdgeRecord): EdgeRecord {
  return { type: record.type, from: record.from, to: record.to, props: {}, partial: true };
}

function summarisePaths(paths: readonly GraphPath[]): GraphPath[] {
  return paths.map((path) => ({ nodes: path.nodes.map(summariseNode), edges: path.edges.map(summariseEdge) }));
}

/** The records found (a lookup's nulls fail the test). */
function present<T>(records: readonly (T | null | undefined)[]): T[] {
  for (const record of records) expect(record).toBeTruthy();
  return records as T[];
}

/** A subgraph reduced to comparable ids: node ids in order, edges sorted. */
function shape(sub: Subgraph): { nodes: string[]; edges: string[]; truncated: boolean } {
  return {
    nodes: sub.nodes.map((n) => n.id),
    edges: sub.edges.map((e) => `${e.type} ${e.from} -> ${e.to}`).sort(),
    truncated: sub.truncated,
  };
}

function sortEdges(edges: readonly EdgeRecord[]): EdgeRecord[] {
  return [...edges].sort((a, b) => cmp(`${a.type} ${a.from} ${a.to}`, `${b.type} ${b.from} ${b.to}`));
}

/** What neighbourhood must return on the fixture, by BFS in JavaScript. */
function expectedNeighbourhood(
  starts: readonly string[],
  depth: number,
  limit: number,
  filters: { kinds?: readonly NodeKind[]; types?: readonly RelationshipType[] } = {},
): { nodes: string[]; edges: string[]; truncated: boolean } {
  const nodes = storedNodes();
  const edges = allowedEdges(filters.types);
  const distance = new Map<string, number>();
  for (const id of starts) if (nodes.has(id)) distance.set(id, 0);
  let frontier = [...distance.keys()];
  for (let d = 1; d <= depth; d += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of edges) {
        const other = e.from === id ? e.to : e.to === id ? e.from : undefined;
        if (other === undefined || distance.has(other)) continue;
        const kind = nodes.get(other)?.kind;
        if (filters.kinds && (!kind || !filters.kinds.includes(kind))) continue;
        distance.set(other, d);
        next.push(other);
      }
    }
    frontier = next;
  }
  const ordered = [...distance.entries()].sort(([a, da], [b, db]) => da - db || cmp(a, b)).map(([id]) => id);
  const kept = ordered.slice(0, limit);
  const keptSet = new Set(kept);
  return {
    nodes: kept,
    edges: edges
      .filter((e) => keptSet.has(e.from) && keptSet.has(e.to))
      .map((e) => `${e.type} ${e.from} -> ${e.to}`)
      .sort(),
    truncated: ordered.length > kept.length,
  };
}

/** Kinds the fixture holds (for adapters that want to check their per-kind work). */
export const FIXTURE_KINDS: readonly NodeKind[] = NODE_KINDS.filter((kind) => analyticsFixture().nodes.some((n) => n.kind === kind));

export type { CountGroup };
