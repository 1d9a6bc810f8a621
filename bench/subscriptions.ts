import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startBenchServer } from './startBenchServer';
import { editorCredentials } from './syntheticActuals';

/**
 * `npm run bench:subscriptions`: the delay from a write's commit to a live
 * subscriber's message. A server in its own process (plan loaded); S
 * subscribers (each on its own WebSocket) watch one target's progress; one
 * editor records one VERIFIED actual of that target, then changes its value
 * W times, one write after the other (each write changes the achieved value;
 * the actual, changed last and of the strongest status, is the one counted
 * for its period even where older test data cover the same period). For each
 * write and subscriber it measures the time from the mutation's answer
 * arriving (the commit, as the writer learns it) to the message carrying the
 * actual's new version arriving (negative when the message came first), and
 * from the mutation's sending. The values and evidence are SYNTHETIC (the
 * quote says so). The store is a temporary Kùzu database, or the Neo4j named
 * by NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD with --store neo4j.
 *
 * Options: --writes W (default 200), --subscribers list (default 1,50),
 * --port (default 4640), --store kuzu|neo4j.
 */

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const TARGET = 'Target:dn-202-2019.i-2-a-2'; // attendances, summed over periods
const SUBSCRIPTION = `subscription Live($targets: [ID!]) { targetProgress(targets: $targets) { achieved counted { id version } } }`;
const RECORD = `mutation LiveBenchRecord($input: RecordActualInput!) { recordActual(input: $input) { actual { id version } } }`;
const UPDATE = `mutation LiveBenchUpdate($input: UpdateActualInput!) { updateActual(input: $input) { actual { id version } } }`;
const EVIDENCE = { document: 'SYNTHETIC-LIVE-BENCH', quote: 'Synthetic data, not a fact of the plan.' };

/** One subscriber: when the message with each version of the watched actual arrived. */
interface Subscriber {
  readonly client: Client;
  /** Resolves with performance.now() when a message counting the actual at `version` (or later) arrives. */
  arrival(version: number): Promise<number>;
}

function subscriber(url: string, actualId: string): Subscriber {
  const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  let latest = { version: 0, at: 0 };
  const waiting = new Map<number, (at: number) => void>();
  client.subscribe<{ targetProgress: { counted: { id: string; version: number }[] } }>(
    { query: SUBSCRIPTION, variables: { targets: [TARGET] } },
    {
      next: (result) => {
        const at = performance.now();
        const version = result.data?.targetProgress.counted.find((a) => a.id === actualId)?.version;
        if (version === undefined) return;
        latest = { version, at };
        for (const [wanted, resolve] of waiting) {
          if (version >= wanted) {
            waiting.delete(wanted);
            resolve(at);
          }
        }
      },
      // The server's shutdown at the end of a run closes the connection (1001): nothing to report.
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return {
    client,
    arrival(version) {
      if (latest.version >= version) return Promise.resolve(latest.at);
      return new Promise((resolve) => waiting.set(version, resolve));
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function post<T>(url: string, headers: Record<string, string>, query: string, input: Record<string, unknown>): Promise<T> {
  const body = (await (await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: { input } }) })).json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`the write failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function main(): Promise<void> {
  const writes = Number(option('writes') ?? 200);
  const fanouts = (option('subscribers') ?? '1,50').split(',').map(Number);
  const store = option('store') ?? 'kuzu';
  if (store === 'neo4j' && !process.env.NEO4J_URI) throw new Error('--store neo4j needs NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD)');
  const credentials = await editorCredentials('bench-live-writer');
  const env: Record<string, string> = { ...credentials.env, LIVE_MAX_CONNECTIONS: '1000', ...(store === 'neo4j' ? {} : { NEO4J_URI: '' }) };
  const server = await startBenchServer(Number(option('port') ?? 4640), { env });
  const httpUrl = `${server.url}/graphql`;
  const wsUrl = httpUrl.replace(/^http/, 'ws');
  const { headers } = credentials;
  const rows: string[] = [];
  try {
    const created = await post<{ recordActual: { actual: { id: string; version: number } } }>(httpUrl, headers, RECORD, {
      target: TARGET,
      value: 1,
      periodStart: '2020-01-01',
      periodEnd: '2020-12-31',
      status: 'VERIFIED',
      evidence: EVIDENCE,
    });
    const { id } = created.recordActual.actual;
    let version = created.recordActual.actual.version;
    for (const fanout of fanouts) {
      const subscribers = Array.from({ length: fanout }, () => subscriber(wsUrl, id));
      await Promise.all(subscribers.map((s) => s.arrival(version)));
      const afterAnswer: number[] = [];
      const afterSend: number[] = [];
      const load = os.loadavg()[0]?.toFixed(1);
      for (let i = 0; i < writes; i += 1) {
        const arrivals = subscribers.map((s) => s.arrival(version + 1));
        const sent = performance.now();
        const updated = await post<{ updateActual: { actual: { version: number } } }>(httpUrl, headers, UPDATE, { id, expectedVersion: version, value: 2 + (version % 50) });
        const answered = performance.now();
        version = updated.updateActual.actual.version;
        for (const at of await Promise.all(arrivals)) {
          afterAnswer.push(at - answered);
          afterSend.push(at - sent);
        }
      }
      await Promise.all(subscribers.map((s) => s.client.dispose()));
      afterAnswer.sort((a, b) => a - b);
      afterSend.sort((a, b) => a - b);
      const ms = (value: number) => value.toFixed(1);
      rows.push(
        `| ${fanout} | ${writes} | ${ms(percentile(afterAnswer, 50))} | ${ms(percentile(afterAnswer, 99))} | ${ms(percentile(afterSend, 50))} | ${ms(percentile(afterSend, 99))} | ${load} |`,
      );
    }
  } finally {
    await server.stop();
  }
  process.stdout.write(
    `\nDelay from commit to a subscriber's message (${store}, server in its own process, plan loaded, default settings; each write changes the value of one synthetic actual of one target, one write at a time; delays in ms, one sample per write and subscriber; negative: the message came before the mutation's answer)\n\n` +
      '| subscribers | writes | after the answer, p50 | p99 | after sending, p50 | p99 | load average (1 min) before |\n|---|---|---|---|---|---|---|\n' +
      `${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
