import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database } from 'kuzu';
import { ConfigError, StoreInputError, StoreUnavailableError } from '../../src/errors';
import { RELATIONSHIP_PROPERTIES } from '../../src/model/relationships';
import { CHECKPOINT_WAL_BYTES } from '../../src/store/kuzu/connection/checkpointIfNeeded';
import { ConnectionPool } from '../../src/store/kuzu/connection/ConnectionPool';
import { getEdges } from '../../src/store/kuzu/methods/getEdges';
import { inTransaction } from '../../src/store/kuzu/connection/inTransaction';
import { KuzuConnection, type Row } from '../../src/store/kuzu/connection/KuzuConnection';
import { statement, type Params, type Statement } from '../../src/store/kuzu/statements/Statement';
import { DATABASE_FILE, openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import type { KuzuStoreOptions } from '../../src/store/kuzu/KuzuStoreOptions';
import type { GraphPath } from '../../src/store/analytics';
import { NO_CHANGES, type EdgeKey, type EdgeRecord, type GraphStore, type NodeRecord, type Properties, type PropertyValue } from '../../src/store/port';
import { SUMMARY_PROPERTIES } from '../../src/store/records';
import { allNull, edge, fixture, node } from './contract';

/** Adapter-specific behaviour of the Kùzu store (the port's behaviour is in contract.ts). */

const BUFFER = 256 * 1024 * 1024;
const directories: string[] = [];

function tempDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-store-'));
  directories.push(directory);
  return directory;
}

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A raw Kùzu database in `directory` for tests that need to set up files the store will open. */
async function rawDatabase(directory: string): Promise<{ run: (cypher: string) => Promise<void>; close: () => Promise<void> }> {
  const database = new Database(join(directory, DATABASE_FILE), BUFFER);
  await database.init();
  const connection = new KuzuConnection(new Connection(database));
  return {
    run: async (cypher) => {
      await connection.run(statement(cypher));
    },
    close: async () => {
      await connection.close();
      await database.close();
    },
  };
}

describe('openKuzuStore', () => {
  it('creates a missing directory, nested', async () => {
    const directory = join(tempDir(), 'a', 'b');
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    try {
      expect(existsSync(join(directory, DATABASE_FILE))).toBe(true);
      expect(store.name).toBe('kuzu');
    } finally {
      await store.close();
    }
  });

  it('refuses a second open of the same directory while it is open, then allows it after close', async () => {
    const directory = tempDir();
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    const again = await openKuzuStore({ path: join(directory, '.', '..', directory.split('/').pop() ?? '') }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(StoreUnavailableError);
    expect((again as Error).message).toContain('already open');
    expect((again as Error).message).toContain(directory);
    await store.upsert({ nodes: [node('Agency', 'a')], edges: [] });
    await store.close();
    const reopened = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    expect(await reopened.stats()).toEqual({ nodes: 1, edges: 0 });
    await reopened.close();
  });

  it('keeps data across close and reopen', async () => {
    const directory = tempDir();
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    await store.upsert(fixture());
    const stats = await store.stats();
    const nodes = await store.getNodes(fixture().nodes.map((n) => n.id));
    const neighbours = await store.getNeighbours({ ids: ['Plan:dn-202'], type: 'HAS_TASK', direction: 'OUT' });
    await store.close();
    const reopened = await openKuzuStore({ path: directory, poolSize: 1, bufferPoolBytes: BUFFER });
    try {
      expect(await reopened.stats()).toEqual(stats);
      expect(await reopened.getNodes(fixture().nodes.map((n) => n.id))).toEqual(nodes);
      expect(await reopened.getNeighbours({ ids: ['Plan:dn-202'], type: 'HAS_TASK', direction: 'OUT' })).toEqual(neighbours);
      expect(await reopened.upsert(fixture())).toEqual({ ...NO_CHANGES, nodesUnchanged: fixture().nodes.length, edgesUnchanged: fixture().edges.length });
    } finally {
      await reopened.close();
    }
  });

  it('names the bad option and value', async () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /options/],
      [{}, /path.*undefined/],
      [{ path: '' }, /path.*""/],
      [{ path: ':memory:' }, /path/],
      [{ path: 42 }, /path.*42/],
      [{ path: tempDir(), poolSize: 0 }, /poolSize.*0/],
      [{ path: tempDir(), poolSize: 2.5 }, /poolSize.*2\.5/],
      [{ path: tempDir(), poolSize: '4' }, /poolSize.*"4"/],
      [{ path: tempDir(), poolSize: 1000 }, /poolSize.*1000/],
      [{ path: tempDir(), bufferPoolBytes: 1024 }, /bufferPoolBytes.*1024/],
      [{ path: tempDir(), bufferPoolBytes: Number.NaN }, /bufferPoolBytes.*NaN/],
      [{ path: tempDir(), searchScanCountRows: -1 }, /searchScanCountRows.*-1/],
      [{ path: tempDir(), searchScanCountRows: 1.5 }, /searchScanCountRows.*1\.5/],
      [{ path: tempDir(), poolsize: 4 }, /"poolsize" is unknown/],
    ];
    for (const [options, message] of cases) {
      const error = await openKuzuStore(options as KuzuStoreOptions).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('adds columns and FROM/TO pairs missing from a database made by an older registry', async () => {
    const directory = tempDir();
    const raw = await rawDatabase(directory);
    await raw.run('CREATE NODE TABLE Task(id STRING PRIMARY KEY, name STRING)');
    await raw.run('CREATE NODE TABLE Plan(id STRING PRIMARY KEY, name STRING)');
    await raw.run('CREATE NODE TABLE Target(id STRING PRIMARY KEY, name STRING)');
    await raw.run('CREATE REL TABLE HAS_TARGET(FROM Plan TO Target, note STRING)');
    await raw.run("CREATE (:Task {id: 'Task:old', name: 'cũ'})");
    await raw.close();
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    try {
      await store.upsert({
        nodes: [node('Task', 'old', { ordinal: 3 }), node('Target', 'x', { quantity: 5 })],
        edges: [edge('HAS_TARGET', 'Task:old', 'Target:x', { ordinal: 1 })],
      });
      const [task] = await store.getNodes(['Task:old']);
      expect(task?.props).toMatchObject({ name: 'cũ', ordinal: 3, timeframe: null });
      const [targets] = await store.getNeighbours({ ids: ['Task:old'], type: 'HAS_TARGET', direction: 'OUT' });
      expect(targets?.map((n) => [n.node.id, n.edge.props.ordinal])).toEqual([['Target:x', 1]]);
    } finally {
      await store.close();
    }
  });

  it('getEdges reads, in one UNION ALL, relationship tables whose columns an older registry left in another order', async () => {
    const directory = tempDir();
    const raw = await rawDatabase(directory);
    await raw.run('CREATE NODE TABLE Plan(id STRING PRIMARY KEY, name STRING)');
    await raw.run('CREATE NODE TABLE Target(id STRING PRIMARY KEY, name STRING)');
    await raw.run('CREATE REL TABLE HAS_TARGET(FROM Plan TO Target, note STRING)');
    await raw.close();
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    try {
      const edges = [
        edge('HAS_TARGET', 'Plan:p', 'Target:x', { ordinal: 1, note: 'cũ' }),
        edge('HAS_TASK', 'Plan:p', 'Task:t', { ordinal: 2, sourceClause: 'Phụ lục' }),
      ];
      await store.upsert({ nodes: [node('Plan', 'p'), node('Target', 'x'), node('Task', 't')], edges });
      const read = await store.getEdges(edges.map(({ type, from, to }) => ({ type, from, to })));
      expect(read).toEqual(edges.map((e) => ({ ...e, props: { ...allNull(RELATIONSHIP_PROPERTIES), ...e.props } })));
    } finally {
      await store.close();
    }
  });

  it('refuses a database whose column has another type, naming it, and releases the directory', async () => {
    const directory = tempDir();
    const raw = await rawDatabase(directory);
    await raw.run('CREATE NODE TABLE Task(id STRING PRIMARY KEY, ordinal STRING)');
    await raw.close();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain('Task.ordinal');
    }
  });
});

describe('KuzuStore', () => {
  it('fails every call after close with StoreUnavailableError; close is idempotent', async () => {
    const store = await openKuzuStore({ path: tempDir(), bufferPoolBytes: BUFFER });
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toThrow(StoreUnavailableError);
    await expect(store.getNodes(['Task:x'])).rejects.toThrow(StoreUnavailableError);
    await expect(store.upsert({ nodes: [node('Task', 'x')], edges: [] })).rejects.toThrow(StoreUnavailableError);
  });

  it('lets running calls finish when closed meanwhile', async () => {
    const store = await openKuzuStore({ path: tempDir(), poolSize: 2, bufferPoolBytes: BUFFER });
    await store.upsert(fixture());
    const running = Array.from({ length: 20 }, () => store.listNodes({ kind: 'Task', offset: 0, limit: 10 }));
    const closing = store.close();
    const settled = await Promise.allSettled(running);
    await closing;
    for (const result of settled) {
      if (result.status === 'fulfilled') expect(result.value.totalCount).toBe(4);
      else expect(result.reason).toBeInstanceOf(StoreUnavailableError);
    }
  });

  it('checkpoints a write past the log threshold while reads run, failing no call (auto-checkpoint would)', async () => {
    const directory = tempDir();
    const wal = join(directory, `${DATABASE_FILE}.wal`);
    // A 20 MB write transaction: a 512 MiB pool, as the server has (the other tests use 256 MiB).
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: 2 * BUFFER });
    let reading = true;
    let reads = 0;
    const readers = Array.from({ length: 8 }, async () => {
      while (reading) {
        await store.listNodes({ kind: 'Task', offset: 0, limit: 5 });
        reads += 1;
      }
    });
    try {
      // About 20 MB of text: past CHECKPOINT_WAL_BYTES, so this commit is followed by a checkpoint.
      const text = 'Đ'.repeat(5000);
      const nodes = Array.from({ length: 2000 }, (_, i) => node('Task', `big-${i}`, { description: text, ordinal: i }));
      expect(await store.upsert({ nodes, edges: [] })).toEqual({ ...NO_CHANGES, nodesCreated: 2000 });
      await store.upsert({ nodes: [node('Task', 'after')], edges: [] });
    } finally {
      reading = false;
      await Promise.all(readers);
    }
    expect(reads).toBeGreaterThan(0);
    expect(existsSync(wal) ? statSync(wal).size : 0).toBeLessThan(CHECKPOINT_WAL_BYTES);
    expect(await store.stats()).toEqual({ nodes: 2001, edges: 0 });
    await store.close();
    expect(existsSync(wal) ? statSync(wal).size : 0).toBeLessThan(1024);
  });

  it('answers a store with more nodes than a union of lookups serves, both lookup shapes agreeing', async () => {
    const store = await openKuzuStore({ path: tempDir(), bufferPoolBytes: BUFFER });
    try {
      const tasks = Array.from({ length: 3000 }, (_, i) => node('Task', `k-${i}`, { ordinal: i }));
      await store.upsert({ nodes: [...tasks, node('Plan', 'p')], edges: tasks.map((t, i) => edge('HAS_TASK', 'Plan:p', t.id, { ordinal: i % 7 })) });
      // 3 ids: primary-key lookups; 300 ids: one hash join over the table (see matchByIds).
      for (const count of [3, 300]) {
        const ids = Array.from({ length: count }, (_, i) => `Task:k-${(i * 13) % 3000}`);
        const read = await store.getNodes(ids);
        expect(read.map((n) => n?.props.ordinal)).toEqual(ids.map((id) => Number(id.slice('Task:k-'.length))));
        const back = await store.getNeighbours({ ids, type: 'HAS_TASK', direction: 'IN' });
        expect(back.map((list) => list.map((n) => n.node.id))).toEqual(ids.map(() => ['Plan:p']));
      }
    } finally {
      await store.close();
    }
  });
});

describe('getEdges on Kùzu (recorded statements)', () => {
  /** A stand-in for the read pool that records each statement and answers no rows. */
  function recordingPool(): { pool: ConnectionPool; statements: { cypher: string; params: Params }[] } {
    const statements: { cypher: string; params: Params }[] = [];
    const run = async ({ text, params }: Statement): Promise<Row[]> => {
      statements.push({ cypher: text, params });
      return [];
    };
    return { pool: { run } as unknown as ConnectionPool, statements };
  }

  it('sends no statement for an empty list or a list without a well-formed key', async () => {
    const { pool, statements } = recordingPool();
    expect(await getEdges(pool, [])).toEqual([]);
    const malformed = [
      { type: 'NOPE', from: 'Agency:a', to: 'Task:t' },
      { type: 'LEADS', from: 'Task:t', to: 'Agency:a' },
      { type: 'LEADS', from: "Agency:a' OR 1=1", to: 'Task:t' },
      null,
    ] as unknown as EdgeKey[];
    expect(await getEdges(pool, malformed)).toEqual([null, null, null, null]);
    expect(statements).toEqual([]);
  });

  it('anchors every distinct key on both primary keys, in UNION ALL statements of at most 25 branches, ids as parameters only', async () => {
    const { pool, statements } = recordingPool();
    const keys: EdgeKey[] = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0 ? { type: 'HAS_TASK', from: 'Plan:p', to: `Task:t-${i}` } : { type: 'HAS_TARGET', from: `Task:t-${i}`, to: 'Target:x' },
    );
    const result = await getEdges(pool, [...keys, ...keys.slice(0, 5), { type: 'LEADS', from: 'Task:t', to: 'Agency:a' }]);
    expect(result).toEqual(Array.from({ length: 66 }, () => null));
    expect(statements).toHaveLength(3);
    const branch = /^MATCH \(a:`(\w+)`\)-\[r:`(\w+)`\]->\(b:`(\w+)`\) WHERE a\.id = \$f(\d+) AND b\.id = \$t(\d+) RETURN (\d+) AS i, \{.*\} AS edge$/;
    const seen: string[] = [];
    for (const { cypher, params } of statements) {
      const branches = cypher.split(' UNION ALL ');
      expect(branches.length).toBeLessThanOrEqual(25);
      expect(cypher).not.toMatch(/\bIN\b|UNWIND/);
      branches.forEach((text, i) => {
        const m = branch.exec(text);
        expect(m?.slice(4)).toEqual([String(i), String(i), String(i)]);
        seen.push(`${m?.[2]} ${m?.[1]} ${String(params[`f${i}`])} ${m?.[3]} ${String(params[`t${i}`])}`);
      });
      expect(Object.keys(params)).toHaveLength(2 * branches.length);
    }
    expect(seen.sort()).toEqual(
      keys.map((k) => `${k.type} ${k.from.split(':')[0]} ${k.from} ${k.to.split(':')[0]} ${k.to}`).sort(),
    );
  });
});

describe('Kùzu crash guards', () => {
  let directory: string;
  let database: Database;

  beforeAll(async () => {
    directory = tempDir();
    database = new Database(join(directory, DATABASE_FILE), BUFFER);
    await database.init();
    const setup = new KuzuConnection(new Connection(database));
    await setup.run(statement('CREATE NODE TABLE T(id STRING PRIMARY KEY, n INT64, s STRING)'));
    await setup.close();
  });

  afterAll(async () => {
    await database.close();
  });

  async function connection(): Promise<KuzuConnection> {
    const raw = new Connection(database);
    await raw.init();
    return new KuzuConnection(raw);
  }

  it('refuses, before Kùzu sees them, parameters that crash or corrupt it', async () => {
    const c = await connection();
    const crashers: Record<string, unknown>[] = [
      { ids: [] },
      { rows: [{ id: 'a', n: 1 }, { id: 'b' }] },
      { rows: [{ id: 'a', n: 1 }, { n: 1, id: 'b' }] },
      { rows: [{ id: 'a' }, { id: 'b', n: 1 }] },
      { rows: [{ id: 'a', n: null }, { id: 'b', n: 1 }] },
      { ns: [1, 2.5] },
      { ns: [1, '2'] },
      { ns: [null, 1] },
      { n: 2 ** 60 },
      { n: 1n },
      { n: undefined },
      { n: null },
      { row: {} },
      { lists: [['a'], []] },
    ];
    for (const params of crashers) {
      await expect(c.run(statement('RETURN 1 AS one', params as never))).rejects.toThrow(TypeError);
    }
    expect(await c.run(statement('RETURN 1 AS one'))).toEqual([{ one: 1 }]);
    await c.close();
  });

  it('runs queries fired at once on ONE connection one after the other (at once they crash Kùzu)', async () => {
    const c = await connection();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => c.run(statement('RETURN $i AS i', { i }, 'echo'))));
    expect(results.map((rows) => rows[0]?.i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    await c.close();
  });

  it('rolls a failing transaction back and leaves the connection usable', async () => {
    const c = await connection();
    const error = await inTransaction(c, async () => {
      await c.run(statement("CREATE (:T {id: 'lost', n: 1})"));
      await c.run(statement('RETURN 1 / 0 AS boom'));
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreInputError);
    expect(c.broken).toBe(false);
    await inTransaction(c, () => c.run(statement("CREATE (:T {id: 'kept', n: 2})")));
    expect(await c.run(statement('MATCH (t:T) RETURN t.id AS id ORDER BY id'))).toEqual([{ id: 'kept' }]);
    await c.close();
  });

  it('replaces a connection whose BEGIN failed instead of querying it again', async () => {
    const holder = await connection();
    await holder.run(statement('BEGIN TRANSACTION'));
    const first = await connection();
    let made = 0;
    const pool = new ConnectionPool('write', [first], async () => {
      made += 1;
      return connection();
    });
    const busy = await pool.use((c) => inTransaction(c, () => c.run(statement("CREATE (:T {id: 'never'})")))).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(StoreUnavailableError);
    expect(first.broken).toBe(true);
    await holder.run(statement('ROLLBACK'));
    await pool.use((c) => {
      expect(c).not.toBe(first);
      return inTransaction(c, () => c.run(statement("CREATE (:T {id: 'after'})")));
    });
    expect(made).toBe(1);
    expect(await pool.run(statement('MATCH (t:T {id: $id}) RETURN count(*) AS c', { id: 'after' }, 'check'))).toEqual([{ c: 1 }]);
    await pool.close();
    await holder.close();
  });
});

describe('KuzuStore projection (neighbourhood and findPaths follow writes)', () => {
  const edgeText = (e: EdgeRecord): string => `${e.type} ${e.from} -> ${e.to}`;
  const pathEdges = (p: GraphPath): string[] => p.edges.map(edgeText);
  const pathIds = (p: GraphPath): string[] => p.nodes.map((n) => n.id);

  /** The stored nodes as graph answers show them: their non-null summary properties. */
  async function summaries(store: GraphStore, ids: readonly string[]): Promise<NodeRecord[]> {
    return (await store.getNodes(ids)).map((n, i) => {
      if (!n) throw new Error(`no node ${ids[i]}`);
      const props: Record<string, PropertyValue> = {};
      for (const name of SUMMARY_PROPERTIES) if (n.props[name] !== null && n.props[name] !== undefined) props[name] = n.props[name];
      return { id: n.id, kind: n.kind, props, partial: true };
    });
  }

  /** The questions asked before and after the writes, and again after a reopen. */
  const ask = (store: GraphStore) =>
    Promise.all([
      store.neighbourhood({ ids: ['Agency:a'], depth: 3, limit: 20 }),
      store.findPaths({ from: 'Agency:a', to: 'Task:t2', maxDepth: 4, mode: 'SHORTEST', limit: 10 }),
      store.findPaths({ from: 'Agency:a', to: 'Task:t2', maxDepth: 4, mode: 'ALL', limit: 10 }),
      store.findPaths({ from: 'Plan:p', to: 'Agency:a', maxDepth: 4, mode: 'SHORTEST', limit: 10 }),
    ]);

  it('sees the nodes, new names and relationships of upserts, and answers the same after a reopen', async () => {
    const directory = tempDir();
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    let answers: Awaited<ReturnType<typeof ask>>;
    try {
      await store.upsert({
        nodes: [
          node('Plan', 'p', { name: 'Plan', nameVi: 'Kế hoạch 202' }),
          node('Task', 't1', { name: 'Kiểm định, "hiệu chuẩn"\nphương tiện đo', code: 'II.1' }),
          node('Agency', 'a', { name: 'Sở KH&CN', abbreviation: 'SKHCN' }),
        ],
        edges: [edge('HAS_TASK', 'Plan:p', 'Task:t1'), edge('LEADS', 'Agency:a', 'Task:t1')],
      });
      const [early, noPath] = await ask(store);
      expect(early.nodes).toEqual(await summaries(store, ['Agency:a', 'Task:t1', 'Plan:p']));
      expect(noPath).toEqual([]);

      // New nodes and relationships, a name changed and one cleared ...
      await store.upsert({
        nodes: [node('Task', 't2', { name: 'Nhiệm vụ mới', nameVi: '' }), node('Agency', 'a', { name: 'Department of Science, "DOST"', abbreviation: null })],
        edges: [edge('HAS_TASK', 'Plan:p', 'Task:t2'), edge('CORRESPONDS_TO', 'Task:t2', 'Task:t1')],
      });
      // ... a relationship between stored nodes only, and a name given as undefined (not given: kept).
      await store.upsert({
        nodes: [node('Plan', 'p', { name: undefined, nameVi: null } as unknown as Properties)],
        edges: [edge('COORDINATES', 'Agency:a', 'Task:t2')],
      });
      answers = await ask(store);
      const [sub, shortest, all, planToAgency] = answers;
      const ids = ['Agency:a', 'Task:t1', 'Task:t2', 'Plan:p'];
      expect(sub.nodes).toEqual(await summaries(store, ids));
      expect(sub.nodes.map((n) => n.props)).toEqual([
        { name: 'Department of Science, "DOST"' },
        { name: 'Kiểm định, "hiệu chuẩn"\nphương tiện đo', code: 'II.1' },
        { name: 'Nhiệm vụ mới', nameVi: '' },
        { name: 'Plan' },
      ]);
      expect(sub.edges.map(edgeText).sort()).toEqual([
        'COORDINATES Agency:a -> Task:t2',
        'CORRESPONDS_TO Task:t2 -> Task:t1',
        'HAS_TASK Plan:p -> Task:t1',
        'HAS_TASK Plan:p -> Task:t2',
        'LEADS Agency:a -> Task:t1',
      ]);
      expect(sub.truncated).toBe(false);
      expect(shortest.map(pathEdges)).toEqual([['COORDINATES Agency:a -> Task:t2']]);
      expect(all.map(pathEdges)).toEqual([
        ['COORDINATES Agency:a -> Task:t2'],
        ['LEADS Agency:a -> Task:t1', 'CORRESPONDS_TO Task:t2 -> Task:t1'],
        ['LEADS Agency:a -> Task:t1', 'HAS_TASK Plan:p -> Task:t1', 'HAS_TASK Plan:p -> Task:t2'],
      ]);
      expect(all[1]?.nodes).toEqual(await summaries(store, ['Agency:a', 'Task:t1', 'Task:t2']));
      expect(planToAgency.map(pathIds)).toEqual([
        ['Plan:p', 'Task:t1', 'Agency:a'],
        ['Plan:p', 'Task:t2', 'Agency:a'],
      ]);
    } finally {
      await store.close();
    }
    // Reopened, the projection is read back from Kùzu (COPY TO files): the same answers.
    const reopened = await openKuzuStore({ path: directory, bufferPoolBytes: BUFFER });
    try {
      expect(await ask(reopened)).toEqual(answers);
    } finally {
      await reopened.close();
    }
  });
});
