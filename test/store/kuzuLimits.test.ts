import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'kuzu';
import { StoreOverloadedError, StoreTimeoutError } from '../../src/errors';
import { propertiesOf } from '../../src/model/kinds';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import { bulkLoadCsv, openKuzuStore } from '../../src/store/kuzu';
import type { GraphStore } from '../../src/store/port';

/**
 * Deadlines, aborts and memory on the Kùzu store (CallOptions of the port),
 * on a SYNTHETIC graph: 40,000 Sector nodes (`synthetic: true`) whose
 * descriptions hold 4 KB each, bulk-loaded into a temporary directory, so
 * that a scan of them takes far longer than the deadlines used here and
 * sorting them needs more than a 128 MiB buffer pool.
 */
const ROWS = 40_000;
const MiB = 1024 * 1024;
let directory: string;
let store: GraphStore;

/** A listNodes that scans every description (no match): far longer than the deadlines below. */
const SCAN = { kind: 'Sector', where: [{ property: 'description', contains: 'no such words' }], offset: 0, limit: 1 } as const;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'kuzu-limits-'));
  const header = ['id', ...propertiesOf('Sector').map((p) => p.name)];
  const filler = 'synthetic filler text for a scan that takes a while '.repeat(80);
  const rows = [header.join(',')];
  for (let i = 0; i < ROWS; i += 1) {
    const value = (name: string): string =>
      name === 'id' ? `Sector:synthetic-${i}` : name === 'name' ? `Synthetic sector ${i}` : name === 'description' ? `${i} ${filler}` : name === 'synthetic' ? 'true' : '';
    rows.push(header.map(value).join(','));
  }
  const csv = join(directory, 'sectors.csv');
  writeFileSync(csv, `${rows.join('\n')}\n`);
  await bulkLoadCsv(join(directory, 'db'), { nodes: [{ kind: 'Sector', file: csv }], edges: [] });
  rmSync(csv);
  store = checkStoreCalls(await openKuzuStore({ path: join(directory, 'db'), bufferPoolBytes: 256 * MiB, poolSize: 2, maxThreads: 1 }));
}, 300_000);

afterAll(async () => {
  await store?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('Kùzu store under call limits (synthetic graph)', () => {
  it('cuts a statement short at the deadline with StoreTimeoutError, then answers the next call normally', async () => {
    const error = await store.listNodes(SCAN, { deadline: Date.now() + 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect(String((error as Error).cause)).toMatch(/Interrupted/);
    expect(await store.listNodes(SCAN)).toEqual({ items: [], totalCount: 0 });
    expect((await store.listNodes({ kind: 'Sector', offset: 0, limit: 1 })).totalCount).toBe(ROWS);
  });

  it('starts no store work once the signal is aborted or the deadline has passed', async () => {
    const execute = jest.spyOn(Connection.prototype, 'execute');
    const query = jest.spyOn(Connection.prototype, 'query');
    try {
      const controller = new AbortController();
      controller.abort();
      const limits = [{ signal: controller.signal }, { deadline: Date.now() - 1 }];
      for (const options of limits) {
        const calls: Promise<unknown>[] = [
          store.getNodes(['Sector:synthetic-1'], options),
          store.getEdges([{ type: 'PRIORITISES', from: 'Plan:p', to: 'Sector:synthetic-1' }], options),
          store.getNeighbours({ ids: ['Sector:synthetic-1'], type: 'PRIORITISES', direction: 'IN' }, options),
          store.listNodes(SCAN, options),
          store.listEdges({ types: ['PRIORITISES'], offset: 0, limit: 1 }, options),
          store.upsert({ nodes: [{ id: 'Sector:synthetic-new', kind: 'Sector', props: { synthetic: true } }], edges: [] }, options),
          store.stats(options),
          store.search({ terms: ['synthetic'], offset: 0, limit: 1 }, options),
          store.findPaths({ from: 'Sector:synthetic-1', to: 'Sector:synthetic-2', mode: 'SHORTEST', maxDepth: 3, limit: 1 }, options),
          store.neighbourhood({ ids: ['Sector:synthetic-1'], depth: 1, limit: 10 }, options),
          store.countNodes({ kind: 'Sector' }, options),
          store.countEdges({ types: ['PRIORITISES'], groupBy: [] }, options),
          store.ping(options),
        ];
        for (const call of calls) await expect(call).rejects.toThrow(StoreTimeoutError);
      }
      expect(execute).not.toHaveBeenCalled();
      expect(query).not.toHaveBeenCalled();
    } finally {
      execute.mockRestore();
      query.mockRestore();
    }
    expect((await store.getNodes(['Sector:synthetic-new']))[0]).toBeNull();
    expect(await store.stats()).toEqual({ nodes: ROWS, edges: 0 });
  });

  it('answers a full buffer pool with a retryable StoreOverloadedError and keeps serving', async () => {
    const error = await store
      .listNodes({ kind: 'Sector', orderBy: [{ property: 'description', direction: 'DESC' }], offset: 0, limit: ROWS })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOverloadedError);
    expect((error as Error).message).toMatch(/buffer pool is full/);
    const page = await store.listNodes({ kind: 'Sector', orderBy: [{ property: 'name', direction: 'ASC' }], offset: 0, limit: 3 });
    expect(page.items.map((n) => n.id)).toEqual(['Sector:synthetic-0', 'Sector:synthetic-1', 'Sector:synthetic-10']);
    expect(page.totalCount).toBe(ROWS);
  });
});
