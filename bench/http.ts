import os from 'node:os';
import autocannon from 'autocannon';
import { ASSIGNMENTS_QUERY, PLAN_ID } from '../web/src/dashboard/queries';
import { BENCH_QUERIES } from './queries';
import { startBenchServer } from './startBenchServer';

/**
 * `npm run bench`: load a server started in its own process (Kùzu, the plan
 * loaded) with autocannon and print, per query, requests/s, latency p50/p99,
 * store round-trips per request and the load average before the run, in
 * three set-ups:
 *
 * - `off`: every cache off (STORE_CACHE_MB=0, RESPONSE_CACHE_MB=0) and
 *   graphql-js execution (GRAPHQL_JIT=false): each request executes and reads Kùzu;
 * - `off-jit`: the same with graphql-jit (the default executor);
 * - `store`: the read-through store cache on (its default), the response
 *   cache off, graphql-jit: each request executes, reading records from memory;
 * - `response`: every default (both caches on), a dashboard query repeated.
 *
 * Options: --duration seconds (default 10), --connections (default 10),
 * --port (default 4610), --only off|off-jit|store|response (default all).
 */

interface Setup {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly queries: Readonly<Record<string, { query: string; variables?: Record<string, unknown> }>>;
}

const PLAIN = Object.fromEntries(Object.entries(BENCH_QUERIES).map(([label, query]) => [label, { query }]));

const SETUPS: readonly Setup[] = [
  { name: 'off', env: { STORE_CACHE_MB: '0', RESPONSE_CACHE_MB: '0', GRAPHQL_JIT: 'false' }, queries: PLAIN },
  { name: 'off-jit', env: { STORE_CACHE_MB: '0', RESPONSE_CACHE_MB: '0' }, queries: PLAIN },
  { name: 'store', env: { RESPONSE_CACHE_MB: '0' }, queries: PLAIN },
  {
    name: 'response',
    env: {},
    queries: { 'dashboard coordination matrix (DashboardMatrix, repeated)': { query: ASSIGNMENTS_QUERY, variables: { plan: PLAN_ID } } },
  },
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const duration = Number(option('duration') ?? 10);
  const connections = Number(option('connections') ?? 10);
  const only = option('only');
  const rows: string[] = [];
  for (const setup of SETUPS.filter((s) => only === undefined || s.name === only)) {
    const server = await startBenchServer(Number(option('port') ?? 4610), { env: setup.env });
    try {
      for (const [label, request] of Object.entries(setup.queries)) {
        const url = `${server.url}/graphql`;
        const body = JSON.stringify(request);
        const headers = { 'content-type': 'application/json' };
        const probe = await fetch(url, { method: 'POST', headers, body });
        const probeBody = (await probe.json()) as { errors?: unknown };
        if (probeBody.errors) throw new Error(`${label}: ${JSON.stringify(probeBody.errors)}`);
        const roundTrips = probe.headers.get('x-store-round-trips');
        await autocannon({ url, method: 'POST', headers, body, connections, duration: 2 }); // warm-up
        const load = os.loadavg()[0]?.toFixed(1);
        const result = await autocannon({ url, method: 'POST', headers, body, connections, duration });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
        rows.push(
          `| ${setup.name} | ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${roundTrips} | ${load} |`,
        );
      }
    } finally {
      await server.stop();
    }
  }
  process.stdout.write(
    `\nautocannon, ${connections} connections, ${duration} s per query after 2 s of warm-up, server in its own process (Kùzu, plan loaded)\n\n` +
      '| caches | query | req/s | p50 ms | p99 ms | store round-trips (first request) | load average (1 min) before |\n' +
      `|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
