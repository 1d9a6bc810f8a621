import { getEventListeners } from 'node:events';
import { StoreTimeoutError } from '../errors';
import { BULK_CALLS_AT_ONCE, limitStoreCalls, mergeCallOptions } from './limitStoreCalls';
import { NO_CHANGES, type CallOptions, type GraphStore } from './port';

/** A store whose calls record their arguments and wait until the test settles them. */
function recordingStore() {
  const calls: { method: string; args: unknown[]; settle: (value: unknown) => void }[] = [];
  const store = { name: 'fake' } as unknown as GraphStore;
  for (const method of ['getNodes', 'stats', 'upsert', 'search'] as const) {
    Object.defineProperty(store, method, {
      value: (...args: unknown[]) => new Promise((resolve) => calls.push({ method, args, settle: resolve })),
    });
  }
  return { store, calls };
}

describe('limitStoreCalls', () => {
  it('appends the request limits as the last argument of every method, after its own arguments', async () => {
    const { store, calls } = recordingStore();
    const signal = new AbortController().signal;
    const limited = limitStoreCalls(store, { deadline: Date.now() + 60_000, signal });
    void limited.store.getNodes(['Agency:a']);
    void limited.store.stats();
    expect(calls.map((c) => [c.method, c.args.length])).toEqual([
      ['getNodes', 2],
      ['stats', 1],
    ]);
    expect(calls[0]?.args[0]).toEqual(['Agency:a']);
    expect(calls[1]?.args[0]).toMatchObject({ signal });
    for (const call of calls) call.settle([]);
  });

  it('starts nothing once the signal fired or the deadline passed: each call rejects at once with StoreTimeoutError naming why', async () => {
    const { store, calls } = recordingStore();
    const aborted = new AbortController();
    aborted.abort();
    await expect(limitStoreCalls(store, { signal: aborted.signal }, () => 'the client closed the connection').store.getNodes(['Agency:a'])).rejects.toThrow(
      new StoreTimeoutError('getNodes not started: the client closed the connection'),
    );
    await expect(limitStoreCalls(store, { deadline: Date.now() - 1 }).store.stats()).rejects.toBeInstanceOf(StoreTimeoutError);
    expect(calls).toEqual([]);
  });

  it('answers a running read at once when the signal fires, but lets a write settle; idle() waits for the store to let go of both', async () => {
    const { store, calls } = recordingStore();
    const controller = new AbortController();
    const limited = limitStoreCalls(store, { signal: controller.signal });
    const read = limited.store.search({ terms: ['x'], offset: 0, limit: 1 });
    const write = limited.store.upsert({ nodes: [], edges: [] });
    let idle = false;
    const whenIdle = limited.idle().then(() => (idle = true));
    controller.abort();
    await expect(read).rejects.toThrow(/search cut short/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    const result = NO_CHANGES;
    for (const call of calls) call.settle(result);
    await expect(write).resolves.toEqual(result);
    await whenIdle;
    expect(idle).toBe(true);
  });

  it('merges CallOptions the caller passes: the earlier deadline, and a signal that fires when either does', () => {
    const a = new AbortController();
    const b = new AbortController();
    const merged: CallOptions = mergeCallOptions({ deadline: 100, signal: a.signal }, { deadline: 50, signal: b.signal });
    expect(merged.deadline).toBe(50);
    expect(merged.signal?.aborted).toBe(false);
    b.abort();
    expect(merged.signal?.aborted).toBe(true);
    expect(mergeCallOptions({ deadline: 10 }, undefined)).toEqual({ deadline: 10 });
  });
});

describe('limitStoreCalls: one abort listener per request, and the bulk lane', () => {
  it('puts ONE abort listener on the request signal for 50 store calls at once, and none once they settled', async () => {
    const { store, calls } = recordingStore();
    const controller = new AbortController();
    const limited = limitStoreCalls(store, { signal: controller.signal });
    const reads = Array.from({ length: 50 }, (_, i) => limited.store.getNodes([`Agency:a${i}`]));
    expect(calls).toHaveLength(50);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    for (const call of calls) call.settle([]);
    await Promise.all(reads);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('answers all 50 at once when the signal fires, through that one listener', async () => {
    const { store } = recordingStore();
    const controller = new AbortController();
    const limited = limitStoreCalls(store, { signal: controller.signal });
    const reads = Array.from({ length: 50 }, (_, i) => limited.store.getNodes([`Agency:a${i}`]).catch((error: unknown) => error));
    controller.abort();
    const outcomes = await Promise.all(reads);
    expect(outcomes.every((outcome) => outcome instanceof StoreTimeoutError)).toBe(true);
  });

  it("passes the request's priority to the store, and once 'bulk' runs at most BULK_CALLS_AT_ONCE calls at once, the rest in order", async () => {
    const { store, calls } = recordingStore();
    const limited = limitStoreCalls(store, {});
    void limited.store.stats();
    expect((calls[0]?.args[0] as CallOptions).priority).toBeUndefined();
    calls[0]?.settle({ nodes: 0, edges: 0 });
    limited.setPriority('bulk');
    const reads = Array.from({ length: 5 }, (_, i) => limited.store.getNodes([`Agency:a${i}`]));
    expect(calls.slice(1).map((c) => c.args[0])).toEqual([['Agency:a0'], ['Agency:a1']]);
    expect((calls[1]?.args[1] as CallOptions).priority).toBe('bulk');
    calls[1]?.settle([]);
    await reads[0];
    expect(calls.slice(1).map((c) => c.args[0])).toEqual([['Agency:a0'], ['Agency:a1'], ['Agency:a2']]);
    let idle = false;
    const whenIdle = limited.idle().then(() => (idle = true));
    for (let i = 2; i <= 5; i += 1) {
      calls[i]?.settle([]);
      await reads[i - 1];
    }
    expect(calls).toHaveLength(6);
    expect(idle).toBe(false);
    calls[5]?.settle([]);
    await Promise.all(reads);
    await whenIdle;
    expect(BULK_CALLS_AT_ONCE).toBe(2);
  });

  it('refuses bulk calls still waiting for their turn when the request is abandoned: they never reach the store', async () => {
    const { store, calls } = recordingStore();
    const controller = new AbortController();
    const limited = limitStoreCalls(store, { signal: controller.signal, priority: 'bulk' });
    const reads = Array.from({ length: 4 }, (_, i) => limited.store.getNodes([`Agency:a${i}`]).catch((error: unknown) => error));
    expect(calls).toHaveLength(BULK_CALLS_AT_ONCE);
    controller.abort();
    for (const outcome of await Promise.all(reads)) expect(outcome).toBeInstanceOf(StoreTimeoutError);
    for (const call of calls) call.settle([]);
    await limited.idle();
    expect(calls).toHaveLength(BULK_CALLS_AT_ONCE);
  });
});
