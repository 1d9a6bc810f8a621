import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import type { EdgeRecord, GraphBatch, GraphStore, NodeRecord, UpsertResult } from '../../src/store/port';
import { edge, fixture, node } from './contract';

/** An UpsertResult from its six counts, nodes first. */
function counts(nodes: [created: number, updated: number, unchanged: number], edges: [created: number, updated: number, unchanged: number]): UpsertResult {
  return {
    nodesCreated: nodes[0],
    nodesUpdated: nodes[1],
    nodesUnchanged: nodes[2],
    edgesCreated: edges[0],
    edgesUpdated: edges[1],
    edgesUnchanged: edges[2],
  };
}

/** `records` with the props of the one whose key is `key` replaced by `props` (merged over the old ones). */
function changed<T extends NodeRecord | EdgeRecord>(records: readonly T[], key: (r: T) => string, which: string, props: T['props']): T[] {
  return records.map((r) => (key(r) === which ? { ...r, props: { ...r.props, ...props } } : r));
}

const nodeKey = (n: NodeRecord): string => n.id;
const edgeKey = (e: EdgeRecord): string => `${e.type} ${e.from} ${e.to}`;

/**
 * The relationships of the fixture whose type's table holds several pairs of
 * endpoint kinds (Kùzu: one REL TABLE with several FROM/TO pairs), one per pair.
 */
const MULTI_PAIR = [
  'BASED_ON LegalDocument:qd-202 LegalDocument:qd-996',
  'BASED_ON Plan:dn-202 LegalDocument:qd-996',
  'HAS_TARGET Plan:dn-202 Target:x1',
  'HAS_TARGET Task:t-a Target:x1',
  'IN_PHASE Target:x1 Phase:p1',
  'IN_PHASE Task:t-a Phase:p1',
];

/**
 * What upsert reports it did, on every adapter (see UpsertResult in
 * src/store/port.ts): created, updated and unchanged, exact, each record of
 * the batch counted once.
 */
export function describeUpsertCountsContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore upsert counts (${adapter})`, () => {
    let store: GraphStore;
    const base = fixture();
    const N = base.nodes.length;
    const E = base.edges.length;

    beforeEach(async () => {
      store = checkStoreCalls(await open());
    });

    afterEach(async () => {
      await store.close();
    });

    it('counts every record of a load on an empty store as created, as many as the store then holds', async () => {
      expect(await store.upsert(fixture())).toEqual(counts([N, 0, 0], [E, 0, 0]));
      expect(await store.stats()).toEqual({ nodes: N, edges: E });
    });

    it('counts the same batch loaded again as unchanged, none updated', async () => {
      await store.upsert(fixture());
      expect(await store.upsert(fixture())).toEqual(counts([0, 0, N], [0, 0, E]));
      expect(await store.upsert(fixture())).toEqual(counts([0, 0, N], [0, 0, E]));
    });

    it('counts one changed property of one node and of one relationship as exactly one update each', async () => {
      await store.upsert(fixture());
      const batch: GraphBatch = {
        nodes: changed(base.nodes, nodeKey, 'Task:t-b', { name: 'Tuyên truyền, phổ biến' }),
        edges: changed(base.edges, edgeKey, 'HAS_TASK Plan:dn-202 Task:t-d', { ordinal: 4 }),
      };
      expect(await store.upsert(batch)).toEqual(counts([0, 1, N - 1], [0, 1, E - 1]));
      expect(await store.upsert(batch)).toEqual(counts([0, 0, N], [0, 0, E]));
    });

    it('compares only the properties given: null against a value is a change, null against none and a same value are not', async () => {
      await store.upsert(fixture());
      const nfd = 'Sở Khoa học và Công nghệ'.normalize('NFD');
      const result = await store.upsert({
        nodes: [
          node('Task', 't-a', { code: null }), // stored 'II.2.a': updated
          node('Agency', 'skhcn', { nameVi: nfd }), // stored in NFC: another string, updated
          node('Plan', 'dn-202', { startYear: 2020 }), // stored 2019: updated
          node('Task', 't-c', { ordinal: null }), // none stored: unchanged
          node('Task', 't-b'), // nothing given: unchanged
          node('Task', 't-d', { name: 'Kiểm tra', recurring: null }), // as stored: unchanged
          node('Target', 'x1', { quantity: 50, comparator: 'AT_LEAST' }), // as stored: unchanged
        ],
        edges: [
          edge('HAS_TASK', 'Plan:dn-202', 'Task:t-b', { sourceClause: null }), // stored 'Phụ lục': updated
          edge('HAS_TASK', 'Plan:dn-202', 'Task:t-a', { synthetic: true }), // none stored: updated
          edge('HAS_TASK', 'Plan:dn-202', 'Task:t-c', { ordinal: null, note: null }), // none stored: unchanged
          edge('LEADS', 'Agency:skhcn', 'Task:t-a'), // nothing given: unchanged
          edge('LEADS', 'Agency:skhcn', 'Task:t-b', { ordinal: 1 }), // as stored: unchanged
        ],
      });
      expect(result).toEqual(counts([0, 3, 4], [0, 2, 3]));
      expect((await store.getNodes(['Agency:skhcn']))[0]?.props.nameVi).toBe(nfd);
    });

    it('counts relationships of types whose table holds several endpoint-kind pairs once each', async () => {
      const edges = base.edges.filter((e) => MULTI_PAIR.includes(edgeKey(e)));
      expect(edges).toHaveLength(MULTI_PAIR.length);
      await store.upsert({ nodes: base.nodes, edges: [] });
      expect(await store.upsert({ nodes: [], edges })).toEqual(counts([0, 0, 0], [6, 0, 0]));
      expect(await store.stats()).toEqual({ nodes: N, edges: 6 });
      expect(await store.upsert({ nodes: [], edges })).toEqual(counts([0, 0, 0], [0, 0, 6]));
      let moved = changed(edges, edgeKey, 'BASED_ON Plan:dn-202 LegalDocument:qd-996', { ordinal: 2 });
      moved = changed(moved, edgeKey, 'IN_PHASE Task:t-a Phase:p1', { note: 'phase 1' });
      expect(await store.upsert({ nodes: [], edges: moved })).toEqual(counts([0, 0, 0], [0, 2, 4]));
      expect(await store.stats()).toEqual({ nodes: N, edges: 6 });
    });

    it('counts a mixed batch: new, changed and unchanged nodes and relationships, repeated entries once', async () => {
      await store.upsert(fixture());
      const result = await store.upsert({
        nodes: [
          node('Task', 't-new', { name: 'Nhiệm vụ mới', ordinal: 9 }), // created
          node('Phase', 'p2', { name: 'Phase 2', ordinal: 2 }), // created
          node('Task', 't-new', { code: 'II.9' }), // the same record again: still one created
          node('Task', 't-d', { dueYear: 2021 }), // updated
          node('Task', 't-c', { name: 'Đào tạo' }), // unchanged
          node('Phase', 'p1', { ordinal: 5 }),
          node('Phase', 'p1', { ordinal: 1 }), // repeated: merged to the stored value, unchanged
        ],
        edges: [
          edge('HAS_TASK', 'Plan:dn-202', 'Task:t-new', { ordinal: 9 }), // created
          edge('IN_PHASE', 'Task:t-new', 'Phase:p2'), // created, multi-pair type
          edge('HAS_PHASE', 'Plan:dn-202', 'Phase:p2'), // created
          edge('HAS_PHASE', 'Plan:dn-202', 'Phase:p2', { ordinal: 2 }), // the same record again
          edge('HAS_TARGET', 'Task:t-a', 'Target:x1', { ordinal: 3 }), // updated, multi-pair type
          edge('HAS_TARGET', 'Plan:dn-202', 'Target:x1', { ordinal: 2 }), // unchanged, multi-pair type
          edge('ISSUES', 'LegalDocument:qd-202', 'Plan:dn-202'), // unchanged
        ],
      });
      expect(result).toEqual(counts([2, 1, 2], [3, 1, 2]));
      expect(await store.stats()).toEqual({ nodes: N + 2, edges: E + 3 });
      const [fresh] = await store.getNodes(['Task:t-new']);
      expect(fresh?.props).toMatchObject({ name: 'Nhiệm vụ mới', ordinal: 9, code: 'II.9' });
    });

    it('counts a record written by two upserts at once once created (or updated), once unchanged', async () => {
      await store.upsert(fixture());
      const batch: GraphBatch = {
        nodes: [node('Task', 'both', { name: 'cùng lúc' }), node('Task', 't-a', { ordinal: 5 })],
        edges: [edge('HAS_TASK', 'Plan:dn-202', 'Task:both'), edge('HAS_TASK', 'Plan:dn-202', 'Task:t-a', { ordinal: 5 })],
      };
      const results = await Promise.all([store.upsert(batch), store.upsert(batch)]);
      const sum = (key: keyof UpsertResult): number => results.reduce((total, r) => total + r[key], 0);
      expect(results.map((r) => r.nodesCreated + r.nodesUpdated + r.nodesUnchanged)).toEqual([2, 2]);
      expect([sum('nodesCreated'), sum('nodesUpdated'), sum('nodesUnchanged')]).toEqual([1, 1, 2]);
      expect([sum('edgesCreated'), sum('edgesUpdated'), sum('edgesUnchanged')]).toEqual([1, 1, 2]);
      expect(await store.stats()).toEqual({ nodes: N + 1, edges: E + 1 });
    });
  });
}
