import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadSeed } from '../seed/loadSeed';
import { loadConfig } from '../src/config';
import { exportFromStore } from '../src/export/exportFiles';
import { EXPORT_FILES } from '../src/export/exportFormats';
import { startServer } from '../src/server/startServer';
import { bulkLoadCsv } from '../src/store/kuzu';
import { openKuzuStore } from '../src/store/kuzu/openKuzuStore';
import { checkStoreCalls } from '../src/store/checkStoreCalls';
import type { GraphStore } from '../src/store/port';
import { generate } from './scale/generate';

/**
 * Export benchmark (Kùzu store): how long the export files take and how big
 * they are, for the plan itself and for a SYNTHETIC graph of `--nodes` nodes
 * made by bench/scale/generate.ts (every node flagged synthetic; see
 * bench/scale/RESULTS.md for its shape).
 *
 * 1. in-process, the command's path (exportFromStore): every file, timed one by one;
 * 2. over HTTP (the real server on the same store, default settings):
 *    GET /export/nodes.csv and graph.json, and the latency of a small
 *    dashboard read (`node(id)`) sent one after another while two exports stream,
 *    against the same read on an idle server.
 *
 * CLI: npx tsx bench/export.ts [--nodes 100000]   (0 or absent: the plan only)
 */

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function readLatencies(url: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ node(id: "Agency:dn-skhcn") { id name } }' }),
    });
    await response.text();
    if (response.status !== 200) throw new Error(`read answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function main(): Promise<void> {
  const nodes = Number(option('nodes') ?? '0');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-export-'));
  const dataDir = path.join(work, 'data');
  const label = nodes > 0 ? `synthetic graph of ${nodes} nodes (bench/scale/generate.ts)` : 'the plan (seed)';
  process.stdout.write(`# export benchmark: ${label}, Kùzu, ${os.cpus().length} cores\n`);
  if (nodes > 0) {
    const csvDir = path.join(work, 'csv');
    const meta = generate(nodes, csvDir);
    await bulkLoadCsv(dataDir, {
      nodes: meta.nodeFiles.map(({ kind, file }) => ({ kind, file })),
      edges: meta.edgeFiles.map(({ type, from, to, file }) => ({ type, from, to, file })),
    });
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
  const store: GraphStore = checkStoreCalls(await openKuzuStore({ path: dataDir }));
  try {
    if (nodes === 0) await loadSeed(store);
    const stats = await store.stats();
    process.stdout.write(`graph: ${stats.nodes} nodes, ${stats.edges} relationships\n\n| file | bytes | seconds |\n|---|---:|---:|\n`);
    const out = path.join(work, 'out');
    let total = 0;
    for (const file of EXPORT_FILES) {
      const started = performance.now();
      const [written] = await exportFromStore(store, { dir: out, files: [file], asOf: '2026-01-01' });
      const seconds = (performance.now() - started) / 1000;
      total += seconds;
      process.stdout.write(`| ${file} | ${written?.bytes ?? 0} | ${seconds.toFixed(2)} |\n`);
    }
    process.stdout.write(`\nin-process, every file: ${total.toFixed(2)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n\n`);

    const config = loadConfig({ SEED_ON_START: 'false', LOG_LEVEL: 'silent' }, { port: 0, host: '127.0.0.1' });
    const server = await startServer({ store, logger: pino({ level: 'silent' }), config });
    try {
      const idle = await readLatencies(server.url, 50);
      for (const file of ['nodes.csv', 'graph.json']) {
        const started = performance.now();
        const response = await fetch(`${server.url}/export/${file}`);
        const bytes = (await response.arrayBuffer()).byteLength;
        process.stdout.write(`HTTP GET /export/${file}: ${response.status}, ${bytes} bytes, ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
      }
      let exporting = true;
      const exports = [fetch(`${server.url}/export/graph.json`), fetch(`${server.url}/export/relationships.json`)].map((p) =>
        p.then((r) => r.arrayBuffer()).finally(() => {
          exporting = false;
        }),
      );
      const busy: number[] = [];
      while (exporting && busy.length < 200) busy.push(...(await readLatencies(server.url, 1)));
      await Promise.all(exports);
      process.stdout.write(
        `dashboard read node(id): idle p50 ${percentile(idle, 50).toFixed(1)} ms p99 ${percentile(idle, 99).toFixed(1)} ms; ` +
          `during 2 exports (${busy.length} reads) p50 ${percentile(busy, 50).toFixed(1)} ms p99 ${percentile(busy, 99).toFixed(1)} ms\n`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await store.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
