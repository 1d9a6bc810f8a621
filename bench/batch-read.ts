/**
 * Batched reads by id at 100k nodes: which Cypher shape should `getNodes`
 * use on Kùzu 0.11.3?
 *
 *   npx tsx bench/batch-read.ts [--nodes 100000] [--seconds 20] [--only shape,shape]
 *
 * Writes N Task nodes (every column of the registry, Vietnamese text in
 * several) to a CSV file in a temporary directory and bulk-loads them with
 * COPY FROM. Then, for batches of 1, 10, 100 and 1000 random ids (about one
 * in ten missing), runs every candidate shape and the store's own getNodes
 * code on the same database in interleaved rounds: each round runs every
 * shape once, in random order, on the same ids, so load from other processes
 * hits all shapes alike. Every shape returns whole nodes, as getNodes must.
 * Finally it closes that database, opens the directory with `openKuzuStore`
 * and times `KuzuStore.getNodes` alone. Prints median and p99 per call and
 * deletes the temporary directory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Connection, Database } from 'kuzu';
import { propertiesOf } from '../src/model/kinds';
import { ConnectionPool } from '../src/store/kuzu/connection/ConnectionPool';
import { ensureSchema } from '../src/store/kuzu/schema/ensureSchema';
import { getNodes } from '../src/store/kuzu/methods/getNodes';
import { KindSizes } from '../src/store/kuzu/schema/KindSizes';
import { KuzuConnection, type Row } from '../src/store/kuzu/connection/KuzuConnection';
import { statement, type Params } from '../src/store/kuzu/statements/Statement';
import { DATABASE_FILE, openKuzuStore } from '../src/store/kuzu/openKuzuStore';

const BATCHES = [1, 10, 100, 1000] as const;
const POOL = 4;
const BUFFER_POOL = 512 * 1024 * 1024;
const MAX_REPS: Record<number, number> = { 1: 2000, 10: 1000, 100: 300, 1000: 60 };
const MIN_REPS = 20;

interface Args {
  nodes: number;
  seconds: number;
  only: string[] | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { nodes: 100_000, seconds: 20, only: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--nodes' && value) args.nodes = positiveInt(flag, value);
    else if (flag === '--seconds' && value) args.seconds = positiveInt(flag, value);
    else if (flag === '--only' && value) args.only = value.split(',');
    else throw new Error(`unknown argument ${String(flag)} (use --nodes N, --seconds S per batch size, --only a,b)`);
  }
  return args;
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${value}`);
  return n;
}

/** A candidate: reads the nodes with the given ids (whole nodes), returns the ids found. */
type Shape = (ids: readonly string[]) => Promise<Set<string>>;

interface Candidate {
  readonly name: string;
  readonly run: Shape;
  /** Largest batch worth measuring (slower ones take seconds per call or minutes to prepare). */
  readonly maxBatch?: number;
}

function found(rows: readonly Row[]): Set<string> {
  const out = new Set<string>();
  for (const row of rows) if (typeof row.id === 'string') out.add(row.id);
  return out;
}

function params(ids: readonly string[]): Params {
  return Object.fromEntries(ids.map((id, i) => [`p${i}`, id]));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function union(sets: readonly Set<string>[]): Set<string> {
  return new Set(sets.flatMap((s) => [...s]));
}

/** The candidate shapes, each on the raw database through `pool`. */
function candidates(pool: ConnectionPool): Candidate[] {
  const run = (cypher: string, p: Params): Promise<Row[]> => pool.run(statement(cypher, p, 'bench'));
  const single = 'MATCH (n:Task) WHERE n.id = $id RETURN n.id AS id, n AS node';
  const unionAll = async (ids: readonly string[]): Promise<Set<string>> =>
    found(await run(ids.map((_, i) => `MATCH (n:Task) WHERE n.id = $p${i} RETURN n.id AS id, n AS node`).join(' UNION ALL '), params(ids)));
  const chunked =
    (size: number, shape: Shape): Shape =>
    async (ids) =>
      union(await Promise.all(chunks(ids, size).map(shape)));
  const optionalChain: Shape = async (ids) => {
    const match = ids.map((_, i) => `OPTIONAL MATCH (n${i}:Task {id: $p${i}})`).join(' ');
    const rows = await run(`${match} RETURN ${ids.map((_, i) => `n${i}.id AS i${i}, n${i} AS node${i}`).join(', ')}`, params(ids));
    const out = new Set<string>();
    for (const row of rows) for (const [key, value] of Object.entries(row)) if (key.startsWith('i') && typeof value === 'string') out.add(value);
    return out;
  };
  return [
    { name: 'in-list', run: async (ids) => found(await run('MATCH (n:Task) WHERE n.id IN $ids RETURN n.id AS id, n AS node', { ids: [...ids] })) },
    {
      name: 'unwind-match',
      run: async (ids) => found(await run('UNWIND $ids AS x MATCH (n:Task) WHERE n.id = x RETURN n.id AS id, n AS node', { ids: [...ids] })),
    },
    {
      name: 'or-chain',
      maxBatch: 100,
      run: async (ids) =>
        found(await run(`MATCH (n:Task) WHERE ${ids.map((_, i) => `n.id = $p${i}`).join(' OR ')} RETURN n.id AS id, n AS node`, params(ids))),
    },
    {
      name: 'single-sequential',
      run: (ids) =>
        pool.use(async (c) => {
          const out: Set<string>[] = [];
          for (const id of ids) out.push(found(await c.run(statement(single, { id }, 'bench'))));
          return union(out);
        }),
    },
    { name: 'single-concurrent', run: async (ids) => union(await Promise.all(ids.map(async (id) => found(await run(single, { id }))))) },
    { name: 'optional-chain/25', run: chunked(25, optionalChain) },
    { name: 'union-all', maxBatch: 100, run: unionAll },
    { name: 'union-all/10', run: chunked(10, unionAll) },
    { name: 'union-all/25', run: chunked(25, unionAll) },
    { name: 'union-all/50', run: chunked(50, unionAll) },
  ];
}

interface Cell {
  readonly shape: string;
  readonly batch: number;
  readonly reps: number;
  readonly median: number;
  readonly p99: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

function randomIds(n: number, batch: number): string[] {
  // About one in ten is missing (keys beyond n).
  return Array.from({ length: batch }, () => `Task:t-${Math.floor(Math.random() * n * 1.1)}`);
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Measures every candidate at one batch size in interleaved rounds; checks each answer once. */
async function measureBatch(all: readonly Candidate[], n: number, batch: number, seconds: number): Promise<Cell[]> {
  const shapes = all.filter((c) => (c.maxBatch ?? Infinity) >= batch);
  const probe = randomIds(n, batch);
  const expected = new Set(probe.filter((id) => Number(id.slice('Task:t-'.length)) < n));
  for (const shape of shapes) {
    const got = await shape.run(probe); // also warms the prepared-statement caches
    if (got.size !== expected.size || [...expected].some((id) => !got.has(id))) {
      throw new Error(`${shape.name} at ${batch}: found ${got.size} ids, expected ${expected.size}`);
    }
  }
  const times = new Map<string, number[]>(shapes.map((s) => [s.name, []]));
  const deadline = performance.now() + seconds * 1000;
  for (let round = 0; round < (MAX_REPS[batch] ?? 100) && (round < MIN_REPS || performance.now() < deadline); round += 1) {
    const ids = randomIds(n, batch);
    for (const shape of shuffled(shapes)) {
      const start = performance.now();
      await shape.run(ids);
      times.get(shape.name)?.push(performance.now() - start);
    }
  }
  return shapes.map((shape) => {
    const sorted = (times.get(shape.name) ?? []).sort((a, b) => a - b);
    return { shape: shape.name, batch, reps: sorted.length, median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
  });
}

/** Task rows with every registry column; Vietnamese text in the name, description and quote columns. */
function writeCsv(file: string, n: number): void {
  const columns = ['id', ...propertiesOf('Task').map((p) => p.name)];
  const lines = [columns.join(',')];
  for (let k = 0; k < n; k += 1) {
    const row = columns.map((c) => {
      switch (c) {
        case 'id':
          return `Task:t-${k}`;
        case 'name':
          return `Task number ${k}`;
        case 'nameVi':
          return `Nhiệm vụ số ${k}`;
        case 'description':
          return `"Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp, mục ${k}"`;
        case 'sourceQuote':
          return `"Sở Khoa học và Công nghệ chủ trì, phối hợp các sở, ngành liên quan (${k})"`;
        case 'searchText':
          return `nhiem vu so ${k} task number ${k}`;
        case 'planId':
          return 'Plan:dn-202';
        case 'ordinal':
          return String(k);
        case 'dueYear':
          return String(2019 + (k % 12));
        case 'timeframe':
          return k % 2 ? 'BY_2025' : 'ANNUAL';
        case 'recurring':
        case 'synthetic':
          return k % 3 ? 'false' : 'true';
        default:
          return '';
      }
    });
    lines.push(row.join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function print(cell: Cell): void {
  console.log(`${cell.shape.padEnd(26)} ${String(cell.batch).padStart(5)} ids  median ${ms(cell.median)} ms  p99 ${ms(cell.p99)} ms  (${cell.reps} reps)`);
}

function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'kuzu-bench-'));
  const cells: Cell[] = [];
  try {
    const csv = join(dir, 'tasks.csv');
    writeCsv(csv, args.nodes);
    const database = new Database(join(dir, DATABASE_FILE), BUFFER_POOL);
    const connect = async (): Promise<KuzuConnection> => {
      const raw = new Connection(database);
      await raw.init();
      return new KuzuConnection(raw);
    };
    const loader = await connect();
    await ensureSchema(loader);
    let t = performance.now();
    await loader.run(statement(`COPY Task FROM '${csv}' (HEADER=true)`, {}, 'bulk-loading'));
    console.log(`COPY ${args.nodes} Task nodes: ${ms(performance.now() - t)} ms`);
    const sizes = new KindSizes();
    await sizes.load(loader);
    await loader.close();
    const pool = new ConnectionPool('read', await Promise.all(Array.from({ length: POOL }, connect)), connect);
    const storeCode: Candidate = {
      name: 'getNodes (store code)',
      run: async (ids) => new Set((await getNodes(pool, sizes, ids)).flatMap((n) => (n ? [n.id] : []))),
    };
    const all = [...candidates(pool), storeCode].filter((c) => !args.only || args.only.includes(c.name));
    for (const batch of BATCHES) {
      const measured = await measureBatch(all, args.nodes, batch, args.seconds);
      cells.push(...measured);
      for (const cell of measured) print(cell);
    }
    await pool.close();
    await database.close();

    // The store itself on the same files, timed alone.
    t = performance.now();
    const store = await openKuzuStore({ path: dir, poolSize: POOL, bufferPoolBytes: BUFFER_POOL });
    console.log(`openKuzuStore on the loaded database: ${ms(performance.now() - t)} ms`);
    const viaStore: Candidate = {
      name: 'KuzuStore.getNodes alone',
      run: async (ids) => new Set((await store.getNodes(ids)).flatMap((n) => (n ? [n.id] : []))),
    };
    for (const batch of BATCHES) {
      const [cell] = await measureBatch([viaStore], args.nodes, batch, Math.min(args.seconds, 5));
      if (cell) {
        cells.push(cell);
        print(cell);
      }
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n| shape | ${BATCHES.map((b) => `${b} id${b === 1 ? '' : 's'}`).join(' | ')} |`);
  console.log(`|---|${BATCHES.map(() => '---').join('|')}|`);
  for (const name of [...new Set(cells.map((c) => c.shape))]) {
    const row = BATCHES.map((b) => {
      const cell = cells.find((c) => c.shape === name && c.batch === b);
      return cell ? `${ms(cell.median)} / ${ms(cell.p99)}` : 'not run';
    });
    console.log(`| ${name} | ${row.join(' | ')} |`);
  }
  const [load1] = loadavg();
  console.log(
    `\nmedian / p99 ms per call; ${args.nodes} Task nodes; node ${process.version}, ${cpus().length} cores, load average ${load1?.toFixed(2)} at the end`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
