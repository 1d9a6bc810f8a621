import { loadSeed } from '../../seed/loadSeed';
import { StoreInputError } from '../../src/errors';
import { cacheStoreReads, type CachedStore } from '../../src/store/cacheStoreReads';
import { countStoreCalls, type CountedStore } from '../../src/store/countStoreCalls';
import type { EdgeListQuery, GraphStore, NodeRecord } from '../../src/store/port';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { openTestStore, type TestStore } from '../support/openTestStore';

let opened: TestStore;

beforeAll(async () => {
  opened = await openTestStore();
  await loadSeed(opened.store);
});

afterAll(async () => {
  await opened.dispose();
});

const AGENCY = 'Agency:dn-skhcn';
const MATRIX: EdgeListQuery = {
  types: ['LEADS', 'COORDINATES'],
  toWhere: [{ property: 'planId', eq: 'Plan:dn-202-2019' }],
  offset: 0,
  limit: 1000,
};

/** The seeded store behind a call counter (what reaches the store), a write clock and the cache. */
function layers(maxBytes = 8 * 1024 * 1024, wrap: (store: GraphStore) => GraphStore = (s) => s): { counted: CountedStore; cached: CachedStore } {
  const counted = countStoreCalls(wrap(opened.store));
  const { store, clock } = watchStoreWrites(counted.store);
  return { counted, cached: cacheStoreReads(store, clock, maxBytes) };
}

/** A name no earlier test used. */
let names = 0;
const freshName = () => `Renamed for the cache test ${(names += 1)}`;

describe('cacheStoreReads', () => {
  it('answers a repeated read from memory: the store sees each read once, the answers are equal', async () => {
    const { counted, cached } = layers();
    const store = cached.store;
    const readAll = async () => [
      await store.getNodes([AGENCY, 'Task:dn-202-2019.pl-ii-2-c']),
      await store.listEdges(MATRIX),
      await store.getNeighbours({ ids: [AGENCY], type: 'LEADS', direction: 'OUT' }),
      await store.countNodes({ kind: 'Task', groupBy: 'timeframe' }),
    ] as const;
    const first = await readAll();
    expect(counted.calls()).toBe(4);
    const again = await readAll();
    expect(counted.calls()).toBe(4);
    expect(again).toEqual(first);
    expect(first[1].items.length).toBeGreaterThan(0);
  });

  it('sends only the ids it does not hold yet, and remembers ids that name nothing', async () => {
    const asked: string[][] = [];
    const { cached } = layers(8 * 1024 * 1024, (store) => {
      const spy = Object.create(store) as GraphStore;
      Object.defineProperty(spy, 'getNodes', { value: (ids: readonly string[]) => (asked.push([...ids]), store.getNodes(ids)) });
      return spy;
    });
    await cached.store.getNodes([AGENCY, 'Agency:no-such-agency']);
    const answer = await cached.store.getNodes(['Agency:no-such-agency', 'Agency:vn-bkhcn', AGENCY, 'Agency:vn-bkhcn']);
    expect(asked).toEqual([[AGENCY, 'Agency:no-such-agency'], ['Agency:vn-bkhcn']]);
    expect(answer.map((n) => n?.id ?? null)).toEqual([null, 'Agency:vn-bkhcn', AGENCY, 'Agency:vn-bkhcn']);
  });

  it('never serves a read from before a write: the next read through the cache shows what was written', async () => {
    const { cached } = layers();
    const store = cached.store;
    const before = await store.getNodes([AGENCY]);
    const matrix = await store.listEdges(MATRIX);
    const leads = await store.getNeighbours({ ids: [AGENCY], type: 'COORDINATES', direction: 'OUT' });
    const tasks = await store.countNodes({ kind: 'Task' });
    const name = freshName();
    const task: NodeRecord = { id: `Task:cache-test-${names}`, kind: 'Task', props: { name, planId: 'Plan:dn-202-2019' } };
    await store.upsert({
      nodes: [{ id: AGENCY, kind: 'Agency', props: { name } }, task],
      edges: [{ type: 'COORDINATES', from: AGENCY, to: task.id, props: {} }],
    });
    expect(before[0]?.props.name).not.toBe(name);
    expect((await store.getNodes([AGENCY]))[0]?.props.name).toBe(name);
    expect((await store.listEdges(MATRIX)).totalCount).toBe(matrix.totalCount + 1);
    const after = await store.getNeighbours({ ids: [AGENCY], type: 'COORDINATES', direction: 'OUT' });
    expect(after[0]?.map((n) => n.node.id)).toContain(task.id);
    expect(after[0]?.length).toBe((leads[0]?.length ?? 0) + 1);
    expect(await store.countNodes({ kind: 'Task' })).toEqual([{ count: (tasks[0]?.count ?? 0) + 1 }]);
  });

  it('keeps no answer that was read while a write ran', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let gated = true;
    const { counted, cached } = layers(8 * 1024 * 1024, (store) => {
      const slow = Object.create(store) as GraphStore;
      Object.defineProperty(slow, 'getNodes', {
        value: async (ids: readonly string[]) => {
          const answer = await store.getNodes(ids);
          if (gated) await gate; // the answer is read; a write happens before it is returned
          return answer;
        },
      });
      return slow;
    });
    const name = freshName();
    const stale = cached.store.getNodes([AGENCY]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await cached.store.upsert({ nodes: [{ id: AGENCY, kind: 'Agency', props: { name } }], edges: [] });
    gated = false;
    release();
    expect((await stale)[0]?.props.name).not.toBe(name);
    const reads = counted.callsByMethod().getNodes ?? 0;
    expect((await cached.store.getNodes([AGENCY]))[0]?.props.name).toBe(name);
    expect(counted.callsByMethod().getNodes).toBe(reads + 1);
  });

  it('stays within its byte budget, evicting the least recently used, and keeps no answer larger than an eighth of it', async () => {
    const tasks = await opened.store.listNodes({ kind: 'Task', where: [], orderBy: [], offset: 0, limit: 1000 });
    expect(tasks.items.length).toBeGreaterThan(30);
    const unbounded = layers();
    for (const task of tasks.items) await unbounded.cached.store.getNodes([task.id]);
    const budget = Math.floor(unbounded.cached.stats().bytes / 2); // half of what every task takes
    const { counted, cached } = layers(budget);
    for (const task of tasks.items) {
      await cached.store.getNodes([task.id]);
      expect(cached.stats().bytes).toBeLessThanOrEqual(budget);
    }
    expect(cached.stats().entries).toBeGreaterThan(0);
    expect(cached.stats().entries).toBeLessThan(tasks.items.length);
    const before = counted.calls();
    await cached.store.getNodes([tasks.items[0]?.id ?? '']); // the oldest: evicted
    expect(counted.calls()).toBe(before + 1);
    const all = { kind: 'Task' as const, where: [], orderBy: [], offset: 0, limit: 1000 };
    await cached.store.listNodes(all);
    await cached.store.listNodes(all);
    expect(counted.calls()).toBe(before + 3);
  });

  it('keeps no error: a refused call reaches the store again', async () => {
    const { counted, cached } = layers();
    const bad = { ids: [AGENCY], type: 'NOT_A_TYPE', direction: 'OUT' } as never;
    await expect(cached.store.getNeighbours(bad)).rejects.toBeInstanceOf(StoreInputError);
    await expect(cached.store.getNeighbours(bad)).rejects.toBeInstanceOf(StoreInputError);
    await expect(cached.store.getNodes('Agency:dn-skhcn' as never)).rejects.toBeInstanceOf(StoreInputError);
    expect(counted.calls()).toBe(3);
  });

  it('freezes what it shares between callers', async () => {
    const { cached } = layers();
    const [agency] = await cached.store.getNodes([AGENCY]);
    expect(() => {
      (agency?.props as Record<string, unknown>).name = 'changed by a caller';
    }).toThrow(TypeError);
    const page = await cached.store.listEdges(MATRIX);
    expect(() => (page.items as unknown[]).pop()).toThrow(TypeError);
  });
});
