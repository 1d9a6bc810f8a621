import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { searchTerms } from '../src/model/text';
import { checkStoreCalls } from '../src/store/checkStoreCalls';
import { openKuzuStore } from '../src/store/kuzu';
import { openNeo4jStore } from '../src/store/neo4j/openNeo4jStore';
import type { GraphBatch, GraphStore, PropertyValue } from '../src/store/port';
import { readSeed } from '../seed/readSeed';
import type { ScaleMeta } from './scale/generate';
import { syntheticValidity } from './scale/generate';
import { readGenerated } from './scale/readGenerated';

/**
 * The cost of reading "as of" a date: each read of the API's store calls
 * (the core reads and the analyst queries), with and without `asOf`, on the
 * same store, alternating the two in every round so drift hits both alike.
 * Prints a markdown table (median and p90 per variant, ratio of medians).
 *
 * Data (all validity here is SYNTHETIC, made for this benchmark only):
 * - default: the seed (seed/plans) with synthetic validity added to its
 *   records (syntheticValidity: ~30% get a validFrom, ~15% a validTo);
 * - `--nodes N`: the scale benchmark's synthetic dataset
 *   (bench/scale/generate.ts --validity); Kùzu bulk loads its CSV files in a
 *   child process, Neo4j receives it through the port's upsert, 5,000
 *   records per transaction (bench/scale/readGenerated.ts).
 *
 * CLI: npx tsx bench/asOf.ts [--store kuzu|neo4j] [--nodes N] [--rounds 30] [--as-of 2020-07-01]
 * (neo4j: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD; the bench EMPTIES that database first)
 */

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function log(message: string): void {
  process.stderr.write(`[asOf ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The arguments of the reads: ids and texts that exist in the data. */
interface Targets {
  readonly agencies: readonly string[];
  readonly tasks: readonly string[];
  readonly plan: string;
  readonly commonText: string;
  readonly rareText: string;
  readonly pathFrom: string;
  readonly pathTo: string;
}

interface Read {
  readonly label: string;
  readonly call: (store: GraphStore, asOf: string | undefined) => Promise<unknown>;
}

function reads(t: Targets): Read[] {
  return [
    { label: 'getNeighbours (LEADS out of agencies)', call: (s, asOf) => s.getNeighbours({ ids: t.agencies, type: 'LEADS', direction: 'OUT', asOf }) },
    { label: 'getNeighbours (HAS_TASK into tasks)', call: (s, asOf) => s.getNeighbours({ ids: t.tasks, type: 'HAS_TASK', direction: 'IN', asOf }) },
    { label: 'listNodes (Task, page 2 of 20, total)', call: (s, asOf) => s.listNodes({ kind: 'Task', offset: 20, limit: 20, asOf }) },
    { label: 'listEdges (LEADS+COORDINATES, page 2 of 50, total)', call: (s, asOf) => s.listEdges({ types: ['LEADS', 'COORDINATES'], offset: 50, limit: 50, asOf }) },
    { label: `search, common ("${t.commonText}")`, call: (s, asOf) => s.search({ terms: searchTerms(t.commonText, 16), offset: 0, limit: 20, asOf }) },
    { label: `search, rare ("${t.rareText}")`, call: (s, asOf) => s.search({ terms: searchTerms(t.rareText, 16), offset: 0, limit: 20, asOf }) },
    { label: 'neighbourhood (2 hops of an agency, limit 200)', call: (s, asOf) => s.neighbourhood({ ids: [t.agencies[0] as string], depth: 2, limit: 200, asOf }) },
    { label: 'shortest paths (maxDepth 4)', call: (s, asOf) => s.findPaths({ from: t.pathFrom, to: t.pathTo, mode: 'SHORTEST', maxDepth: 4, limit: 10, asOf }) },
    {
      label: 'agencyWorkload (countEdges by from, type)',
      call: (s, asOf) => s.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['from', 'type'], toWhere: [{ property: 'planId', eq: t.plan }], asOf }),
    },
    { label: 'countNodes per kind', call: (s, asOf) => s.countNodes({ asOf }) },
  ];
}

/** The seed with synthetic validity on its records (bench only). */
function seedWithValidity(): GraphBatch {
  const seed = readSeed();
  const validity = syntheticValidity(2026);
  const add = <T extends { props: Readonly<Record<string, PropertyValue>> }>(record: T): T => ({ ...record, props: { ...record.props, ...validity() } });
  return { nodes: seed.nodes.map(add), edges: seed.edges.map(add) };
}

function seedTargets(): Targets {
  return {
    agencies: ['Agency:dn-skhcn', 'Agency:dn-don-vi-lien-quan', 'Agency:dn-to-chuc-dich-vu-do-luong'],
    tasks: readSeed().nodes.filter((n) => n.kind === 'Task').map((n) => n.id),
    plan: 'Plan:dn-202-2019',
    commonText: 'đo lường',
    rareText: '17025',
    pathFrom: 'Agency:dn-skhcn',
    pathTo: 'Standard:vn-tcvn-iso-iec-17025',
  };
}

/** Runs a script in its own process (one Kùzu database per process); returns its last stdout line as JSON. */
function runScript<T>(script: string, args: string[]): T {
  const result = spawnSync(process.execPath, [TSX, path.join(__dirname, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  const last = result.stdout.toString().trim().split('\n').pop() ?? '';
  if (result.status !== 0) throw new Error(`${script} exited with ${result.status}: ${last}`);
  return JSON.parse(last) as T;
}

/** Empties the Neo4j database of NEO4J_URI (bench only) and opens the store on it. */
async function openEmptyNeo4j(): Promise<GraphStore> {
  const uri = process.env.NEO4J_URI;
  const username = process.env.NEO4J_USERNAME ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? '';
  if (!uri) throw new Error('set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD');
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
  const session = driver.session();
  try {
    // In batches, relationships first: one transaction deleting millions of records (or a node
    // with 100,000 relationships) exceeds the server's transaction memory limit.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
  return checkStoreCalls(await openNeo4jStore({ uri, username, password, transactionTimeoutMs: 600_000 }));
}

/** Records upserted per transaction when loading a generated dataset into Neo4j. */
const NEO4J_LOAD_BATCH = 5_000;

async function openStore(kind: string, nodes: number, work: string): Promise<{ store: GraphStore; targets: Targets; data: string }> {
  const dataDir = path.join(work, 'db');
  if (nodes === 0) {
    const store = kind === 'neo4j' ? await openEmptyNeo4j() : checkStoreCalls(await openKuzuStore({ path: dataDir, bufferPoolBytes: 512 * 1024 * 1024 }));
    const seed = seedWithValidity();
    await store.upsert(seed);
    return { store, targets: seedTargets(), data: `seed (${seed.nodes.length} nodes, ${seed.edges.length} relationships) + synthetic validity` };
  }
  const csvDir = path.join(work, 'csv');
  log(`generating ${nodes} synthetic nodes with synthetic validity`);
  runScript('scale/generate.ts', ['--nodes', String(nodes), '--out', csvDir, '--validity']);
  const meta = JSON.parse(fs.readFileSync(path.join(csvDir, 'meta.json'), 'utf8')) as ScaleMeta;
  log(`loading ${meta.nodes} nodes, ${meta.edges} relationships`);
  let store: GraphStore;
  if (kind === 'neo4j') {
    store = await openEmptyNeo4j();
    const started = Date.now();
    let loaded = 0;
    for (const batch of readGenerated(csvDir, meta, NEO4J_LOAD_BATCH)) {
      await store.upsert(batch);
      loaded += batch.nodes.length + batch.edges.length;
      if (loaded % 200_000 < NEO4J_LOAD_BATCH) log(`  ${loaded} records, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    log(`loaded through upsert in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } else {
    runScript('scale/load.ts', ['--csv', csvDir, '--data', dataDir]);
    log('opening the store (builds the projection)');
    store = checkStoreCalls(await openKuzuStore({ path: dataDir, bufferPoolBytes: 1024 * 1024 * 1024 }));
  }
  fs.rmSync(csvDir, { recursive: true, force: true });
  const q = meta.queries;
  const tasks = (await store.listNodes({ kind: 'Task', where: [{ property: 'planId', eq: q.plan }], offset: 0, limit: 50 })).items.map((n) => n.id);
  const agencies = (await store.listNodes({ kind: 'Agency', offset: 0, limit: 20 })).items.map((n) => n.id);
  return {
    store,
    targets: { agencies: [q.agency, ...agencies], tasks, plan: q.plan, commonText: q.commonText, rareText: q.rareText, pathFrom: q.pathFrom, pathTo: q.pathTo },
    data: `synthetic, ${meta.nodes} nodes, ${meta.edges} relationships, synthetic validity`,
  };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

const ms = (v: number): string => (v < 10 ? v.toFixed(2) : v.toFixed(1));

/** A one-line size of an answer, to show what each variant returned. */
function size(answer: unknown): string {
  if (Array.isArray(answer)) return `${answer.length}${Array.isArray(answer[0]) ? ` lists, ${answer.flat().length} items` : ''}`;
  const a = answer as { items?: unknown[]; totalCount?: number; nodes?: unknown[]; edges?: unknown[] };
  if (a.items) return `${a.items.length} of ${a.totalCount}`;
  if (a.nodes) return `${a.nodes.length} nodes, ${a.edges?.length} rels`;
  return '?';
}

async function main(): Promise<void> {
  const kind = option('store', 'kuzu');
  const nodes = Number(option('nodes', '0'));
  const rounds = Number(option('rounds', '30'));
  const asOf = option('as-of', '2020-07-01');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-asof-'));
  try {
    const { store, targets, data } = await openStore(kind, nodes, work);
    const rows: string[] = [];
    for (const read of reads(targets)) {
      const without: number[] = [];
      const withDate: number[] = [];
      let sizes = '';
      for (let i = 0; i < 3; i += 1) {
        const a = await read.call(store, undefined);
        const b = await read.call(store, asOf);
        sizes = `${size(a)} / ${size(b)}`;
      }
      for (let i = 0; i < rounds; i += 1) {
        const order = i % 2 === 0 ? [undefined, asOf] : [asOf, undefined];
        for (const date of order) {
          const started = process.hrtime.bigint();
          await read.call(store, date);
          const took = Number(process.hrtime.bigint() - started) / 1e6;
          (date === undefined ? without : withDate).push(took);
        }
      }
      const ratio = quantile(withDate, 0.5) / quantile(without, 0.5);
      rows.push(
        `| ${read.label} | ${ms(quantile(without, 0.5))} / ${ms(quantile(without, 0.9))} | ${ms(quantile(withDate, 0.5))} / ${ms(quantile(withDate, 0.9))} | ${ratio.toFixed(2)} | ${sizes} |`,
      );
      log(rows.at(-1) as string);
    }
    await store.close();
    const header = [
      `${kind}, ${data}; asOf ${asOf}; ${rounds} rounds of each variant, alternated; ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)} at the end`,
      '',
      '| read | without asOf, ms (p50 / p90) | with asOf, ms (p50 / p90) | ratio (p50) | answer (without / with) |',
      '|---|---|---|---|---|',
    ];
    process.stdout.write(`${[...header, ...rows].join('\n')}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
