import autocannon from 'autocannon';
import { BENCH_QUERIES } from './queries';
import { startBenchServer } from './startBenchServer';

/**
 * `npm run bench`: load the started server with autocannon and print, per
 * query, requests/s, latency p50/p99 and store round-trips per request.
 * Options: --duration seconds (default 10), --connections (default 10), --port (default 4610).
 */


function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const duration = option('duration', 10);
  const connections = option('connections', 10);
  const server = await startBenchServer(option('port', 4610));
  const rows: string[] = [];
  try {
    for (const [label, query] of Object.entries(BENCH_QUERIES)) {
      const body = JSON.stringify({ query });
      const probe = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const probeBody = (await probe.json()) as { errors?: unknown };
      if (probeBody.errors) throw new Error(`${label}: ${JSON.stringify(probeBody.errors)}`);
      const roundTrips = probe.headers.get('x-store-round-trips');
      // warm-up, then the measured run
      await autocannon({ url: `${server.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: 2 });
      const result = await autocannon({
        url: `${server.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration,
      });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
      rows.push(
        `| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${roundTrips} | ${result.requests.total} |`,
      );
    }
  } finally {
    await server.stop();
  }
  process.stdout.write(
    `\nautocannon, ${connections} connections, ${duration} s per query, server in its own process (Kùzu, plan loaded)\n\n` +
      `| query | req/s | p50 ms | p99 ms | store round-trips / request | requests |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
