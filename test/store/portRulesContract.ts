import { StoreInputError } from '../../src/errors';
import type { NodeKind } from '../../src/model/kinds';
import type { RelationshipType } from '../../src/model/relationships';
import { ANALYTICS_LIMITS } from '../../src/store/analytics';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import { NO_CHANGES, type GraphStore } from '../../src/store/port';
import { fixture, node } from './contract';

/**
 * The rules every adapter shares through src/store/checkStoreCalls.ts, run
 * on each adapter behind the wrapper (as openStore opens them):
 * - one message shape for every bad argument:
 *   `<method>: <argument> must be <what is allowed, with its limit>; got <value>`;
 * - null and undefined mean "absent" for an optional argument; a required
 *   argument or a list element that is null is rejected (lists of ids
 *   excepted: the port answers those elements with null / no match);
 * - lists of kinds, types and group keys are sets: repeats and their order
 *   never change an answer;
 * - strings are ordered by code point (an astral character after U+FFFF),
 *   where the port promises an order.
 */
export function describePortRulesContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore rules shared through checkStoreCalls (${adapter})`, () => {
    let store: GraphStore;

    beforeEach(async () => {
      store = checkStoreCalls(await open());
      await store.upsert(fixture());
    });

    afterEach(async () => {
      await store.close();
    });

    /** Expects the one message shape, naming the method, the argument and the value. */
    async function rejects(call: () => Promise<unknown>, method: string, argument: string, got: string): Promise<void> {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreInputError);
      const message = (error as Error).message;
      expect(message.startsWith(`${method}: ${argument} must be `)).toBe(true);
      expect(message.endsWith(`; got ${got}`)).toBe(true);
    }

    it('names the method, the argument, what is allowed with its limit, and the value, in one shape for every method', async () => {
      const page = { offset: 0, limit: 5 };
      await rejects(() => store.getNodes('Task:t-a' as never), 'getNodes', 'ids', '"Task:t-a"');
      await rejects(() => store.getEdges(5 as never), 'getEdges', 'keys', 'number 5');
      await rejects(() => store.getNeighbours({ ids: [], type: 'NOPE' as RelationshipType, direction: 'OUT' }), 'getNeighbours', 'query.type', '"NOPE"');
      await rejects(() => store.getNeighbours({ ids: [], type: 'LEADS', direction: 'UP' as 'OUT' }), 'getNeighbours', 'query.direction', '"UP"');
      await rejects(() => store.listNodes({ kind: 'Nope' as NodeKind, ...page }), 'listNodes', 'query.kind', '"Nope"');
      await rejects(() => store.listNodes({ kind: 'Task', where: [{ property: 'colour', eq: 'red' }], ...page }), 'listNodes', 'query.where[0].property', '"colour"');
      await rejects(() => store.listNodes({ kind: 'Task', where: [{ property: 'ordinal', in: [1, 'two'] }], ...page }), 'listNodes', 'query.where[0].in[1]', '"two"');
      await rejects(() => store.listNodes({ kind: 'Task', orderBy: [{ property: 'name', direction: 'UP' as 'ASC' }], ...page }), 'listNodes', 'query.orderBy[0].direction', '"UP"');
      await rejects(() => store.listNodes({ kind: 'Task', offset: -1, limit: 5 }), 'listNodes', 'query.offset', 'number -1');
      await rejects(() => store.listNodes({ kind: 'Task', offset: 0, limit: 0 }), 'listNodes', 'query.limit', 'number 0');
      await rejects(() => store.listEdges({ types: ['LEADS', 'NOPE' as RelationshipType], ...page }), 'listEdges', 'query.types[1]', '"NOPE"');
      await rejects(() => store.listEdges({ types: ['HAS_TASK'], toWhere: [{ property: 'startYear', eq: 2019 }], ...page }), 'listEdges', 'query.toWhere[0].property', '"startYear"');
      await rejects(
        () => store.upsert({ nodes: [node('Task', 'ok'), node('Task', 'bad', { ordinal: 2.5 })], edges: [] }),
        'upsert',
        'batch.nodes[1] (Task:bad).props.ordinal',
        'number 2.5',
      );
      await rejects(() => store.search({ terms: [], ...page }), 'search', 'query.terms', 'a list of 0');
      await rejects(() => store.findPaths({ from: 'Task:t-a', to: 'Plan:dn-202', mode: 'ALL', maxDepth: 99, limit: 5 }), 'findPaths', 'query.maxDepth', 'number 99');
      await rejects(() => store.neighbourhood({ ids: ['Task:t-a'], depth: 1, limit: 0 }), 'neighbourhood', 'query.limit', 'number 0');
      await rejects(() => store.countNodes({ groupBy: 'name' }), 'countNodes', 'query.groupBy', '"name"');
      await rejects(() => store.countEdges({ types: ['LEADS'], groupBy: ['kind' as 'type'] }), 'countEdges', 'query.groupBy[0]', '"kind"');
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('states the limit it applies', async () => {
      const error = (call: () => Promise<unknown>) => call().catch((e: unknown) => (e as Error).message);
      expect(await error(() => store.findPaths({ from: 'Task:t-a', to: 'Plan:dn-202', mode: 'ALL', maxDepth: 0, limit: 5 }))).toContain(
        `an integer from 1 to ${ANALYTICS_LIMITS.maxPathDepth}`,
      );
      const many = Array.from({ length: ANALYTICS_LIMITS.maxSearchTerms + 1 }, (_, i) => `w${i}`);
      expect(await error(() => store.search({ terms: many, offset: 0, limit: 5 }))).toContain(`1 to ${ANALYTICS_LIMITS.maxSearchTerms} words`);
      expect(await error(() => store.neighbourhood({ ids: [], depth: ANALYTICS_LIMITS.maxNeighbourhoodDepth + 1, limit: 5 }))).toContain(
        `an integer from 1 to ${ANALYTICS_LIMITS.maxNeighbourhoodDepth}`,
      );
    });

    it('reads null as absent for an optional argument', async () => {
      const page = { offset: 0, limit: 10 };
      const absent = null as never;
      expect(await store.listNodes({ kind: 'Task', where: absent, orderBy: absent, ...page })).toEqual(await store.listNodes({ kind: 'Task', ...page }));
      expect(await store.listEdges({ types: ['HAS_TASK'], fromIds: absent, toIds: absent, toWhere: absent, ...page })).toEqual(
        await store.listEdges({ types: ['HAS_TASK'], ...page }),
      );
      expect(await store.search({ terms: ['kiem'], kinds: absent, ...page })).toEqual(await store.search({ terms: ['kiem'], ...page }));
      const paths = { from: 'Task:t-a', to: 'Agency:skhcn', mode: 'ALL', maxDepth: 3, limit: 10 } as const;
      expect(await store.findPaths({ ...paths, types: absent })).toEqual(await store.findPaths(paths));
      const near = { ids: ['Plan:dn-202'], depth: 2, limit: 50 };
      expect(await store.neighbourhood({ ...near, kinds: absent, types: absent })).toEqual(await store.neighbourhood(near));
      expect(await store.countNodes({ kind: 'Task', groupBy: absent, where: absent })).toEqual(await store.countNodes({ kind: 'Task' }));
      expect(await store.countNodes({ kind: absent })).toEqual(await store.countNodes({}));
      expect(await store.countEdges({ types: ['LEADS'], groupBy: ['from'], fromKinds: absent, toWhere: absent })).toEqual(
        await store.countEdges({ types: ['LEADS'], groupBy: ['from'] }),
      );
      expect(await store.upsert({ nodes: absent, edges: absent })).toEqual(NO_CHANGES);
    });

    it('rejects null where an argument is required and null elements of lists, except ids the answer is aligned with', async () => {
      const page = { offset: 0, limit: 5 };
      await rejects(() => store.listNodes({ kind: null as never, ...page }), 'listNodes', 'query.kind', 'null');
      await rejects(() => store.search({ terms: null as never, ...page }), 'search', 'query.terms', 'null');
      await rejects(() => store.countEdges({ types: null as never, groupBy: [] }), 'countEdges', 'query.types', 'null');
      await rejects(() => store.search({ terms: ['kiem'], kinds: ['Task', null as never], ...page }), 'search', 'query.kinds[1]', 'null');
      await rejects(() => store.countEdges({ types: ['LEADS', null as never], groupBy: [] }), 'countEdges', 'query.types[1]', 'null');
      await rejects(() => store.listNodes({ kind: 'Task', orderBy: [null as never], ...page }), 'listNodes', 'query.orderBy[0]', 'null');
      await rejects(() => store.listNodes({ kind: 'Task', where: [null as never], ...page }), 'listNodes', 'query.where[0]', 'null');
      await rejects(() => store.listNodes({ kind: 'Task', where: [{ property: 'code', in: ['I.1', null as never] }], ...page }), 'listNodes', 'query.where[0].in[1]', 'null');
      await rejects(() => store.upsert({ nodes: [null as never], edges: [] }), 'upsert', 'batch.nodes[0]', 'null');
      expect((await store.getNodes([null as never, 'Task:t-a'])).map((n) => n?.id ?? null)).toEqual([null, 'Task:t-a']);
      expect(await store.getEdges([null as never])).toEqual([null]);
      const [none, some] = await store.getNeighbours({ ids: [null as never, 'Plan:dn-202'], type: 'HAS_TASK', direction: 'OUT' });
      expect(none).toEqual([]);
      expect(some?.length).toBe(4);
      expect(await store.stats()).toEqual({ nodes: fixture().nodes.length, edges: fixture().edges.length });
    });

    it('treats lists of kinds, types and group keys as sets: repeats and their order never change an answer', async () => {
      expect(await store.countEdges({ types: ['LEADS', 'COORDINATES', 'LEADS'], groupBy: ['type', 'type'] })).toEqual(
        await store.countEdges({ types: ['COORDINATES', 'LEADS'], groupBy: ['type'] }),
      );
      const page = { offset: 0, limit: 10 };
      expect(await store.search({ terms: ['kiem', 'dinh'], kinds: ['Task', 'Agency', 'Task'], ...page })).toEqual(
        await store.search({ terms: ['kiem', 'dinh'], kinds: ['Agency', 'Task'], ...page }),
      );
      expect(await store.listEdges({ types: ['LEADS', 'HAS_TASK', 'LEADS'], ...page })).toEqual(await store.listEdges({ types: ['HAS_TASK', 'LEADS'], ...page }));
      const near = { ids: ['Plan:dn-202'], depth: 2, limit: 50 };
      expect(await store.neighbourhood({ ...near, types: ['HAS_TASK', 'LEADS', 'HAS_TASK'], kinds: ['Agency', 'Task', 'Plan'] })).toEqual(
        await store.neighbourhood({ ...near, types: ['LEADS', 'HAS_TASK'], kinds: ['Plan', 'Task', 'Agency'] }),
      );
    });

    it('orders strings by code point where the port promises an order: an astral character after U+FFFF', async () => {
      // In code-point order; UTF-16 code units would put the two astral ones (surrogates D800-DFFF) before U+E000.
      const names = ['z', 'Đ', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}'];
      const shuffled = [3, 5, 0, 4, 1, 2].map((i) => names[i] as string);
      await store.upsert({ nodes: shuffled.map((name, i) => node('Sector', `order-${i}`, { name })), edges: [] });
      const groups = await store.countNodes({ kind: 'Sector', groupBy: 'name' });
      expect(groups).toEqual(names.map((value) => ({ value, count: 1 })));
      const listed = await store.listNodes({ kind: 'Sector', orderBy: [{ property: 'name', direction: 'ASC' }], offset: 0, limit: 10 });
      expect(listed.items.map((n) => n.props.name)).toEqual(names);
      const descending = await store.listNodes({ kind: 'Sector', orderBy: [{ property: 'name', direction: 'DESC' }], offset: 0, limit: 10 });
      expect(descending.items.map((n) => n.props.name)).toEqual([...names].reverse());
    });
  });
}
