import { StoreInputError } from '../../src/errors';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import { describePortRulesContract } from './portRulesContract';
import { describeUpsertCountsContract } from './upsertCountsContract';
import { propertiesOf, NODE_KINDS, type NodeKind, type PropertySpec } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIP_TYPES, type RelationshipType } from '../../src/model/relationships';
import {
  NO_CHANGES,
  type EdgeKey,
  type EdgeRecord,
  type GraphBatch,
  type GraphStore,
  type NodeRecord,
  type Properties,
  type PropertyValue,
} from '../../src/store/port';

/**
 * The behaviour every GraphStore adapter must show, tested through the port
 * only. Each adapter's test file calls it with a function that returns an
 * EMPTY store each time (a fresh temporary database, or a cleared one); the
 * suite closes every store it opens.
 *
 * Behaviour fixed here beyond the port's JSDoc (adapters must agree):
 * - props come back with EVERY registry property of the kind (or of
 *   relationships), null where not set;
 * - listNodes: null sorts as the largest value (last in ASC, first in DESC);
 * - listEdges: "ordered by type" is by type name (code-point order);
 * - getNeighbours / listEdges: a null ordinal sorts after every number;
 * - bad arguments and bad data raise StoreInputError whose message names the
 *   offending id / relationship and property; nothing of a failed upsert is
 *   written.
 */
export function describeStoreContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract (${adapter})`, () => {
    let store: GraphStore;

    beforeEach(async () => {
      store = checkStoreCalls(await open());
    });

    afterEach(async () => {
      await store.close();
    });

    describe('an empty store', () => {
      it('answers ping and counts nothing', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.stats()).toEqual({ nodes: 0, edges: 0 });
      });

      it('has a name', () => {
        expect(typeof store.name).toBe('string');
        expect(store.name.length).toBeGreaterThan(0);
      });
    });

    describe('round trip', () => {
      it('returns every property type of every kind exactly, Vietnamese text included', async () => {
        const nodes = NODE_KINDS.map((kind, k) => node(kind, `rt-${k}`, fullProps(propertiesOf(kind), k)));
        const result = await store.upsert({ nodes, edges: [] });
        expect(result).toEqual({ ...NO_CHANGES, nodesCreated: nodes.length });
        const read = await store.getNodes(nodes.map((n) => n.id));
        expect(read).toEqual(nodes);
      });

      it('returns every registry property, null where it was never set', async () => {
        await store.upsert({ nodes: [node('Task', 'bare'), node('Plan', 'half', { name: 'Kế hoạch', startYear: 2019 })], edges: [] });
        const [bare, half] = await store.getNodes(['Task:bare', 'Plan:half']);
        expect(bare).toEqual({ id: 'Task:bare', kind: 'Task', props: allNull(propertiesOf('Task')) });
        expect(half?.props).toEqual({ ...allNull(propertiesOf('Plan')), name: 'Kế hoạch', startYear: 2019 });
      });

      it('keeps composed and decomposed Unicode, emoji, quotes, backslashes and newlines as they are', async () => {
        const nfc = 'Sở Khoa học và Công nghệ Đà Nẵng'.normalize('NFC');
        const nfd = nfc.normalize('NFD');
        const odd = `Đà Nẵng 🇻🇳 "dấu ngoặc" 'đơn' \\ \\\\ $x \${y} \`z\` \t tab\nnew line ; // -- /* */ {}[]() \u0000 NUL \u0001\u001f`;
        await store.upsert({
          nodes: [node('Agency', 'nfc', { name: nfc, nameVi: nfd, description: odd })],
          edges: [],
        });
        const [agency] = await store.getNodes(['Agency:nfc']);
        expect(agency?.props.name).toBe(nfc);
        expect(agency?.props.nameVi).toBe(nfd);
        expect(agency?.props.nameVi).not.toBe(nfc);
        expect(agency?.props.description).toBe(odd);
      });

      it('returns relationship properties of every type, null where not set', async () => {
        await store.upsert(fixture());
        const page = await store.listEdges({ types: ['BASED_ON'], offset: 0, limit: 10 });
        const withAll = page.items.find((e) => e.from === 'LegalDocument:qd-202');
        expect(withAll?.props).toEqual({
          ...allNull(RELATIONSHIP_PROPERTIES),
          sourceDocument: '202/QĐ-UBND',
          sourceClause: 'Căn cứ',
          sourceQuote: 'Căn cứ Quyết định số 996/QĐ-TTg ngày 10 tháng 8 năm 2018',
          note: 'first legal basis',
          ordinal: 1,
          synthetic: false,
        });
        const bare = await store.listEdges({ types: ['ISSUED_BY'], offset: 0, limit: 10 });
        expect(bare.items).toEqual([{ type: 'ISSUED_BY', from: 'LegalDocument:qd-202', to: 'Agency:ubnd', props: allNull(RELATIONSHIP_PROPERTIES) }]);
      });
    });

    describe('getNodes', () => {
      beforeEach(async () => {
        await store.upsert(fixture());
      });

      it('aligns the result with the ids: duplicates, unknown and malformed ids, mixed kinds', async () => {
        const ids = [
          'Task:t-a',
          'Plan:dn-202',
          'Task:missing',
          'Task:t-a',
          'nonsense',
          '',
          'Unknown:x',
          'Task:',
          'Task:UPPER',
          'Agency:skhcn',
          'Plan:dn-202',
        ];
        const result = await store.getNodes(ids);
        expect(result).toHaveLength(ids.length);
        expect(result.map((n) => n?.id ?? null)).toEqual([
          'Task:t-a',
          'Plan:dn-202',
          null,
          'Task:t-a',
          null,
          null,
          null,
          null,
          null,
          'Agency:skhcn',
          'Plan:dn-202',
        ]);
        expect(result[0]?.kind).toBe('Task');
        expect(result[1]?.kind).toBe('Plan');
        expect(result[0]?.props.timeframe).toBe('BY_2025');
      });

      it('answers an empty list with an empty list', async () => {
        expect(await store.getNodes([])).toEqual([]);
      });

      it('gives null for values that are not strings', async () => {
        const ids = [42, null, { id: 'Task:t-a' }, 'Task:t-a'] as unknown as string[];
        expect((await store.getNodes(ids)).map((n) => n?.id ?? null)).toEqual([null, null, null, 'Task:t-a']);
      });

      it('reads 5,000 ids in one call, aligned', async () => {
        const tasks = Array.from({ length: 1000 }, (_, i) => node('Task', `bulk-${i}`, { ordinal: i, name: `Nhiệm vụ ${i}` }));
        await store.upsert({ nodes: tasks, edges: [] });
        const ids = Array.from({ length: 5000 }, (_, i) => (i % 5 === 4 ? `Task:absent-${i}` : `Task:bulk-${(i * 7) % 1000}`));
        const result = await store.getNodes(ids);
        expect(result).toHaveLength(5000);
        result.forEach((n, i) => {
          if (i % 5 === 4) expect(n).toBeNull();
          else {
            expect(n?.id).toBe(ids[i]);
            expect(n?.props.ordinal).toBe((i * 7) % 1000);
          }
        });
      });
    });

    describe('getNeighbours', () => {
      beforeEach(async () => {
        await store.upsert(fixture());
      });

      it('lists outgoing neighbours by relationship ordinal (nulls last), then neighbour id, with edge and node', async () => {
        const [tasks] = await store.getNeighbours({ ids: ['Plan:dn-202'], type: 'HAS_TASK', direction: 'OUT' });
        expect(tasks?.map((n) => n.node.id)).toEqual(['Task:t-b', 'Task:t-d', 'Task:t-a', 'Task:t-c']);
        const first = tasks?.[0];
        expect(first?.edge).toEqual({
          type: 'HAS_TASK',
          from: 'Plan:dn-202',
          to: 'Task:t-b',
          props: { ...allNull(RELATIONSHIP_PROPERTIES), ordinal: 1, sourceClause: 'Phụ lục' },
        });
        expect(first?.node.kind).toBe('Task');
        expect(first?.node.props.name).toBe('Tuyên truyền');
      });

      it('lists incoming neighbours with the edge still pointing from start to end', async () => {
        const [leads, none] = await store.getNeighbours({ ids: ['Task:t-a', 'Task:t-c'], type: 'LEADS', direction: 'IN' });
        expect(leads?.map((n) => n.node.id)).toEqual(['Agency:skhcn']);
        expect(leads?.[0]?.edge.from).toBe('Agency:skhcn');
        expect(leads?.[0]?.edge.to).toBe('Task:t-a');
        expect(none).toEqual([]);
      });

      it('follows every FROM/TO pair of a type in one call', async () => {
        const [toTarget] = await store.getNeighbours({ ids: ['Target:x1'], type: 'HAS_TARGET', direction: 'IN' });
        expect(toTarget?.map((n) => [n.node.kind, n.node.id])).toEqual([
          ['Task', 'Task:t-a'],
          ['Plan', 'Plan:dn-202'],
        ]);
        const [fromPlan, fromTask] = await store.getNeighbours({ ids: ['Plan:dn-202', 'Task:t-a'], type: 'BASED_ON', direction: 'OUT' });
        expect(fromPlan?.map((n) => n.node.id)).toEqual(['LegalDocument:qd-996']);
        expect(fromTask).toEqual([]);
        const [basedOn] = await store.getNeighbours({ ids: ['LegalDocument:qd-996'], type: 'BASED_ON', direction: 'IN' });
        expect(basedOn?.map((n) => n.node.id)).toEqual(['LegalDocument:qd-202', 'Plan:dn-202']);
      });

      it('aligns lists with the ids: duplicates, missing, malformed, kinds the type cannot start from', async () => {
        const result = await store.getNeighbours({
          ids: ['Plan:dn-202', 'Plan:missing', 'Agency:skhcn', 'garbage', 'Plan:dn-202'],
          type: 'HAS_TASK',
          direction: 'OUT',
        });
        expect(result.map((list) => list.length)).toEqual([4, 0, 0, 0, 4]);
        expect(result[4]).toEqual(result[0]);
        expect(await store.getNeighbours({ ids: [], type: 'HAS_TASK', direction: 'OUT' })).toEqual([]);
      });

      it('rejects an unknown relationship type or direction', async () => {
        await expect(store.getNeighbours({ ids: ['Plan:dn-202'], type: 'NOPE' as RelationshipType, direction: 'OUT' })).rejects.toThrow(
          StoreInputError,
        );
        await expect(
          store.getNeighbours({ ids: ['Plan:dn-202'], type: 'HAS_TASK', direction: 'SIDEWAYS' as 'OUT' }),
        ).rejects.toThrow(StoreInputError);
      });
    });

    describe('getEdges', () => {
      beforeEach(async () => {
        await store.upsert(fixture());
      });

      const key = (type: RelationshipType, from: string, to: string): EdgeKey => ({ type, from, to });
      const keyOf = ({ type, from, to }: EdgeRecord): EdgeKey => ({ type, from, to });

      it('aligns full records with the keys: a duplicate gets the record again, a missing relationship null', async () => {
        const hasTask = edge('HAS_TASK', 'Plan:dn-202', 'Task:t-b', { ...allNull(RELATIONSHIP_PROPERTIES), ordinal: 1, sourceClause: 'Phụ lục' });
        const result = await store.getEdges([
          key('HAS_TASK', 'Plan:dn-202', 'Task:t-b'),
          key('LEADS', 'Agency:skhcn', 'Task:t-c'), // both nodes exist, not joined
          key('BASED_ON', 'LegalDocument:qd-202', 'LegalDocument:qd-996'),
          key('HAS_TASK', 'Plan:dn-202', 'Task:t-b'),
          key('COORDINATES', 'Agency:skhcn', 'Task:t-a'), // joined, but by LEADS
          key('HAS_TASK', 'Plan:missing', 'Task:t-a'), // no such start node
          key('ISSUED_BY', 'LegalDocument:qd-202', 'Agency:ubnd'),
          key('HAS_TARGET', 'Task:t-a', 'Target:x1'),
          key('HAS_TARGET', 'Plan:dn-202', 'Target:x1'),
          key('BASED_ON', 'LegalDocument:qd-996', 'LegalDocument:qd-202'), // the other way round
        ]);
        expect(result).toEqual([
          hasTask,
          null,
          edge('BASED_ON', 'LegalDocument:qd-202', 'LegalDocument:qd-996', {
            ...allNull(RELATIONSHIP_PROPERTIES),
            sourceDocument: '202/QĐ-UBND',
            sourceClause: 'Căn cứ',
            sourceQuote: 'Căn cứ Quyết định số 996/QĐ-TTg ngày 10 tháng 8 năm 2018',
            note: 'first legal basis',
            ordinal: 1,
            synthetic: false,
          }),
          hasTask,
          null,
          null,
          edge('ISSUED_BY', 'LegalDocument:qd-202', 'Agency:ubnd', allNull(RELATIONSHIP_PROPERTIES)),
          edge('HAS_TARGET', 'Task:t-a', 'Target:x1', { ...allNull(RELATIONSHIP_PROPERTIES), ordinal: 1 }),
          edge('HAS_TARGET', 'Plan:dn-202', 'Target:x1', { ...allNull(RELATIONSHIP_PROPERTIES), ordinal: 2 }),
          null,
        ]);
        expect(result[0]?.partial).toBeUndefined();
      });

      it('gives records deep-equal to those listEdges and getNeighbours give for the same relationships', async () => {
        const listed = (await store.listEdges({ types: RELATIONSHIP_TYPES, offset: 0, limit: 100 })).items;
        expect(listed).toHaveLength(fixture().edges.length);
        const reversed = [...listed].reverse();
        expect(await store.getEdges(reversed.map(keyOf))).toEqual(reversed);
        const [tasks] = await store.getNeighbours({ ids: ['Plan:dn-202'], type: 'HAS_TASK', direction: 'OUT' });
        const [targets] = await store.getNeighbours({ ids: ['Target:x1'], type: 'HAS_TARGET', direction: 'IN' });
        const neighbours = [...(tasks ?? []), ...(targets ?? [])].map((n) => n.edge);
        expect(neighbours).toHaveLength(6);
        expect(await store.getEdges(neighbours.map(keyOf))).toEqual(neighbours);
      });

      it('gives null, not an error, for malformed keys: unknown type, id not Kind:key, kinds the type cannot join, quotes and backslashes', async () => {
        const malformed: unknown[] = [
          // unknown types
          { type: 'NOPE', from: 'Agency:skhcn', to: 'Task:t-a' },
          { type: 'leads', from: 'Agency:skhcn', to: 'Task:t-a' },
          { type: '__proto__', from: 'Agency:skhcn', to: 'Task:t-a' },
          { type: 'toString', from: 'Agency:skhcn', to: 'Task:t-a' },
          // ids that are not Kind:key
          { type: 'LEADS', from: 'skhcn', to: 'Task:t-a' },
          { type: 'LEADS', from: 'Agency:skhcn', to: 't-a' },
          { type: 'LEADS', from: 'Agency:', to: 'Task:t-a' },
          { type: 'LEADS', from: 'Agency:SKHCN', to: 'Task:t-a' },
          { type: 'LEADS', from: 'Nope:skhcn', to: 'Task:t-a' },
          { type: 'LEADS', from: '', to: '' },
          // kinds the type cannot join
          { type: 'LEADS', from: 'Task:t-a', to: 'Agency:skhcn' },
          { type: 'HAS_TASK', from: 'Agency:skhcn', to: 'Task:t-a' },
          { type: 'BASED_ON', from: 'Task:t-a', to: 'LegalDocument:qd-996' },
          { type: 'HAS_TARGET', from: 'Target:x1', to: 'Target:x1' },
          // SQL / Cypher-looking text, quotes and backslashes
          { type: 'LEADS]->(b) MATCH (n) DETACH DELETE n //', from: 'Agency:skhcn', to: 'Task:t-a' },
          { type: 'LEADS`', from: 'Agency:skhcn', to: 'Task:t-a' },
          { type: 'LEADS', from: "Agency:skhcn' OR '1'='1", to: 'Task:t-a' },
          { type: 'LEADS', from: 'Agency:skhcn', to: 'Task:t-a"}) MATCH (n) DETACH DELETE n //' },
          { type: 'LEADS', from: 'Agency:sk\\hcn', to: 'Task:t-a\\' },
          { type: 'LEADS', from: "Agency:skhcn\\' OR 1=1; --", to: '$t0' },
          { type: 'LEADS', from: 'Agency:skhcn', to: 'Task:t-a; DROP TABLE Task;' },
          { type: 'LEADS', from: '`Agency`:skhcn', to: 'Task:`t-a`' },
          // not keys at all
          null,
          42,
          'LEADS Agency:skhcn Task:t-a',
          { type: 'LEADS' },
          { type: 'LEADS', from: 7, to: null },
        ];
        const good = edge('LEADS', 'Agency:skhcn', 'Task:t-a', { ...allNull(RELATIONSHIP_PROPERTIES), ordinal: 2 });
        const result = await store.getEdges([...malformed, keyOf(good)] as EdgeKey[]);
        expect(result).toEqual([...malformed.map(() => null), good]);
        expect(await store.getEdges(malformed as EdgeKey[])).toEqual(malformed.map(() => null));
        expect(await store.stats()).toEqual({ nodes: fixture().nodes.length, edges: fixture().edges.length });
      });

      it('answers an empty list with an empty list, and rejects keys that are not a list', async () => {
        expect(await store.getEdges([])).toEqual([]);
        await expect(store.getEdges('LEADS' as never)).rejects.toThrow(StoreInputError);
      });

      it('reads 160 keys in one call (150 distinct, more than one statement holds), aligned', async () => {
        const tasks = Array.from({ length: 100 }, (_, i) => node('Task', `many-${i}`, { ordinal: i }));
        const hasTask = tasks.map((t, i) => edge('HAS_TASK', 'Plan:dn-202', t.id, { ...allNull(RELATIONSHIP_PROPERTIES), ordinal: i }));
        const leads = tasks.map((t, i) => (i % 2 === 0 ? edge('LEADS', 'Agency:skhcn', t.id, { ...allNull(RELATIONSHIP_PROPERTIES), note: `dẫn ${t.id}` }) : null));
        await store.upsert({ nodes: tasks, edges: [...hasTask, ...leads.filter((e): e is EdgeRecord => e !== null)] });
        const wanted: { key: EdgeKey; expected: EdgeRecord | null }[] = Array.from({ length: 150 }, (_, i) => {
          const n = (i * 7) % 100;
          const id = `Task:many-${n}`;
          if (i % 3 === 0) return { key: key('HAS_TASK', 'Plan:dn-202', id), expected: hasTask[n] ?? null };
          if (i % 3 === 1) return { key: key('LEADS', 'Agency:skhcn', id), expected: leads[n] ?? null };
          return { key: key('COORDINATES', 'Agency:ubnd', id), expected: null };
        });
        const asked = [...wanted, ...wanted.slice(0, 10)];
        expect(new Set(asked.map(({ key: k }) => `${k.type} ${k.from} ${k.to}`)).size).toBe(150);
        const result = await store.getEdges(asked.map((w) => w.key));
        expect(result).toEqual(asked.map((w) => w.expected));
        expect(result.filter((e) => e !== null)).toHaveLength(80);
      });
    });

    describe('listNodes', () => {
      beforeEach(async () => {
        await store.upsert(fixture());
      });

      const ids = (page: { items: readonly NodeRecord[] }): string[] => page.items.map((n) => n.id);

      it('lists a kind by id by default, with the total count', async () => {
        const page = await store.listNodes({ kind: 'Task', offset: 0, limit: 10 });
        expect(ids(page)).toEqual(['Task:t-a', 'Task:t-b', 'Task:t-c', 'Task:t-d']);
        expect(page.totalCount).toBe(4);
      });

      it('filters with eq, eq null, in, lte, gte and contains', async () => {
        const list = (where: object[]) => store.listNodes({ kind: 'Task', where: where as never, offset: 0, limit: 10 });
        expect(ids(await list([{ property: 'timeframe', eq: 'BY_2025' }]))).toEqual(['Task:t-a', 'Task:t-d']);
        expect(ids(await list([{ property: 'ordinal', eq: null }]))).toEqual(['Task:t-c']);
        expect(ids(await list([{ property: 'recurring', eq: true }]))).toEqual(['Task:t-b']);
        expect(ids(await list([{ property: 'timeframe', in: ['ANNUAL', 'BY_2030'] }]))).toEqual(['Task:t-b', 'Task:t-c']);
        expect(ids(await list([{ property: 'ordinal', in: [1, 3] }]))).toEqual(['Task:t-b', 'Task:t-d']);
        expect(ids(await list([{ property: 'dueYear', lte: 2025 }]))).toEqual(['Task:t-a', 'Task:t-d']);
        expect(ids(await list([{ property: 'dueYear', gte: 2025 }]))).toEqual(['Task:t-a', 'Task:t-c']);
        expect(ids(await list([{ property: 'searchText', contains: 'kiem dinh' }]))).toEqual(['Task:t-a']);
        expect(ids(await list([{ property: 'id', eq: 'Task:t-c' }]))).toEqual(['Task:t-c']);
        const both = await list([
          { property: 'dueYear', gte: 2020 },
          { property: 'timeframe', eq: 'BY_2025' },
          { property: 'ordinal', lte: 2 },
        ]);
        expect(ids(both)).toEqual(['Task:t-a']);
        expect(both.totalCount).toBe(1);
      });

      it('sorts by the keys then id; null is largest (last in ASC, first in DESC)', async () => {
        const asc = await store.listNodes({ kind: 'Task', orderBy: [{ property: 'ordinal', direction: 'ASC' }], offset: 0, limit: 10 });
        expect(ids(asc)).toEqual(['Task:t-b', 'Task:t-a', 'Task:t-d', 'Task:t-c']);
        const desc = await store.listNodes({ kind: 'Task', orderBy: [{ property: 'ordinal', direction: 'DESC' }], offset: 0, limit: 10 });
        expect(ids(desc)).toEqual(['Task:t-c', 'Task:t-d', 'Task:t-a', 'Task:t-b']);
        const two = await store.listNodes({
          kind: 'Task',
          orderBy: [
            { property: 'timeframe', direction: 'DESC' },
            { property: 'code', direction: 'ASC' },
          ],
          offset: 0,
          limit: 10,
        });
        expect(ids(two)).toEqual(['Task:t-c', 'Task:t-a', 'Task:t-d', 'Task:t-b']);
        const vi = await store.listNodes({ kind: 'Task', orderBy: [{ property: 'name', direction: 'ASC' }], offset: 0, limit: 10 });
        // Code-point order: 'K' < 'T' < 'Đ', and 't' < 'đ'.
        expect(ids(vi)).toEqual(['Task:t-d', 'Task:t-a', 'Task:t-b', 'Task:t-c']);
      });

      it('pages with offset and limit; the total count ignores paging', async () => {
        const order = [{ property: 'ordinal', direction: 'ASC' as const }];
        const first = await store.listNodes({ kind: 'Task', orderBy: order, offset: 0, limit: 3 });
        const second = await store.listNodes({ kind: 'Task', orderBy: order, offset: 3, limit: 3 });
        const beyond = await store.listNodes({ kind: 'Task', orderBy: order, offset: 10, limit: 3 });
        expect([...ids(first), ...ids(second)]).toEqual(['Task:t-b', 'Task:t-a', 'Task:t-d', 'Task:t-c']);
        expect([first.totalCount, second.totalCount, beyond.totalCount]).toEqual([4, 4, 4]);
        expect(beyond.items).toEqual([]);
        const filtered = await store.listNodes({ kind: 'Task', where: [{ property: 'timeframe', eq: 'BY_2025' }], offset: 1, limit: 1 });
        expect(ids(filtered)).toEqual(['Task:t-d']);
        expect(filtered.totalCount).toBe(2);
      });

      it('returns an empty page for an empty "in" and for a kind without nodes', async () => {
        expect(await store.listNodes({ kind: 'Task', where: [{ property: 'code', in: [] }], offset: 0, limit: 5 })).toEqual({
          items: [],
          totalCount: 0,
        });
        expect(await store.listNodes({ kind: 'Sector', offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
      });

      it('rejects unknown kinds and properties, wrong value types and bad paging, naming them', async () => {
        const bad = async (query: object, text: RegExp) => {
          const error = await store.listNodes(query as never).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreInputError);
          expect((error as Error).message).toMatch(text);
        };
        await bad({ kind: 'Nope', offset: 0, limit: 1 }, /Nope/);
        await bad({ kind: 'Task', where: [{ property: 'colour', eq: 'red' }], offset: 0, limit: 1 }, /colour/);
        await bad({ kind: 'Task', where: [{ property: 'startYear', eq: 2019 }], offset: 0, limit: 1 }, /startYear/);
        await bad({ kind: 'Task', where: [{ property: 'ordinal', eq: 'one' }], offset: 0, limit: 1 }, /ordinal/);
        await bad({ kind: 'Task', where: [{ property: 'ordinal', in: [1, 'two'] }], offset: 0, limit: 1 }, /ordinal/);
        await bad({ kind: 'Task', where: [{ property: 'ordinal', in: [1, 2.5] }], offset: 0, limit: 1 }, /ordinal/);
        await bad({ kind: 'Task', where: [{ property: 'name', lte: 3 }], offset: 0, limit: 1 }, /name/);
        await bad({ kind: 'Task', where: [{ property: 'ordinal', contains: '1' }], offset: 0, limit: 1 }, /ordinal/);
        await bad({ kind: 'Task', where: [{ property: 'ordinal', eq: 1, lte: 3 }], offset: 0, limit: 1 }, /ordinal/);
        await bad({ kind: 'Task', orderBy: [{ property: 'colour', direction: 'ASC' }], offset: 0, limit: 1 }, /colour/);
        await bad({ kind: 'Task', orderBy: [{ property: 'name', direction: 'UP' }], offset: 0, limit: 1 }, /UP/);
        await bad({ kind: 'Task', offset: -1, limit: 1 }, /offset/);
        await bad({ kind: 'Task', offset: 0, limit: 0 }, /limit/);
        await bad({ kind: 'Task', offset: 0.5, limit: 1 }, /offset/);
      });
    });

    describe('listEdges', () => {
      beforeEach(async () => {
        await store.upsert(fixture());
      });

      const keys = (page: { items: readonly EdgeRecord[] }): string[] => page.items.map((e) => `${e.type} ${e.from} -> ${e.to}`);

      it('lists by type name, end node ordinal and id, then relationship ordinal and start id, with the total', async () => {
        const page = await store.listEdges({ types: ['LEADS', 'HAS_TASK', 'COORDINATES'], offset: 0, limit: 20 });
        expect(keys(page)).toEqual([
          'COORDINATES Agency:ubnd -> Task:t-a',
          'HAS_TASK Plan:dn-202 -> Task:t-b',
          'HAS_TASK Plan:dn-202 -> Task:t-a',
          'HAS_TASK Plan:dn-202 -> Task:t-d',
          'HAS_TASK Plan:dn-202 -> Task:t-c',
          'LEADS Agency:skhcn -> Task:t-b',
          'LEADS Agency:skhcn -> Task:t-a',
        ]);
        expect(page.totalCount).toBe(7);
        const based = await store.listEdges({ types: ['BASED_ON'], offset: 0, limit: 20 });
        expect(keys(based)).toEqual([
          'BASED_ON LegalDocument:qd-202 -> LegalDocument:qd-996',
          'BASED_ON Plan:dn-202 -> LegalDocument:qd-996',
        ]);
      });

      it('filters by start ids, end ids and end node properties', async () => {
        const from = await store.listEdges({ types: ['LEADS', 'COORDINATES'], fromIds: ['Agency:ubnd'], offset: 0, limit: 20 });
        expect(keys(from)).toEqual(['COORDINATES Agency:ubnd -> Task:t-a']);
        const to = await store.listEdges({ types: ['HAS_TASK', 'LEADS'], toIds: ['Task:t-b', 'Task:t-c'], offset: 0, limit: 20 });
        expect(keys(to)).toEqual(['HAS_TASK Plan:dn-202 -> Task:t-b', 'HAS_TASK Plan:dn-202 -> Task:t-c', 'LEADS Agency:skhcn -> Task:t-b']);
        const where = await store.listEdges({
          types: ['HAS_TASK'],
          toWhere: [
            { property: 'timeframe', eq: 'BY_2025' },
            { property: 'planId', eq: 'Plan:dn-202' },
          ],
          offset: 0,
          limit: 20,
        });
        expect(keys(where)).toEqual(['HAS_TASK Plan:dn-202 -> Task:t-a', 'HAS_TASK Plan:dn-202 -> Task:t-d']);
        expect(where.totalCount).toBe(2);
        const both = await store.listEdges({ types: ['HAS_TASK'], fromIds: ['Plan:dn-202'], toIds: ['Task:t-d'], offset: 0, limit: 5 });
        expect(keys(both)).toEqual(['HAS_TASK Plan:dn-202 -> Task:t-d']);
      });

      it('pages, counting all matches', async () => {
        const page = await store.listEdges({ types: ['HAS_TASK'], offset: 1, limit: 2 });
        expect(keys(page)).toEqual(['HAS_TASK Plan:dn-202 -> Task:t-a', 'HAS_TASK Plan:dn-202 -> Task:t-d']);
        expect(page.totalCount).toBe(4);
      });

      it('matches nothing with empty types or id lists, or ids that cannot match', async () => {
        const empty = { items: [], totalCount: 0 };
        expect(await store.listEdges({ types: [], offset: 0, limit: 5 })).toEqual(empty);
        expect(await store.listEdges({ types: ['HAS_TASK'], fromIds: [], offset: 0, limit: 5 })).toEqual(empty);
        expect(await store.listEdges({ types: ['HAS_TASK'], toIds: [], offset: 0, limit: 5 })).toEqual(empty);
        expect(await store.listEdges({ types: ['HAS_TASK'], fromIds: ['garbage', 'Agency:skhcn'], offset: 0, limit: 5 })).toEqual(empty);
        expect(await store.listEdges({ types: ['HAS_TASK'], toWhere: [{ property: 'code', in: [] }], offset: 0, limit: 5 })).toEqual(empty);
      });

      it('rejects unknown types and end-node properties', async () => {
        await expect(store.listEdges({ types: ['NOPE' as RelationshipType], offset: 0, limit: 5 })).rejects.toThrow(StoreInputError);
        const error = await store
          .listEdges({ types: ['HAS_TASK'], toWhere: [{ property: 'startYear', eq: 2019 }], offset: 0, limit: 5 })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreInputError);
        expect((error as Error).message).toMatch(/startYear/);
      });
    });

    describe('upsert', () => {
      it('is idempotent: the same batch twice leaves the same graph', async () => {
        const first = await store.upsert(fixture());
        const stats = await store.stats();
        const nodes = fixture().nodes.length;
        const edges = fixture().edges.length;
        expect(first).toEqual({ ...NO_CHANGES, nodesCreated: nodes, edgesCreated: edges });
        expect(stats).toEqual({ nodes, edges });
        const snapshot = await store.getNodes(fixture().nodes.map((n) => n.id));
        const second = await store.upsert(fixture());
        expect(second).toEqual({ ...NO_CHANGES, nodesUnchanged: nodes, edgesUnchanged: edges });
        expect(await store.stats()).toEqual(stats);
        expect(await store.getNodes(fixture().nodes.map((n) => n.id))).toEqual(snapshot);
      });

      it('sets the properties given, clears those given as null, leaves the others', async () => {
        await store.upsert(fixture());
        const result = await store.upsert({
          nodes: [node('Task', 't-a', { name: 'Renamed', code: null, ordinal: 7 })],
          edges: [edge('HAS_TASK', 'Plan:dn-202', 'Task:t-b', { ordinal: null, note: 'moved' })],
        });
        expect(result).toEqual({ ...NO_CHANGES, nodesUpdated: 1, edgesUpdated: 1 });
        const [task] = await store.getNodes(['Task:t-a']);
        expect(task?.props).toMatchObject({ name: 'Renamed', code: null, ordinal: 7, timeframe: 'BY_2025', nameVi: 'Kiểm định phương tiện đo' });
        const [tasks] = await store.getNeighbours({ ids: ['Plan:dn-202'], type: 'HAS_TASK', direction: 'OUT' });
        const moved = tasks?.find((n) => n.node.id === 'Task:t-b');
        expect(moved?.edge.props).toMatchObject({ ordinal: null, note: 'moved', sourceClause: 'Phụ lục' });
        expect(tasks?.map((n) => n.node.id)).toEqual(['Task:t-d', 'Task:t-a', 'Task:t-b', 'Task:t-c']);
      });

      it('merges repeated entries of one batch, later properties winning', async () => {
        const result = await store.upsert({
          nodes: [node('Agency', 'dup', { name: 'first', abbreviation: 'A' }), node('Agency', 'dup', { name: 'second' })],
          edges: [],
        });
        expect(result).toEqual({ ...NO_CHANGES, nodesCreated: 1 });
        expect((await store.getNodes(['Agency:dup']))[0]?.props).toMatchObject({ name: 'second', abbreviation: 'A' });
        expect(await store.stats()).toEqual({ nodes: 1, edges: 0 });
      });

      it('writes nothing when one relationship has a missing endpoint, and names it', async () => {
        await store.upsert(fixture());
        const before = await store.stats();
        const error = await store
          .upsert({
            nodes: [node('Task', 'new-1', { name: 'new' }), node('Agency', 'new-2')],
            edges: [edge('LEADS', 'Agency:new-2', 'Task:new-1'), edge('HAS_TASK', 'Plan:dn-202', 'Task:ghost')],
          })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreInputError);
        expect((error as Error).message).toContain('HAS_TASK');
        expect((error as Error).message).toContain('Task:ghost');
        expect(await store.stats()).toEqual(before);
        expect(await store.getNodes(['Task:new-1', 'Agency:new-2'])).toEqual([null, null]);
      });

      it('rejects a wrong property type or an unknown property, naming id and property, writing nothing', async () => {
        const cases: [GraphBatch, string[]][] = [
          [{ nodes: [node('Task', 'ok'), node('Task', 'bad', { ordinal: 'three' as never })], edges: [] }, ['Task:bad', 'ordinal']],
          [{ nodes: [node('Task', 'ok'), node('Task', 'bad', { ordinal: 2.5 })], edges: [] }, ['Task:bad', 'ordinal']],
          [{ nodes: [node('Task', 'bad', { ordinal: Number.NaN })], edges: [] }, ['Task:bad', 'ordinal']],
          [{ nodes: [node('Task', 'bad', { dueYear: Number.POSITIVE_INFINITY })], edges: [] }, ['Task:bad', 'dueYear']],
          [{ nodes: [node('Task', 'bad', { ordinal: 2 ** 60 })], edges: [] }, ['Task:bad', 'ordinal']],
          [{ nodes: [node('Task', 'bad', { recurring: 'yes' as never })], edges: [] }, ['Task:bad', 'recurring']],
          [{ nodes: [node('Task', 'bad', { name: 12 as never })], edges: [] }, ['Task:bad', 'name']],
          [{ nodes: [node('Task', 'bad', { colour: 'red' })], edges: [] }, ['Task:bad', 'colour']],
          [{ nodes: [node('Task', 'bad', { startYear: 2019 })], edges: [] }, ['Task:bad', 'startYear']],
          [{ nodes: [{ id: 'Task:bad', kind: 'Plan', props: {} }], edges: [] }, ['Task:bad', 'Plan']],
          [{ nodes: [node('Task', 'bad', { name: { nested: true } as never })], edges: [] }, ['Task:bad', 'name']],
          [{ nodes: [node('Task', 'ok')], edges: [edge('HAS_TASK', 'Task:ok', 'Task:ok')] }, ['HAS_TASK', 'Task:ok']],
          [{ nodes: [node('Task', 'ok'), node('Plan', 'p')], edges: [edge('HAS_TASK', 'Plan:p', 'Task:ok', { ordinal: 'x' as never })] }, ['HAS_TASK', 'ordinal']],
          [{ nodes: [node('Task', 'ok'), node('Plan', 'p')], edges: [edge('HAS_TASK', 'Plan:p', 'Task:ok', { weight: 1 })] }, ['HAS_TASK', 'weight']],
          [{ nodes: [node('Task', 'ok')], edges: [edge('NOPE' as RelationshipType, 'Task:ok', 'Task:ok')] }, ['NOPE']],
          [{ nodes: [{ id: 'not an id', kind: 'Task', props: {} }], edges: [] }, ['not an id']],
        ];
        for (const [batch, words] of cases) {
          const error = await store.upsert(batch).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreInputError);
          for (const word of words) expect((error as Error).message).toContain(word);
        }
        expect(await store.stats()).toEqual({ nodes: 0, edges: 0 });
      });
    });

    describe('hostile inputs', () => {
      it('takes empty lists everywhere', async () => {
        expect(await store.upsert({ nodes: [], edges: [] })).toEqual(NO_CHANGES);
        expect(await store.getNodes([])).toEqual([]);
        expect(await store.getEdges([])).toEqual([]);
        expect(await store.getNeighbours({ ids: [], type: 'LEADS', direction: 'IN' })).toEqual([]);
        expect(await store.listEdges({ types: [], fromIds: [], toIds: [], offset: 0, limit: 1 })).toEqual({ items: [], totalCount: 0 });
        expect(await store.listNodes({ kind: 'Task', where: [], orderBy: [], offset: 0, limit: 1 })).toEqual({ items: [], totalCount: 0 });
        expect(await store.stats()).toEqual({ nodes: 0, edges: 0 });
      });

      it('stores a batch whose nodes give different property sets, nulls first, exactly', async () => {
        const nodes = [
          node('Task', 'h-1', { ordinal: null, name: null }),
          node('Task', 'h-2', { name: 'hai', recurring: true }),
          node('Task', 'h-3'),
          node('Task', 'h-4', { ordinal: 4, code: 'II.4', recurring: false, dueYear: null }),
          node('Task', 'h-5', { code: 'II.5' }),
          node('Plan', 'h-6', { endYear: 2030 }),
        ];
        const edges = [
          edge('HAS_TASK', 'Plan:h-6', 'Task:h-1', { note: null }),
          edge('HAS_TASK', 'Plan:h-6', 'Task:h-2', { ordinal: 2 }),
          edge('HAS_TASK', 'Plan:h-6', 'Task:h-3'),
          edge('HAS_TASK', 'Plan:h-6', 'Task:h-4', { ordinal: 4, note: 'bốn', synthetic: true }),
        ];
        await store.upsert({ nodes, edges });
        const read = await store.getNodes(nodes.map((n) => n.id));
        read.forEach((n, i) => {
          const given = nodes[i];
          expect(n).toEqual({ ...given, props: { ...allNull(propertiesOf(given?.kind ?? 'Task')), ...given?.props } });
        });
        const [list] = await store.getNeighbours({ ids: ['Plan:h-6'], type: 'HAS_TASK', direction: 'OUT' });
        expect(list?.map((n) => [n.node.id, n.edge.props.ordinal, n.edge.props.note, n.edge.props.synthetic])).toEqual([
          ['Task:h-2', 2, null, null],
          ['Task:h-4', 4, 'bốn', true],
          ['Task:h-1', null, null, null],
          ['Task:h-3', null, null, null],
        ]);
      });

      it('stores integers of every size in one batch exactly, and refuses a fraction among them', async () => {
        const values = [1, 2 ** 31, -7, 0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 40 + 1, 3.0];
        const nodes = values.map((v, i) => node('Target', `n-${i}`, { quantity: v, year: 2025 }));
        await store.upsert({ nodes, edges: [] });
        const read = await store.getNodes(nodes.map((n) => n.id));
        expect(read.map((n) => n?.props.quantity)).toEqual(values);
        const mixed = [node('Target', 'm-1', { quantity: 5 }), node('Target', 'm-2', { quantity: 2.5 }), node('Target', 'm-3', { quantity: 7 })];
        const error = await store.upsert({ nodes: mixed, edges: [] }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreInputError);
        expect((error as Error).message).toContain('Target:m-2');
        expect(await store.getNodes(mixed.map((n) => n.id))).toEqual([null, null, null]);
        const large = await store.listNodes({ kind: 'Target', where: [{ property: 'quantity', gte: 2 ** 31 }], offset: 0, limit: 10 });
        expect(large.items.map((n) => n.props.quantity)).toEqual([2 ** 31, Number.MAX_SAFE_INTEGER, 2 ** 40 + 1]);
      });

      it('treats quotes, backslashes, $, Cypher keywords and very long strings as plain text', async () => {
        const hostile = [
          "'; MATCH (n) DETACH DELETE n; //",
          '"}) RETURN 1 UNION MATCH (m) RETURN m //',
          '$ids $0 ${x} $$',
          '\\\\\' \\" \\n',
          'DROP TABLE Task; CALL db.clear(); `group`',
          'x'.repeat(1_000_000),
          'Đ'.repeat(100_000),
        ];
        const nodes = hostile.map((text, i) => node('Agency', `h-${i}`, { name: text, abbreviation: text.slice(0, 50) }));
        await store.upsert({ nodes, edges: [] });
        const read = await store.getNodes(nodes.map((n) => n.id));
        expect(read.map((n) => n?.props.name)).toEqual(hostile);
        for (const text of hostile.slice(0, 5)) {
          const page = await store.listNodes({ kind: 'Agency', where: [{ property: 'name', eq: text }], offset: 0, limit: 5 });
          expect(page.items.map((n) => n.props.name)).toEqual([text]);
          const contains = await store.listNodes({ kind: 'Agency', where: [{ property: 'abbreviation', contains: text.slice(2, 12) }], offset: 0, limit: 5 });
          expect(contains.totalCount).toBeGreaterThanOrEqual(1);
        }
        const lookups = await store.getNodes(hostile.map((text) => `Agency:${text}`));
        expect(lookups.every((n) => n === null)).toBe(true);
        expect(await store.stats()).toEqual({ nodes: hostile.length, edges: 0 });
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('refuses text that is not well-formed Unicode (a lone surrogate) instead of storing it altered', async () => {
        for (const text of ['a\uD800b', 'end \uDBFF', '\uDC00 start']) {
          const error = await store.upsert({ nodes: [node('Agency', 'lone', { name: text })], edges: [] }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreInputError);
          expect((error as Error).message).toContain('Agency:lone');
          expect((error as Error).message).toContain('name');
        }
        await store.upsert({ nodes: [node('Agency', 'pair', { name: 'a\uD83C\uDDFB\uD83C\uDDF3b' })], edges: [] });
        expect((await store.getNodes(['Agency:pair']))[0]?.props.name).toBe('a🇻🇳b');
        expect(await store.stats()).toEqual({ nodes: 1, edges: 0 });
      });

      it('rejects malformed arguments with StoreInputError and keeps answering', async () => {
        await expect(store.upsert({ nodes: 'no' as never, edges: [] })).rejects.toThrow(StoreInputError);
        await expect(store.upsert({ nodes: [null as never], edges: [] })).rejects.toThrow(StoreInputError);
        await expect(store.upsert({ nodes: [], edges: [{ type: 'LEADS' } as never] })).rejects.toThrow(StoreInputError);
        await expect(store.getNodes('Task:x' as never)).rejects.toThrow(StoreInputError);
        await expect(store.listNodes({ kind: 'Task', where: [{ property: 'ordinal', in: [null] } as never], offset: 0, limit: 1 })).rejects.toThrow(
          StoreInputError,
        );
        await expect(store.listNodes({ kind: 'Task', where: [{ property: 'ordinal' }], offset: 0, limit: 1 })).rejects.toThrow(StoreInputError);
        await expect(store.listNodes({ kind: 'Task', where: [{ property: 'ordinal', lte: null } as never], offset: 0, limit: 1 })).rejects.toThrow(
          StoreInputError,
        );
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.stats()).toEqual({ nodes: 0, edges: 0 });
      });
    });

    describe('concurrency', () => {
      it('serves 200 concurrent reads while several upserts queue, and every call succeeds', async () => {
        await store.upsert(fixture());
        const reads = Array.from({ length: 200 }, (_, i) => {
          switch (i % 4) {
            case 0:
              return store.getNodes(['Task:t-a', 'Plan:dn-202', `Task:absent-${i}`]).then((r) => expect(r[0]?.id).toBe('Task:t-a'));
            case 1:
              return store
                .getNeighbours({ ids: ['Plan:dn-202'], type: 'HAS_TASK', direction: 'OUT' })
                .then((r) => expect(r[0]?.length).toBeGreaterThanOrEqual(4));
            case 2:
              return store.listNodes({ kind: 'Task', offset: 0, limit: 2 }).then((r) => expect(r.totalCount).toBeGreaterThanOrEqual(4));
            default:
              return store.listEdges({ types: ['HAS_TASK'], offset: 0, limit: 2 }).then((r) => expect(r.totalCount).toBeGreaterThanOrEqual(4));
          }
        });
        const writes = Array.from({ length: 6 }, (_, w) =>
          store.upsert({
            nodes: Array.from({ length: 20 }, (_, i) => node('Task', `w${w}-${i}`, { ordinal: i, name: `ghi ${w}` })),
            edges: Array.from({ length: 20 }, (_, i) => edge('HAS_TASK', 'Plan:dn-202', `Task:w${w}-${i}`, { ordinal: 100 + i })),
          }),
        );
        const results = await Promise.all([...writes, ...reads]);
        for (const r of results.slice(0, writes.length)) expect(r).toEqual({ ...NO_CHANGES, nodesCreated: 20, edgesCreated: 20 });
        const base = fixture();
        expect(await store.stats()).toEqual({ nodes: base.nodes.length + 120, edges: base.edges.length + 120 });
      });
    });
  });
  describePortRulesContract(adapter, open);
  describeUpsertCountsContract(adapter, open);
}

export function node(kind: NodeKind, key: string, props: Properties = {}): NodeRecord {
  return { id: `${kind}:${key}`, kind, props };
}

/** A relationship. */
export function edge(type: RelationshipType, from: string, to: string, props: Properties = {}): EdgeRecord {
  return { type, from, to, props };
}

/** Every property of `specs`, null. */
export function allNull(specs: readonly PropertySpec[]): Record<string, PropertyValue> {
  return Object.fromEntries(specs.map((spec) => [spec.name, null]));
}

/** A value for every property of `specs`, varied by `seed`: Vietnamese strings, ints of various sizes, both booleans. */
function fullProps(specs: readonly PropertySpec[], seed: number): Record<string, PropertyValue> {
  return Object.fromEntries(
    specs.map((spec, i) => {
      const value: PropertyValue =
        // validity dates must be calendar dates, validFrom first (checkBatch)
        spec.name === 'validFrom'
          ? `2019-0${1 + (seed % 9)}-13`
          : spec.name === 'validTo'
            ? `2030-12-${10 + (seed % 19)}`
            : spec.type === 'int'
          ? [2019, -1, 0, 2 ** 40, Number.MAX_SAFE_INTEGER][(seed + i) % 5] ?? 0
          : spec.type === 'boolean'
            ? (seed + i) % 2 === 0
            : `${spec.name} ${seed}: Tăng cường, đổi mới hoạt động đo lường — “Đà Nẵng” ${'ạảãàáâậầấẩẫăắằặẳẵ'.slice(0, 1 + ((seed + i) % 17))}`;
      return [spec.name, value];
    }),
  );
}

/**
 * A small graph taken from Decision 202/QĐ-UBND: two documents, the plan, two
 * agencies, four tasks, a target and a phase, with relationships of single-
 * and multi-pair types. Orders the contract relies on:
 * - HAS_TASK ordinals: t-b 1, t-d 1, t-a 2, t-c null;
 * - Task ordinals: t-b 1, t-a 2, t-d 3, t-c null.
 */
export function fixture(): GraphBatch {
  const plan = 'Plan:dn-202';
  return {
    nodes: [
      node('LegalDocument', 'qd-202', {
        name: 'Decision 202/QD-UBND',
        nameVi: 'Quyết định 202/QĐ-UBND',
        number: '202/QĐ-UBND',
        numberKey: '202-qd-ubnd',
        docType: 'DECISION',
        issuedOn: '2019-05-13',
      }),
      node('LegalDocument', 'qd-996', { name: 'Decision 996/QD-TTg', number: '996/QĐ-TTg', numberKey: '996-qd-ttg', docType: 'DECISION' }),
      node('Plan', 'dn-202', { name: 'Implementation plan', nameVi: 'Kế hoạch triển khai Đề án', startYear: 2019, endYear: 2030, territory: 'Đà Nẵng' }),
      node('Agency', 'skhcn', { name: 'Department of Science and Technology', nameVi: 'Sở Khoa học và Công nghệ', abbreviation: 'Sở KH&CN', level: 'CITY', collective: false }),
      node('Agency', 'ubnd', { name: "City People's Committee", nameVi: 'UBND thành phố', level: 'CITY' }),
      node('Task', 't-a', {
        name: 'Kiểm định phương tiện đo',
        nameVi: 'Kiểm định phương tiện đo',
        searchText: 'kiem dinh phuong tien do',
        planId: plan,
        code: 'II.2.a',
        timeframe: 'BY_2025',
        dueYear: 2025,
        ordinal: 2,
        recurring: false,
      }),
      node('Task', 't-b', { name: 'Tuyên truyền', planId: plan, code: 'I.1', timeframe: 'ANNUAL', dueYear: null, ordinal: 1, recurring: true }),
      node('Task', 't-c', { name: 'Đào tạo', planId: plan, code: 'II.5', timeframe: 'BY_2030', dueYear: 2030, ordinal: null }),
      node('Task', 't-d', { name: 'Kiểm tra', planId: plan, code: 'II.3.a', timeframe: 'BY_2025', dueYear: 2020, ordinal: 3 }),
      node('Target', 'x1', { name: 'Enterprises supported', quantity: 50, comparator: 'AT_LEAST', year: 2025, ordinal: 1 }),
      node('Phase', 'p1', { name: 'Phase 1', ordinal: 1, startYear: 2019, endYear: 2025 }),
    ],
    edges: [
      edge('ISSUES', 'LegalDocument:qd-202', plan),
      edge('ISSUED_BY', 'LegalDocument:qd-202', 'Agency:ubnd'),
      edge('BASED_ON', 'LegalDocument:qd-202', 'LegalDocument:qd-996', {
        sourceDocument: '202/QĐ-UBND',
        sourceClause: 'Căn cứ',
        sourceQuote: 'Căn cứ Quyết định số 996/QĐ-TTg ngày 10 tháng 8 năm 2018',
        note: 'first legal basis',
        ordinal: 1,
        synthetic: false,
      }),
      edge('BASED_ON', plan, 'LegalDocument:qd-996', { ordinal: 1 }),
      edge('HAS_TASK', plan, 'Task:t-a', { ordinal: 2 }),
      edge('HAS_TASK', plan, 'Task:t-b', { ordinal: 1, sourceClause: 'Phụ lục' }),
      edge('HAS_TASK', plan, 'Task:t-c'),
      edge('HAS_TASK', plan, 'Task:t-d', { ordinal: 1 }),
      edge('LEADS', 'Agency:skhcn', 'Task:t-a', { ordinal: 2 }),
      edge('LEADS', 'Agency:skhcn', 'Task:t-b', { ordinal: 1 }),
      edge('COORDINATES', 'Agency:ubnd', 'Task:t-a'),
      edge('HAS_TARGET', plan, 'Target:x1', { ordinal: 2 }),
      edge('HAS_TARGET', 'Task:t-a', 'Target:x1', { ordinal: 1 }),
      edge('IN_PHASE', 'Target:x1', 'Phase:p1'),
      edge('IN_PHASE', 'Task:t-a', 'Phase:p1'),
    ],
  };
}
