import type { CallPriority } from '../../port';
import { ConnectionPool } from './ConnectionPool';
import type { KuzuConnection } from './KuzuConnection';

/** Stand-ins for connections: the pool only lends them, checks `broken` and closes them. */
function connections(count: number): KuzuConnection[] {
  return Array.from({ length: count }, () => ({ broken: false, close: async () => undefined }) as unknown as KuzuConnection);
}

/** Holds a connection of `pool` in lane `priority` until the returned release is called; `started` says whether it got one. */
function hold(pool: ConnectionPool, priority: CallPriority) {
  let release!: () => void;
  const holding = new Promise<void>((resolve) => (release = resolve));
  const state = { started: false, release, done: Promise.resolve() };
  state.done = pool.use(async () => {
    state.started = true;
    await holding;
  }, { priority });
  return state;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConnectionPool lanes', () => {
  it('keeps the reserved connection from bulk callers: the fourth bulk caller waits while an interactive one is served at once', async () => {
    const pool = new ConnectionPool('read', connections(4), async () => connections(1)[0] as KuzuConnection, 1);
    const bulk = Array.from({ length: 4 }, () => hold(pool, 'bulk'));
    await tick();
    expect(bulk.map((b) => b.started)).toEqual([true, true, true, false]);
    const probe = hold(pool, 'interactive');
    await tick();
    expect(probe.started).toBe(true);
    probe.release();
    await probe.done;
    await tick();
    expect(bulk[3]?.started).toBe(false);
    bulk[0]?.release();
    await tick();
    expect(bulk[3]?.started).toBe(true);
    for (const b of bulk) b.release();
    await Promise.all(bulk.map((b) => b.done));
  });

  it('hands a returned connection to a waiting interactive caller before a bulk one that waited longer', async () => {
    const pool = new ConnectionPool('read', connections(2), async () => connections(1)[0] as KuzuConnection, 1);
    const interactive = [hold(pool, 'interactive'), hold(pool, 'interactive')];
    await tick();
    const bulkWaiter = hold(pool, 'bulk');
    const interactiveWaiter = hold(pool, 'interactive');
    await tick();
    expect([bulkWaiter.started, interactiveWaiter.started]).toEqual([false, false]);
    interactive[0]?.release();
    await tick();
    expect([bulkWaiter.started, interactiveWaiter.started]).toEqual([false, true]);
    interactive[1]?.release();
    await tick();
    expect(bulkWaiter.started).toBe(true);
    bulkWaiter.release();
    interactiveWaiter.release();
    await Promise.all([...interactive, bulkWaiter, interactiveWaiter].map((h) => h.done));
  });

  it('lets bulk callers use a pool of one (nothing to reserve) and every connection when nothing is reserved', async () => {
    const single = new ConnectionPool('write', connections(1), async () => connections(1)[0] as KuzuConnection, 1);
    const only = hold(single, 'bulk');
    const open = new ConnectionPool('read', connections(2), async () => connections(1)[0] as KuzuConnection);
    const both = [hold(open, 'bulk'), hold(open, 'bulk')];
    await tick();
    expect([only.started, ...both.map((b) => b.started)]).toEqual([true, true, true]);
    for (const h of [only, ...both]) h.release();
    await Promise.all([only, ...both].map((h) => h.done));
  });
});
