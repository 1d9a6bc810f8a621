import os from 'node:os';
import autocannon from 'autocannon';
import { BENCH_QUERIES } from './queries';
import { startBenchServer } from './startBenchServer';
import { editorCredentials, syntheticActualBody } from './syntheticActuals';

/**
 * `npm run bench:writes`: mutations per second and latency at 1 and 10
 * writers, then reads (the coordination matrix) at 10 connections while 2
 * writers write, against a server in its own process with the plan loaded.
 * Each write is `recordActual` on one of the plan's targets with a fresh
 * idempotency key: every request commits a new record and its history entry.
 * The values and evidence are SYNTHETIC (the quote says so); the server's data
 * directory is a temporary one (Kùzu), or the Neo4j named by NEO4J_URI /
 * NEO4J_USERNAME / NEO4J_PASSWORD (--store neo4j: its database is emptied
 * and seeded by the server's start).
 *
 * Options: --duration seconds (default 10), --port (default 4630), --store kuzu|neo4j.
 */

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const TARGETS = ['Target:dn-202-2019.i-2-a-1', 'Target:dn-202-2019.i-2-a-2', 'Target:dn-202-2019.i-2-a-3'];

let sequence = 0;

/** The next write: a new actual with a key of its own (synthetic data). */
function nextWrite(): string {
  sequence += 1;
  return syntheticActualBody(sequence, TARGETS, `bench-${process.pid}`, 'SYNTHETIC-BENCH');
}

async function main(): Promise<void> {
  const duration = Number(option('duration') ?? 10);
  const store = option('store') ?? 'kuzu';
  if (store === 'neo4j' && !process.env.NEO4J_URI) throw new Error('--store neo4j needs NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD)');
  const credentials = await editorCredentials('bench-writer');
  const env: Record<string, string> = { ...credentials.env, ...(store === 'neo4j' ? {} : { NEO4J_URI: '' }) };
  const headers = credentials.headers;
  const server = await startBenchServer(Number(option('port') ?? 4630), { env });
  const url = `${server.url}/graphql`;
  const rows: string[] = [];
  try {
    const probe = (await (await fetch(url, { method: 'POST', headers, body: nextWrite() })).json()) as { errors?: unknown };
    if (probe.errors) throw new Error(`the write failed: ${JSON.stringify(probe.errors)}`);
    const writes = (connections: number, seconds: number) =>
      autocannon({ url, method: 'POST', headers, connections, duration: seconds, requests: [{ setupRequest: (request) => ({ ...request, body: nextWrite() }) }] });
    for (const connections of [1, 10]) {
      await writes(connections, 2); // warm-up
      const load = os.loadavg()[0]?.toFixed(1);
      const result = await writes(connections, duration);
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${connections} writers: ${result.non2xx} non-2xx, ${result.errors} errors`);
      rows.push(`| recordActual, ${connections} writer(s) | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${load} |`);
    }
    const readBody = JSON.stringify({ query: BENCH_QUERIES['coordination matrix (all assignments of the plan)'] });
    const load = os.loadavg()[0]?.toFixed(1);
    const [read, write] = await Promise.all([
      autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: readBody, connections: 10, duration }),
      writes(2, duration),
    ]);
    if (read.non2xx > 0 || write.non2xx > 0) throw new Error(`reads while writing: ${read.non2xx} / ${write.non2xx} non-2xx`);
    rows.push(`| matrix reads, 10 connections, while 2 writers write | ${read.requests.average.toFixed(0)} | ${read.latency.p50} | ${read.latency.p99} | ${load} |`);
    rows.push(`| ... the 2 writers meanwhile | ${write.requests.average.toFixed(0)} | ${write.latency.p50} | ${write.latency.p99} | |`);
  } finally {
    await server.stop();
  }
  process.stdout.write(
    `\nautocannon, ${duration} s per row after 2 s of warm-up, server in its own process (${store}, plan loaded, default caches; every write commits a new synthetic actual and its history entry)\n\n` +
      '| load | req/s | p50 ms | p99 ms | load average (1 min) before |\n|---|---|---|---|---|\n' +
      `${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
