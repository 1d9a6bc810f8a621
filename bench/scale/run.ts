import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { FloorRow } from './floor';
import type { ScaleMeta } from './generate';
import { peakRssMiB } from './load';
import { startBenchServer, type BenchServer } from '../startBenchServer';
import { scaleQueries } from './queries';

/**
 * The scale benchmark of the analyst queries (see bench/scale/RESULTS.md):
 * generate (own process) -> bulk load into a temporary DATA_DIR (own
 * process, bulkLoadCsv) -> start the real server on it (src/main.ts, own
 * process, SEED_ON_START=false) -> per query a probe, a warm-up and an
 * autocannon run, reading the server's VmHWM -> stop the server -> the floor
 * (bench/scale/floor.ts, own process, same store calls in-process) -> a
 * markdown table printed and written into RESULTS.md (its section for this
 * size replaced) -> temporary directories removed.
 *
 * CLI: npx tsx bench/scale/run.ts --nodes 100000 [--connections 10] [--duration 10] [--warmup 2] [--port 4620] [--keep] [--csv DIR] [--caches]
 * (the server runs with STORE_CACHE_MB=0 and RESPONSE_CACHE_MB=0 unless --caches is given)
 */

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function log(message: string): void {
  process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs a TS script in its own process; resolves with the last JSON line it printed. */
function runScript<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(__dirname, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${script} exited with ${code}: ${last}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

interface HttpRow {
  label: string;
  p50: number;
  p99: number;
  perSecond: number;
  requests: number;
  roundTrips: string;
  load1: number;
  errors: number;
  /** True when measured with a few sequential calls instead of autocannon (too slow). */
  sequential: boolean;
}

const ms = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '-');

async function main(): Promise<void> {
  const nodes = Number(option('nodes', '10000'));
  const connections = Number(option('connections', '10'));
  const duration = Number(option('duration', '10'));
  const warmup = Number(option('warmup', '2'));
  const port = Number(option('port', '4620'));
  const keep = process.argv.includes('--keep');
  const caches = process.argv.includes('--caches');
  // RESULTS.md section key: one section per size (and per connection count other than 10).
  const key = `${connections === 10 ? String(nodes) : `${nodes}-c${connections}`}${caches ? '-caches' : ''}`;
  // A query whose second (warm) call takes longer than this is measured with a few sequential calls only.
  const slowMs = Number(option('slow-ms', '3000'));
  const slowCalls = 3;
  const slowBudgetMs = 30_000;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `kg-scale-${nodes}-`));
  const csvDir = option('csv', path.join(base, 'csv'));
  const dataDir = path.join(base, 'data');
  let server: BenchServer | undefined;
  try {
    let generated: { seconds: number; peakRssMiB: number | null };
    if (fs.existsSync(path.join(csvDir, 'meta.json')) && option('csv', '') !== '') {
      log(`reusing the dataset in ${csvDir}`);
      generated = { seconds: Number.NaN, peakRssMiB: null };
    } else {
      log(`generating ${nodes} nodes into ${csvDir}`);
      generated = await runScript('generate.ts', ['--nodes', String(nodes), '--out', csvDir]);
    }
    const meta = JSON.parse(fs.readFileSync(path.join(csvDir, 'meta.json'), 'utf8')) as ScaleMeta;
    if (option('csv', '') === '') generated = { ...generated, seconds: meta.seconds };
    log(`${meta.nodes} nodes, ${meta.edges} relationships, ${meta.plans} plans; loading`);
    const loaded = await runScript<Record<string, number>>('load.ts', ['--csv', csvDir, '--data', dataDir]);
    log(`loaded in ${loaded.seconds} s; starting the server`);
    // Each query is repeated with the same arguments: with the caches on, every request after the first is a cache hit.
    const cacheEnv: Record<string, string> = caches ? {} : { STORE_CACHE_MB: '0', RESPONSE_CACHE_MB: '0' };
    const started = await startBenchServer(port, { dataDir, env: { SEED_ON_START: 'false', ...cacheEnv }, readyTimeoutMs: 600_000 });
    server = started;
    const { pid } = started;
    const rssAfterOpen = peakRssMiB(pid);
    log(`server ready in ${started.readySeconds} s (VmHWM ${rssAfterOpen} MiB)`);

    const queries = scaleQueries(meta.queries);
    const http: HttpRow[] = [];
    const httpSummaries: string[] = [];
    for (const query of queries) {
      const body = JSON.stringify({ query: query.graphql });
      const request = { url: `${started.url}/graphql`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body };
      const t0 = Date.now();
      const probe = await fetch(request.url, { method: 'POST', headers: request.headers, body });
      const answer = (await probe.json()) as { data?: unknown; errors?: unknown };
      let probeMs = Date.now() - t0;
      if (!answer.errors) {
        // A second call, warm: the first one of a query shape pays Kùzu's cold caches (seen: 4 s then 90 ms).
        const t1 = Date.now();
        await (await fetch(request.url, { method: 'POST', headers: request.headers, body })).json();
        probeMs = Date.now() - t1;
      }
      if (answer.errors) throw new Error(`${query.label}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
      httpSummaries.push(JSON.stringify(answer.data).slice(0, 160));
      const roundTrips = probe.headers.get('x-store-round-trips') ?? '?';
      if (probeMs > slowMs) {
        // Too slow to load-test in the budget: a few sequential calls (p99 = the slowest).
        const times = [probeMs];
        while (times.length < slowCalls && times.reduce((a, b) => a + b, 0) < slowBudgetMs) {
          const t = Date.now();
          await (await fetch(request.url, { method: 'POST', headers: request.headers, body })).json();
          times.push(Date.now() - t);
        }
        times.sort((a, b) => a - b);
        http.push({
          label: query.label,
          p50: times[Math.floor((times.length - 1) / 2)] as number,
          p99: times[times.length - 1] as number,
          perSecond: (1000 * times.length) / times.reduce((a, b) => a + b, 0),
          requests: times.length,
          roundTrips,
          load1: os.loadavg()[0] as number,
          errors: 0,
          sequential: true,
        });
        log(`${query.label}: ${times.length} sequential calls, ${times.join(', ')} ms (a warm call took over ${slowMs} ms: not load-tested)`);
        continue;
      }
      log(`${query.label}: warm-up`);
      await autocannon({ ...request, connections, duration: warmup, timeout: 120 });
      const result = await autocannon({ ...request, connections, duration, timeout: 120 });
      http.push({
        label: query.label,
        p50: result.latency.p50,
        p99: result.latency.p99,
        perSecond: result.requests.average,
        requests: result.requests.total,
        roundTrips,
        load1: os.loadavg()[0] as number,
        errors: result.errors + result.non2xx + result.timeouts,
        sequential: false,
      });
      log(`${query.label}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average} req/s`);
    }
    const serverPeak = peakRssMiB(pid);
    await server.stop();
    server = undefined;

    log('floor: the same store calls in-process');
    const floor = await runScript<{ rows: FloorRow[]; peakRssMiB: number }>('floor.ts', [
      '--data', dataDir, '--meta', path.join(csvDir, 'meta.json'),
      '--connections', String(connections), '--duration', String(duration), '--warmup', String(warmup), '--slow-ms', String(slowMs),
    ]);

    const lines = [
      `<!-- scale:${key} -->`,
      `### ${nodes.toLocaleString('en')} nodes (${meta.nodes.toLocaleString('en')} nodes, ${meta.edges.toLocaleString('en')} relationships, ${meta.plans} plans, ${meta.organisations.toLocaleString('en')} enterprises/labs)${connections === 10 ? '' : `, ${connections} client(s)`}`,
      '',
      `Run ${new Date().toISOString().slice(0, 16)}Z, ${connections} connections, ${duration} s per query after a ${warmup} s warm-up; ${os.cpus().length} cores; ` +
        `server caches ${caches ? 'on (defaults)' : 'off (STORE_CACHE_MB=0, RESPONSE_CACHE_MB=0)'}, GRAPHQL_JIT=${process.env.GRAPHQL_JIT ?? 'true'}.`,
      `Generation ${ms(generated.seconds)} s (peak RSS ${generated.peakRssMiB ?? '-'} MiB); bulk load ${ms(loaded.seconds ?? Number.NaN)} s ` +
        `(COPY nodes ${ms(loaded.nodeSeconds ?? Number.NaN)} s, relationships ${ms(loaded.edgeSeconds ?? Number.NaN)} s, index check ${ms(loaded.indexSeconds ?? Number.NaN)} s; peak RSS ${loaded.peakRssMiB} MiB); ` +
        `server ready in ${ms(started.readySeconds)} s. Peak RSS (VmHWM): server ${rssAfterOpen} MiB after open, ${serverPeak} MiB after all queries; floor process ${floor.peakRssMiB} MiB.`,
      '',
      '| query | GraphQL p50 ms | GraphQL p99 ms | req/s | store round-trips | load (1 min) | floor p50 ms | floor p99 ms | calls/s | load (1 min) | GraphQL/floor p50 | GraphQL/floor p99 | answer |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...http.map((h) => {
        const f = floor.rows.find((r) => r.label === h.label);
        const ratio = (a: number, b: number | undefined): string => (b && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
        const note = `${h.errors ? ` (${h.errors} errors)` : ''}${h.sequential ? ` (GraphQL: ${h.requests} sequential calls)` : ''}${f?.sequential ? ` (floor: ${f.calls} sequential calls)` : ''}`;
        return `| ${h.label}${note} | ${ms(h.p50)} | ${ms(h.p99)} | ${h.perSecond.toFixed(0)} | ${h.roundTrips} | ${h.load1.toFixed(1)} | ${ms(f?.p50 ?? Number.NaN)} | ${ms(f?.p99 ?? Number.NaN)} | ${f ? f.perSecond.toFixed(0) : '-'} | ${f ? f.load1.toFixed(1) : '-'} | ${ratio(h.p50, f?.p50)} | ${ratio(h.p99, f?.p99)} | ${f?.summary ?? ''} |`;
      }),
      '',
      `Query arguments: ${JSON.stringify(meta.queries)}`,
      `<!-- /scale:${key} -->`,
    ];
    const section = lines.join('\n');
    process.stdout.write(`\n${section}\n`);
    const results = path.join(__dirname, 'RESULTS.md');
    let text = fs.existsSync(results) ? fs.readFileSync(results, 'utf8') : '# Scale benchmark results\n\n## Results\n';
    const pattern = new RegExp(`<!-- scale:${key} -->[\\s\\S]*?<!-- /scale:${key} -->`);
    text = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`;
    fs.writeFileSync(results, text);
    log(`written to ${results}; GraphQL answers: ${httpSummaries.join(' | ')}`);
  } finally {
    if (server) await server.stop();
    if (keep) log(`kept ${base}`);
    else fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
