import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startBenchServer } from './startBenchServer';

/**
 * `npx tsx bench/fairness.ts`: heavy mixed analyst queries from 50 clients
 * beside ONE client of a trivial query, for 60 s, against the server in its
 * own process (Kùzu, the plan loaded), with the server's RSS and the latency
 * of /health and /ready sampled every second. Prints latencies by status
 * (answered, refused with OVERLOADED, cut at the deadline).
 * Options: --duration s (60), --heavy clients (50), --port (4620); server
 * settings come from the environment (HEAVY_CONCURRENCY, HEAVY_QUEUE_LENGTH, ...).
 */

const PLAN = 'Plan:dn-202-2019';
const HEAVY: readonly string[] = [
  `{ search(text: "kiem dinh", first: 20) { totalCount nodes { node { id name } matchedField snippet } } }`,
  `{ search(text: "do luong", first: 50) { totalCount nodes { node { id } score } } }`,
  `{ paths(from: "Agency:vn-bkhcn", to: "LegalDocument:dn-202-qd-ubnd-2019", maxDepth: 4, first: 10) { length steps { sentence relationship { source { clause } } } } }`,
  `{ neighbourhood(ids: ["Agency:dn-skhcn"], depth: 2, limit: 500) { truncated nodes { id name nameVi } relationships { type from { id } to { id } } } }`,
  `{ aggregates { nodesByKind { kind count } relationshipsByType { type count } agencyWorkload(plan: "${PLAN}") { agency { nameVi } leads coordinates } tasksByTimeframe(plan: "${PLAN}") { timeframe count } } }`,
  `{ timeline(plan: "${PLAN}") { years { year tasks { code name } targets { quantity unit } } recurringTasks { code } } }`,
];
const TRIVIAL = '{ agencies(first: 1) { totalCount } }';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Latencies (ms) of the responses of one autocannon run, by HTTP status. */
function byStatus(instance: autocannon.Instance): Map<number, number[]> {
  const seen = new Map<number, number[]>();
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    const list = seen.get(status) ?? [];
    list.push(ms);
    seen.set(status, list);
  });
  return seen;
}

/** Starts an autocannon run, giving both its instance (for events) and its result. */
function run(options: autocannon.Options): { instance: autocannon.Instance; done: Promise<autocannon.Result> } {
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error as Error) : resolve(result)));
  });
  return { instance, done };
}

function count(samples: readonly { status: number }[]): string {
  const by = new Map<number, number>();
  for (const { status } of samples) by.set(status, (by.get(status) ?? 0) + 1);
  return [...by].map(([status, n]) => `${status} x${n}`).join(', ');
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Milliseconds until `url` answered, and its status (0 when the request failed). */
async function timed(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

function row(label: string, latencies: readonly number[], seconds: number): string {
  return `| ${label} | ${latencies.length} | ${(latencies.length / seconds).toFixed(1)} | ${percentile(latencies, 50).toFixed(0)} | ${percentile(latencies, 99).toFixed(0)} | ${Math.max(0, ...latencies).toFixed(0)} |`;
}

async function main(): Promise<void> {
  const duration = option('duration', 60);
  const heavyClients = option('heavy', 50);
  const server = await startBenchServer(option('port', 4620), { readyTimeoutMs: 300_000 });
  const url = `${server.url}/graphql`;
  const headers = { 'content-type': 'application/json' };
  try {
    for (const query of [...HEAVY, TRIVIAL]) {
      const body = (await (await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) })).json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  const rss: number[] = [rssMiB(server.pid)];
  const health: { ms: number; status: number }[] = [];
  const ready: { ms: number; status: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      rss.push(rssMiB(server.pid));
      health.push(await timed(`${server.url}/health`));
      ready.push(await timed(`${server.url}/ready`));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  try {
    const heavy = run({
      url,
      connections: heavyClients,
      duration,
      requests: HEAVY.map((query) => ({ method: 'POST' as const, headers, body: JSON.stringify({ query }) })),
    });
    const trivial = run({ url, connections: 1, duration, method: 'POST', headers, body: JSON.stringify({ query: TRIVIAL }) });
    const heavySeen = byStatus(heavy.instance);
    const trivialSeen = byStatus(trivial.instance);
    const [heavyResult, trivialResult] = await Promise.all([heavy.done, trivial.done]);
    sampling = false;
    await sampler;
    const lines = [
      `50 heavy clients (search, paths, neighbourhood, aggregates, timeline in turn) + 1 trivial client, ${duration} s; ` +
        `server env: HEAVY_CONCURRENCY=${process.env.HEAVY_CONCURRENCY ?? 'default'} HEAVY_QUEUE_LENGTH=${process.env.HEAVY_QUEUE_LENGTH ?? 'default'} ` +
        `REQUEST_TIMEOUT_MS=${process.env.REQUEST_TIMEOUT_MS ?? 'default'}`,
      '',
      '| requests | count | per s | p50 ms | p99 ms | max ms |',
      '|---|---|---|---|---|---|',
      ...[...heavySeen].sort(([a], [b]) => a - b).map(([status, list]) => row(`heavy, HTTP ${status}`, list, duration)),
      ...[...trivialSeen].sort(([a], [b]) => a - b).map(([status, list]) => row(`trivial, HTTP ${status}`, list, duration)),
      row('GET /health (1/s)', health.map((h) => h.ms), duration),
      row('GET /ready (1/s)', ready.map((r) => r.ms), duration),
      `statuses of /health: ${count(health)}; of /ready: ${count(ready)} (0 = connection failed)`,
      '',
      `client errors (timeouts, resets): heavy ${heavyResult.errors} (timeouts ${heavyResult.timeouts}), trivial ${trivialResult.errors}`,
      `server RSS MiB: at start ${rss[0]?.toFixed(0)}, max ${Math.max(...rss).toFixed(0)}, at end ${rss[rss.length - 1]?.toFixed(0)}`,
      `load average at end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  } finally {
    sampling = false;
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
