import { StoreInputError } from '../../src/errors';
import type { RelationshipType } from '../../src/model/relationships';
import { foldText } from '../../src/model/text';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import type { NodeKind } from '../../src/model/kinds';
import { validityCursor, type EdgeRecord, type GraphBatch, type GraphStore, type NodeRecord, type Properties, type ValidityChange, type ValidityChangeQuery } from '../../src/store/port';
import { edge, node } from './contract';
import { describeValidityProperties } from './validityProperties';

/** A node as the seed writes it, with `searchText` folded from its name. */
function named(kind: NodeRecord['kind'], key: string, name: string, validity: Properties = {}): NodeRecord {
  return node(kind, key, { name, searchText: foldText(name), ...validity });
}

export const AG_OLD = 'Agency:old-dept';
export const AG_NEW = 'Agency:new-dept';
export const AG_ALWAYS = 'Agency:city';
export const T_OPEN = 'Task:t-open';
export const T_ENDS = 'Task:t-ends';
export const T_STARTS = 'Task:t-starts';
export const DOC_A = 'LegalDocument:doc-a';
export const DOC_B = 'LegalDocument:doc-b';
export const DOC_C = 'LegalDocument:doc-c';

/**
 * A small graph with validity (test data, not facts of the plan): a body
 * that ends on 2020-07-01 succeeded by one that starts that day, a body
 * always there; a task open on both sides, one that ends on 2021-01-01 (open
 * start), one that starts on 2019-06-01 (open end); relationships with and
 * without validity of their own; documents replaced and amended.
 */
export function validityFixture(): GraphBatch {
  return {
    nodes: [
      named('Agency', 'old-dept', 'Old department validity', { validFrom: '2010-01-01', validTo: '2020-07-01', validToSource: '{"quote":"test"}' }),
      named('Agency', 'new-dept', 'New department validity', { validFrom: '2020-07-01', validFromSource: '{"quote":"test"}' }),
      named('Agency', 'city', 'City validity'),
      named('Task', 't-open', 'Open task validity'),
      named('Task', 't-ends', 'Ending task validity', { validTo: '2021-01-01' }),
      named('Task', 't-starts', 'Starting task validity', { validFrom: '2019-06-01' }),
      named('LegalDocument', 'doc-a', 'Document A validity', { validFrom: '2015-01-01', validTo: '2021-01-01' }),
      named('LegalDocument', 'doc-b', 'Document B validity', { validFrom: '2021-01-01' }),
      named('LegalDocument', 'doc-c', 'Document C validity', { validFrom: '2020-03-01' }),
    ],
    edges: [
      edge('LEADS', AG_OLD, T_OPEN, { ordinal: 1, validTo: '2020-07-01' }),
      edge('LEADS', AG_NEW, T_OPEN, { ordinal: 1, validFrom: '2020-07-01' }),
      edge('LEADS', AG_ALWAYS, T_ENDS, { ordinal: 1 }),
      edge('COORDINATES', AG_OLD, T_STARTS, { ordinal: 2 }),
      edge('COORDINATES', AG_ALWAYS, T_STARTS, { ordinal: 3, validFrom: '2022-01-01' }),
      edge('SUCCEEDED_BY', AG_OLD, AG_NEW, { validFrom: '2020-07-01' }),
      edge('REPLACED_BY', DOC_A, DOC_B, { validFrom: '2021-01-01' }),
      edge('AMENDED_BY', DOC_A, DOC_C, { validFrom: '2020-03-01' }),
      edge('ISSUED_BY', DOC_C, AG_ALWAYS),
      edge('ISSUED_BY', DOC_A, AG_OLD),
    ],
  };
}

const key = (e: EdgeRecord): string => `${e.type} ${e.from} -> ${e.to}`;

/**
 * Reads "as of" a date on every adapter (see AsOf in src/store/records.ts):
 * a node takes part when validFrom is absent or <= asOf and validTo is
 * absent or > asOf (half-open: on validTo it no longer holds); a
 * relationship when it and both its ends do. Without asOf nothing is
 * filtered. Checked at the edges (the day a change takes effect and the day
 * before, open-ended sides, a relationship whose end is not valid,
 * succession relationships), then against a brute-force filter of the
 * unfiltered answers over random validity data (validityProperties.ts).
 */
export function describeValidityContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore reads as of a date (${adapter})`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = checkStoreCalls(await open());
      await store.upsert(validityFixture());
    });

    afterAll(async () => {
      await store.close();
    });

    const agencies = async (asOf?: string) => {
      const page = await store.listNodes({ kind: 'Agency', offset: 0, limit: 10, asOf });
      return { ids: page.items.map((n) => n.id), total: page.totalCount };
    };
    const edgeKeys = async (types: readonly RelationshipType[], asOf?: string) =>
      (await store.listEdges({ types, offset: 0, limit: 50, asOf })).items.map(key).sort();

    describe('listNodes', () => {
      it('keeps a node from its validFrom (included) to its validTo (excluded): the day a change takes effect and the day before', async () => {
        expect(await agencies('2020-06-30')).toEqual({ ids: [AG_ALWAYS, AG_OLD], total: 2 });
        expect(await agencies('2020-07-01')).toEqual({ ids: [AG_ALWAYS, AG_NEW], total: 2 });
        expect(await agencies('2009-12-31')).toEqual({ ids: [AG_ALWAYS], total: 1 });
        expect(await agencies('2010-01-01')).toEqual({ ids: [AG_ALWAYS, AG_OLD], total: 2 });
      });

      it('treats an absent validFrom or validTo as open on that side', async () => {
        const tasks = async (asOf: string) => (await store.listNodes({ kind: 'Task', offset: 0, limit: 10, asOf })).items.map((n) => n.id);
        expect(await tasks('1990-01-01')).toEqual([T_ENDS, T_OPEN]);
        expect(await tasks('2020-12-31')).toEqual([T_ENDS, T_OPEN, T_STARTS]);
        expect(await tasks('2021-01-01')).toEqual([T_OPEN, T_STARTS]);
        expect(await tasks('2019-05-31')).toEqual([T_ENDS, T_OPEN]);
        expect(await tasks('2100-12-31')).toEqual([T_OPEN, T_STARTS]);
      });

      it('filters nothing without asOf (null is absent), and pages and counts the nodes valid on the date', async () => {
        expect(await agencies()).toEqual({ ids: [AG_ALWAYS, AG_NEW, AG_OLD], total: 3 });
        expect((await store.listNodes({ kind: 'Agency', offset: 0, limit: 10, asOf: null as unknown as string })).totalCount).toBe(3);
        const second = await store.listNodes({ kind: 'Agency', offset: 1, limit: 1, asOf: '2020-07-01' });
        expect(second.items.map((n) => n.id)).toEqual([AG_NEW]);
        expect(second.totalCount).toBe(2);
      });

      it('returns whole records with their validity and sources', async () => {
        const [old] = (await store.listNodes({ kind: 'Agency', where: [{ property: 'id', eq: AG_OLD }], offset: 0, limit: 1, asOf: '2015-05-05' })).items;
        expect(old?.props).toMatchObject({ validFrom: '2010-01-01', validTo: '2020-07-01', validFromSource: null, validToSource: '{"quote":"test"}' });
      });
    });

    describe('listEdges and getNeighbours', () => {
      it('keeps a relationship valid on the date whose both ends are valid on it', async () => {
        expect(await edgeKeys(['LEADS'], '2020-06-30')).toEqual([`LEADS ${AG_ALWAYS} -> ${T_ENDS}`, `LEADS ${AG_OLD} -> ${T_OPEN}`]);
        expect(await edgeKeys(['LEADS'], '2020-07-01')).toEqual([`LEADS ${AG_ALWAYS} -> ${T_ENDS}`, `LEADS ${AG_NEW} -> ${T_OPEN}`]);
        expect(await edgeKeys(['LEADS'], '2021-01-01')).toEqual([`LEADS ${AG_NEW} -> ${T_OPEN}`]);
        expect(await edgeKeys(['LEADS'])).toHaveLength(3);
      });

      it('drops a relationship valid in itself when an end is not valid', async () => {
        // COORDINATES old-dept -> t-starts has no validity of its own; old-dept ends on 2020-07-01.
        expect(await edgeKeys(['COORDINATES'], '2020-06-30')).toEqual([`COORDINATES ${AG_OLD} -> ${T_STARTS}`]);
        expect(await edgeKeys(['COORDINATES'], '2020-07-01')).toEqual([]);
        expect(await edgeKeys(['COORDINATES'], '2022-01-01')).toEqual([`COORDINATES ${AG_ALWAYS} -> ${T_STARTS}`]);
        const ofOld = async (asOf?: string) =>
          (await store.getNeighbours({ ids: [AG_OLD, T_STARTS], type: 'COORDINATES', direction: 'OUT', asOf })).map((list) => list.map((n) => n.node.id));
        expect(await ofOld('2020-06-30')).toEqual([[T_STARTS], []]);
        expect(await ofOld('2020-07-01')).toEqual([[], []]);
        expect(await ofOld()).toEqual([[T_STARTS], []]);
      });

      it('gives the neighbours valid on the date, aligned with the ids, in the usual order', async () => {
        const leaders = async (asOf?: string) =>
          (await store.getNeighbours({ ids: [T_OPEN, T_ENDS, T_OPEN], type: 'LEADS', direction: 'IN', asOf })).map((list) => list.map((n) => n.node.id));
        expect(await leaders('2020-06-30')).toEqual([[AG_OLD], [AG_ALWAYS], [AG_OLD]]);
        expect(await leaders('2020-07-01')).toEqual([[AG_NEW], [AG_ALWAYS], [AG_NEW]]);
        expect(await leaders('2021-01-01')).toEqual([[AG_NEW], [], [AG_NEW]]);
        expect(await leaders()).toEqual([[AG_NEW, AG_OLD], [AG_ALWAYS], [AG_NEW, AG_OLD]]);
      });

      it('gives no neighbour to a node that is not valid on the date', async () => {
        const led = await store.getNeighbours({ ids: [T_ENDS], type: 'LEADS', direction: 'IN', asOf: '2021-06-01' });
        expect(led).toEqual([[]]);
      });

      it('shows succession relationships without a date, and as of a date only while both ends hold', async () => {
        expect(await edgeKeys(['SUCCEEDED_BY'])).toEqual([`SUCCEEDED_BY ${AG_OLD} -> ${AG_NEW}`]);
        // The old body ends the day the new one starts: on no single day do both hold.
        for (const asOf of ['2020-06-30', '2020-07-01', '2030-01-01']) expect(await edgeKeys(['SUCCEEDED_BY'], asOf)).toEqual([]);
        expect(await edgeKeys(['REPLACED_BY', 'AMENDED_BY'], '2020-02-29')).toEqual([]);
        expect(await edgeKeys(['REPLACED_BY', 'AMENDED_BY'], '2020-03-01')).toEqual([`AMENDED_BY ${DOC_A} -> ${DOC_C}`]);
        expect(await edgeKeys(['REPLACED_BY', 'AMENDED_BY'], '2021-01-01')).toEqual([]);
        const successor = await store.getNeighbours({ ids: [AG_OLD], type: 'SUCCEEDED_BY', direction: 'OUT' });
        expect(successor[0]?.map((n) => [n.node.id, n.edge.props.validFrom])).toEqual([[AG_NEW, '2020-07-01']]);
      });
    });

    describe('the check of asOf', () => {
      it('rejects a date that is not a real calendar date YYYY-MM-DD, naming the method, query.asOf and the value', async () => {
        for (const asOf of ['2021-02-29', '2021-13-01', '2021-1-5', '01/07/2020', 'yesterday', '', 20200701, '2020-07-01T00:00:00Z']) {
          const error = await store.listNodes({ kind: 'Agency', offset: 0, limit: 1, asOf: asOf as string }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreInputError);
          expect((error as Error).message).toContain('listNodes: query.asOf must be a calendar date written YYYY-MM-DD');
          expect((error as Error).message).toContain(typeof asOf === 'string' ? JSON.stringify(asOf) : String(asOf));
        }
        const calls: [string, () => Promise<unknown>][] = [
          ['getNeighbours', () => store.getNeighbours({ ids: [T_OPEN], type: 'LEADS', direction: 'IN', asOf: '2020-02-30' })],
          ['listEdges', () => store.listEdges({ types: ['LEADS'], offset: 0, limit: 1, asOf: '2020-02-30' })],
        ];
        for (const [method, call] of calls) await expect(call()).rejects.toThrow(`${method}: query.asOf must be a calendar date`);
      });

      it('refuses to write a validity that is not a calendar date or is empty, naming the record and the value, writing nothing', async () => {
        const node = (props: Record<string, string | null>) => ({ nodes: [{ id: 'Agency:bad-validity', kind: 'Agency', props: { name: 'x', ...props } }], edges: [] });
        const cases: [Record<string, string | null>, string][] = [
          [{ validFrom: '2021-02-29' }, 'upsert: batch.nodes[0] (Agency:bad-validity).props.validFrom must be a calendar date written YYYY-MM-DD'],
          [{ validTo: 'soon' }, 'upsert: batch.nodes[0] (Agency:bad-validity).props.validTo must be a calendar date written YYYY-MM-DD'],
          [{ validFrom: '2025-03-01', validTo: '2025-03-01' }, 'props.validTo must be a date after validFrom 2025-03-01'],
          [{ validFrom: '2025-03-01', validTo: '2020-01-01' }, 'props.validTo must be a date after validFrom 2025-03-01'],
        ];
        for (const [props, message] of cases) {
          const error = await store.upsert(node(props) as never).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreInputError);
          expect((error as Error).message).toContain(message);
        }
        const edge = { type: 'LEADS', from: AG_ALWAYS, to: T_OPEN, props: { validFrom: '2020-1-1' } };
        await expect(store.upsert({ nodes: [], edges: [edge] } as never)).rejects.toThrow('props.validFrom must be a calendar date');
        expect(await store.getNodes(['Agency:bad-validity'])).toEqual([null]);
      });

      it('accepts 29 February of a leap year', async () => {
        expect((await agencies('2020-02-29')).ids).toEqual([AG_ALWAYS, AG_OLD]);
      });
    });

    describe('analyst reads', () => {
      it('search finds only nodes valid on the date, and counts them', async () => {
        const hits = async (asOf?: string) => {
          const page = await store.search({ terms: ['department'], offset: 0, limit: 10, asOf });
          return { ids: page.items.map((h) => h.node.id).sort(), total: page.totalCount };
        };
        expect(await hits()).toEqual({ ids: [AG_NEW, AG_OLD], total: 2 });
        expect(await hits('2020-06-30')).toEqual({ ids: [AG_OLD], total: 1 });
        expect(await hits('2020-07-01')).toEqual({ ids: [AG_NEW], total: 1 });
        expect(await hits('2005-01-01')).toEqual({ ids: [], total: 0 });
      });

      it('countNodes and countEdges count what is valid on the date', async () => {
        expect(await store.countNodes({ kind: 'Agency', asOf: '2020-06-30' })).toEqual([{ count: 2 }]);
        expect(await store.countNodes({ kind: 'Task', asOf: '2021-01-01' })).toEqual([{ count: 2 }]);
        // No document holds yet: no group for LegalDocument.
        expect(await store.countNodes({ asOf: '2009-06-01' })).toEqual([
          { kind: 'Agency', count: 1 },
          { kind: 'Task', count: 2 },
        ]);
        expect(await store.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['type'], asOf: '2020-06-30' })).toEqual([
          { type: 'COORDINATES', count: 1 },
          { type: 'LEADS', count: 2 },
        ]);
        expect(await store.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['type'], asOf: '2022-01-01' })).toEqual([
          { type: 'COORDINATES', count: 1 },
          { type: 'LEADS', count: 1 },
        ]);
      });

      it('findPaths goes only through nodes and relationships valid on the date', async () => {
        const paths = async (from: string, to: string, asOf?: string) =>
          (await store.findPaths({ from, to, mode: 'ALL', maxDepth: 4, limit: 20, asOf })).map((p) => p.nodes.map((n) => n.id));
        // Without a date: through the old body (and the succession) as well.
        expect(await paths(T_OPEN, T_STARTS)).toEqual([
          [T_OPEN, AG_OLD, T_STARTS],
          [T_OPEN, AG_NEW, AG_OLD, T_STARTS],
        ]);
        expect(await paths(T_OPEN, T_STARTS, '2020-06-30')).toEqual([[T_OPEN, AG_OLD, T_STARTS]]);
        expect(await paths(T_OPEN, T_STARTS, '2020-07-01')).toEqual([]);
        expect(await paths(T_OPEN, T_STARTS, '2022-01-01')).toEqual([]);
        expect(await paths(T_ENDS, T_STARTS, '2022-01-01')).toEqual([]); // t-ends has ended
        expect(await paths(T_OPEN, T_OPEN, '2020-07-01')).toEqual([[T_OPEN]]);
        expect(await paths(AG_OLD, AG_OLD, '2020-07-01')).toEqual([]);
        const shortest = await store.findPaths({ from: DOC_A, to: AG_ALWAYS, mode: 'SHORTEST', maxDepth: 3, limit: 5, asOf: '2020-03-01' });
        expect(shortest.map((p) => p.nodes.map((n) => n.id))).toEqual([[DOC_A, DOC_C, AG_ALWAYS]]);
        expect(await store.findPaths({ from: DOC_A, to: AG_ALWAYS, mode: 'SHORTEST', maxDepth: 3, limit: 5, asOf: '2020-02-29' })).toEqual([]);
      });

      it('neighbourhood starts, moves and returns relationships only as of the date', async () => {
        const around = async (ids: string[], asOf?: string) => {
          const sub = await store.neighbourhood({ ids, depth: 2, limit: 20, asOf });
          return { nodes: sub.nodes.map((n) => n.id), edges: sub.edges.map(key).sort() };
        };
        expect(await around([T_OPEN], '2020-06-30')).toEqual({
          nodes: [T_OPEN, AG_OLD, DOC_A, T_STARTS],
          edges: [`COORDINATES ${AG_OLD} -> ${T_STARTS}`, `ISSUED_BY ${DOC_A} -> ${AG_OLD}`, `LEADS ${AG_OLD} -> ${T_OPEN}`],
        });
        expect(await around([T_OPEN], '2020-07-01')).toEqual({ nodes: [T_OPEN, AG_NEW], edges: [`LEADS ${AG_NEW} -> ${T_OPEN}`] });
        expect(await around([AG_OLD, T_ENDS], '2021-06-01')).toEqual({ nodes: [], edges: [] });
        expect((await around([T_OPEN])).nodes).toEqual([T_OPEN, AG_NEW, AG_OLD, DOC_A, T_STARTS]);
      });
    });
  });

  describe(`GraphStore listValidityChanges (${adapter})`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = checkStoreCalls(await open());
      await store.upsert(validityFixture());
    });

    afterAll(async () => {
      await store.close();
    });

    const describeChange = (c: ValidityChange) => `${c.date} ${c.change} ${c.node ? c.node.id : `${c.edge?.from} ${c.edge?.type} ${c.edge?.to}`}`;
    const list = async (query: Partial<ValidityChangeQuery> = {}) => {
      const page = await store.listValidityChanges({ first: 100, ...query });
      return { changes: page.items.map(describeChange), total: page.totalCount };
    };

    it('lists every start and end in the range [from, to), ordered by date, then key (a node, then its relationships), ENDS before STARTS', async () => {
      expect(await list({ from: '2020-07-01', to: '2021-01-01' })).toEqual({
        changes: [
          `2020-07-01 STARTS ${AG_NEW}`,
          `2020-07-01 STARTS ${AG_NEW} LEADS ${T_OPEN}`,
          `2020-07-01 ENDS ${AG_OLD}`,
          `2020-07-01 ENDS ${AG_OLD} LEADS ${T_OPEN}`,
          `2020-07-01 STARTS ${AG_OLD} SUCCEEDED_BY ${AG_NEW}`,
        ],
        total: 5,
      });
      expect((await list({ from: '2021-01-01', to: '2021-01-02' })).changes).toEqual([
        `2021-01-01 ENDS ${DOC_A}`,
        `2021-01-01 STARTS ${DOC_A} REPLACED_BY ${DOC_B}`,
        `2021-01-01 STARTS ${DOC_B}`,
        `2021-01-01 ENDS ${T_ENDS}`,
      ]);
      const all = await list();
      expect(all.total).toBe(15);
      expect(all.changes[0]).toBe(`2010-01-01 STARTS ${AG_OLD}`);
      expect(all.changes.at(-1)).toBe(`2022-01-01 STARTS ${AG_ALWAYS} COORDINATES ${T_STARTS}`);
      expect((await list({ to: '2015-01-01' })).changes).toEqual([`2010-01-01 STARTS ${AG_OLD}`]);
      expect((await list({ from: '2021-01-02' })).changes).toEqual([`2022-01-01 STARTS ${AG_ALWAYS} COORDINATES ${T_STARTS}`]);
    });

    it('gives full records, equal to those the other reads give', async () => {
      const page = await store.listValidityChanges({ from: '2020-07-01', to: '2020-07-02', first: 10 });
      const node = page.items.find((c) => c.node?.id === AG_NEW)?.node;
      expect(node).toEqual((await store.getNodes([AG_NEW]))[0]);
      const leads = page.items.find((c) => c.edge?.type === 'LEADS' && c.edge.from === AG_NEW)?.edge;
      expect(leads).toEqual((await store.getEdges([{ type: 'LEADS', from: AG_NEW, to: T_OPEN }]))[0]);
      for (const c of page.items) expect(c.node === undefined).toBe(c.edge !== undefined);
    });

    it('keeps only the kinds and types asked for; empty lists list nothing', async () => {
      expect((await list({ kinds: ['LegalDocument'], types: [] })).changes).toEqual([
        `2015-01-01 STARTS ${DOC_A}`,
        `2020-03-01 STARTS ${DOC_C}`,
        `2021-01-01 ENDS ${DOC_A}`,
        `2021-01-01 STARTS ${DOC_B}`,
      ]);
      expect((await list({ kinds: [], types: ['AMENDED_BY', 'SUCCEEDED_BY'] })).changes).toEqual([
        `2020-03-01 STARTS ${DOC_A} AMENDED_BY ${DOC_C}`,
        `2020-07-01 STARTS ${AG_OLD} SUCCEEDED_BY ${AG_NEW}`,
      ]);
      expect(await list({ kinds: [], types: [] })).toEqual({ changes: [], total: 0 });
    });

    it('pages with cursors: the pages joined are the whole list, each counting the whole range', async () => {
      const whole = (await list()).changes;
      for (const first of [1, 2, 4]) {
        const seen: string[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await store.listValidityChanges({ first, after });
          expect(page.totalCount).toBe(whole.length);
          seen.push(...page.items.map(describeChange));
          if (page.items.length < first) break;
          after = validityCursor(page.items.at(-1) as ValidityChange);
        }
        expect(seen).toEqual(whole);
      }
    });

    it('rejects bad ranges, pages and cursors, naming them', async () => {
      const bad: [Partial<ValidityChangeQuery>, string][] = [
        [{ from: '2020-02-30' }, 'listValidityChanges: query.from must be a calendar date'],
        [{ to: '2020/01/01' }, 'listValidityChanges: query.to must be a calendar date'],
        [{ first: 0 }, 'listValidityChanges: query.first must be an integer from 1 to 1000; got number 0'],
        [{ first: 1001 }, 'query.first must be an integer from 1 to 1000'],
        [{ after: 'not-a-cursor' }, 'listValidityChanges: query.after must be a cursor given by an earlier page of listValidityChanges; got "not-a-cursor"'],
        [{ kinds: ['Nope' as NodeKind] }, 'listValidityChanges: query.kinds[0] must be a node kind'],
        [{ types: ['NOPE' as RelationshipType] }, 'listValidityChanges: query.types[0] must be a relationship type'],
      ];
      for (const [query, message] of bad) await expect(store.listValidityChanges({ first: 10, ...query })).rejects.toThrow(message);
      await expect(store.listValidityChanges({ first: 10, from: '2020-01-01' })).resolves.toBeDefined();
    });
  });

  describe(`GraphStore reads as of a date follow writes (${adapter})`, () => {
    let store: GraphStore;

    beforeEach(async () => {
      store = checkStoreCalls(await open());
      await store.upsert(validityFixture());
    });

    afterEach(async () => {
      await store.close();
    });

    it('sees validity set, changed and cleared by later writes, on every read', async () => {
      const asOf = '2020-07-01';
      const reads = async () => ({
        listed: (await store.listEdges({ types: ['LEADS'], toIds: [T_OPEN], offset: 0, limit: 5, asOf })).items.map(key),
        paths: (await store.findPaths({ from: T_OPEN, to: T_STARTS, mode: 'ALL', maxDepth: 3, limit: 5, asOf })).map((p) => p.nodes.map((n) => n.id)),
        around: (await store.neighbourhood({ ids: [T_OPEN], depth: 1, limit: 10, asOf })).nodes.map((n) => n.id),
      });
      expect(await reads()).toEqual({ listed: [`LEADS ${AG_NEW} -> ${T_OPEN}`], paths: [], around: [T_OPEN, AG_NEW] });

      // The old body is extended by a year; its LEADS relationship too.
      await store.upsert({
        nodes: [node('Agency', 'old-dept', { validTo: '2021-07-01' })],
        edges: [edge('LEADS', AG_OLD, T_OPEN, { validTo: '2021-07-01' })],
      });
      expect(await reads()).toEqual({
        listed: [`LEADS ${AG_NEW} -> ${T_OPEN}`, `LEADS ${AG_OLD} -> ${T_OPEN}`],
        // Both bodies hold on the date now, and so does the succession between them.
        paths: [
          [T_OPEN, AG_OLD, T_STARTS],
          [T_OPEN, AG_NEW, AG_OLD, T_STARTS],
        ],
        around: [T_OPEN, AG_NEW, AG_OLD],
      });

      // The new body's LEADS relationship now starts later; validity cleared on the old one's.
      await store.upsert({
        nodes: [],
        edges: [edge('LEADS', AG_NEW, T_OPEN, { validFrom: '2020-07-02' }), edge('LEADS', AG_OLD, T_OPEN, { validTo: null })],
      });
      expect(await reads()).toEqual({ listed: [`LEADS ${AG_OLD} -> ${T_OPEN}`], paths: [[T_OPEN, AG_OLD, T_STARTS]], around: [T_OPEN, AG_OLD] });

      // A new task valid from the date, led by the new body from the start.
      await store.upsert({
        nodes: [node('Task', 't-new', { name: 'New task', validFrom: '2020-07-01' }), node('Agency', 'old-dept', { validTo: null, validFrom: '2021-01-01' })],
        edges: [edge('COORDINATES', AG_NEW, 'Task:t-new', { validFrom: '2020-07-01' })],
      });
      const later = await store.neighbourhood({ ids: [AG_NEW], depth: 1, limit: 10, asOf });
      expect(later.nodes.map((n) => n.id)).toEqual([AG_NEW, 'Task:t-new']);
      expect(await reads()).toEqual({ listed: [], paths: [], around: [T_OPEN] });
    });
  });
  describeValidityProperties(adapter, open);
}
