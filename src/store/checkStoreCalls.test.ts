import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreInputError } from '../errors';
import { checkStoreCalls } from './checkStoreCalls';
import { openStore } from './openStore';
import type { GraphStore } from './port';

/** A store that records the arguments each method receives and answers nothing. */
function recordingStore(): { store: GraphStore; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const record =
    (method: string) =>
    async (...args: unknown[]): Promise<never> => {
      calls.push([method, args]);
      return undefined as never;
    };
  const methods = ['getNodes', 'getEdges', 'getNeighbours', 'listNodes', 'listEdges', 'upsert', 'stats', 'search', 'findPaths', 'neighbourhood', 'countNodes', 'countEdges', 'ping', 'close'];
  const store = Object.fromEntries([['name', 'recording'], ...methods.map((m) => [m, record(m)])]) as unknown as GraphStore;
  return { store, calls };
}

describe('checkStoreCalls', () => {
  it('never calls the adapter with a bad argument', async () => {
    const { store, calls } = recordingStore();
    const checked = checkStoreCalls(store);
    await expect(checked.listNodes({ kind: 'Nope' as never, offset: 0, limit: 1 })).rejects.toThrow(StoreInputError);
    await expect(checked.upsert({ nodes: [{ id: 'Task:x', kind: 'Plan', props: {} }], edges: [] })).rejects.toThrow(StoreInputError);
    await expect(checked.countEdges({ types: ['LEADS'], groupBy: 'type' as never })).rejects.toThrow(StoreInputError);
    expect(calls).toEqual([]);
  });

  it('passes null optional arguments on as undefined and sets of names without repeats, in the caller order', async () => {
    const { store, calls } = recordingStore();
    const checked = checkStoreCalls(store);
    const options = { deadline: 123 };
    await checked.search({ terms: ['a'], kinds: null as never, offset: 0, limit: 1 }, options);
    await checked.countEdges({ types: ['LEADS', 'COORDINATES', 'LEADS'], groupBy: ['to', 'type', 'to'], fromKinds: ['Agency', 'Agency'] });
    await checked.upsert({ nodes: null as never, edges: null as never });
    expect(calls[0]).toEqual(['search', [{ terms: ['a'], kinds: undefined, offset: 0, limit: 1 }, options]]);
    expect(calls[1]?.[1][0]).toMatchObject({ types: ['LEADS', 'COORDINATES'], groupBy: ['to', 'type'], fromKinds: ['Agency'] });
    expect(calls[2]?.[1][0]).toEqual({ nodes: [], edges: [] });
  });

  it('lets the calls without arguments through, bound to the adapter', async () => {
    const { store, calls } = recordingStore();
    const checked = checkStoreCalls(store);
    await checked.stats();
    await checked.ping();
    await checked.close();
    expect(calls.map(([m]) => m)).toEqual(['stats', 'ping', 'close']);
    expect(checked.name).toBe('recording');
  });

  it('is in front of the store openStore opens', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kg-check-'));
    const store = await openStore({ kind: 'kuzu', dataDir: directory, poolSize: 1, bufferPoolBytes: 256 * 1024 * 1024, maxThreads: 1, queryTimeoutMs: 10_000 });
    try {
      const error = await store.listNodes({ kind: 'Task', offset: 0, limit: 0 }).catch((e: unknown) => e);
      expect((error as Error).message).toBe('listNodes: query.limit must be an integer >= 1; got number 0');
    } finally {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
