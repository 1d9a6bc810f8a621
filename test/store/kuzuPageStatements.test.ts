import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'kuzu';
import { loadSeed } from '../../seed/loadSeed';
import type { KuzuStore } from '../../src/store/kuzu';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import type { EdgeListQuery } from '../../src/store/port';

let directory: string;
let store: KuzuStore;
let statements = 0;
const execute = Connection.prototype.execute;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'kuzu-page-'));
  store = await openKuzuStore({ path: directory, poolSize: 2, bufferPoolBytes: 256 * 1024 * 1024 });
  await loadSeed(store);
  Connection.prototype.execute = function counted(this: Connection, ...args: Parameters<typeof execute>) {
    statements += 1;
    return execute.apply(this, args);
  } as typeof execute;
});

afterAll(async () => {
  Connection.prototype.execute = execute;
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

const MATRIX: EdgeListQuery = { types: ['LEADS', 'COORDINATES'], toWhere: [{ property: 'planId', eq: 'Plan:dn-202-2019' }], offset: 0, limit: 1000 };

/** The answer of `read` and the Kùzu statements it sent. */
async function counting<T>(read: () => Promise<T>): Promise<{ answer: T; sent: number }> {
  const before = statements;
  const answer = await read();
  return { answer, sent: statements - before };
}

describe('Kùzu pages: the count statement only when the page does not tell the total', () => {
  it('reads a page that holds every match with one statement, its length being the total', async () => {
    const all = await counting(() => store.listEdges(MATRIX));
    expect(all.sent).toBe(1);
    expect(all.answer.totalCount).toBe(all.answer.items.length);
    expect(all.answer.totalCount).toBeGreaterThan(10);
    const agencies = await counting(() => store.listNodes({ kind: 'Agency', where: [], orderBy: [], offset: 0, limit: 200 }));
    expect(agencies.sent).toBe(1);
    expect(agencies.answer.totalCount).toBe(agencies.answer.items.length);
  });

  it('counts with a second statement when the page is full or past the end, and the totals agree', async () => {
    const whole = (await store.listEdges(MATRIX)).totalCount;
    const full = await counting(() => store.listEdges({ ...MATRIX, limit: 5 }));
    expect(full.sent).toBe(2);
    expect(full.answer).toMatchObject({ totalCount: whole });
    expect(full.answer.items).toHaveLength(5);
    const past = await counting(() => store.listEdges({ ...MATRIX, offset: whole + 3, limit: 5 }));
    expect(past.sent).toBe(2);
    expect(past.answer).toEqual({ items: [], totalCount: whole });
    const tail = await counting(() => store.listEdges({ ...MATRIX, offset: whole - 2, limit: 5 }));
    expect(tail.sent).toBe(1);
    expect(tail.answer.totalCount).toBe(whole);
    expect(tail.answer.items).toHaveLength(2);
  });
});
