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
 * editor records W actuals of that target, one after the other, each of its
 * own day (so each one changes the achieved value and the count). For each
 * write it measures, per subscriber, the time from the mutation's answer
 * arriving (the commit, as the writer learns it) to the message carrying the
 * new count arriving (negative when the message came first), and from the
 * mutation's sending. The values and evidence are SYNTHETIC (the quote says
 * so). The store is a temporary Kùzu database, or the Neo4j named by
 * NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD with --store neo4j.
 *
 * Options: --writes W (default 200), --subscribers list (default 1,50),
 * --port (default 4640), --store kuzu|neo4j.
 */

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const TARGET = 'Target:dn-202-2019.i-2-a-2'; // attendances, summed over periods
const SUBSCRIPTION = `subscription Live($targets: [ID!]) { targetProgress(targets: $targets) { achieved actualsCounted } }`;
const RECORD = `mutation LiveBench($input: RecordActualInput!, $key: String) { recordActual(input: $input, idempotencyKey: $key) { actual { id } replayed } }`;

/** One subscriber: the arrival time of the message with each count. */
interface Subscriber {
  readonly client: Client;
  /** Resolves with performance.now() when a message with actualsCounted >= count arrives. */
  arrival(count: number): Promise<number>;
  readonly first: Promise<number>;
}

function subscriber(url: string): Subscriber {
  const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  const arrivals = new Map<number, number>();
  const waiting = new Map<number, (at: number) => void>();
  let onFirst: (count: number) => void = () => undefined;
  const first = new Promise<number>((resolve) => {
    onFirst = resolve;
  });
  let seen = false;
  client.subscribe<{ targetProgress: { actualsCounted: number } }>(
    { query: SUBSCRIPTION, variables: { targets: [TARGET] } },
    {
      next: (result) => {
        const at = performance.now();
        const count = result.data?.targetProgress.actualsCounted;
        if (count === undefined) throw new Error(`a message without data: ${JSON.stringify(result.errors)}`);
        if (!seen) {
          seen = true;
          onFirst(count);
        }
        arrivals.set(count, at);
        for (const [wanted, resolve] of waiting) {
          if (count >= wanted) {
            waiting.delete(wanted);
            resolve(at);
          }
        }
      },
      error: (error) => {
        throw error instanceof Error ? error : new Error(JSON.stringify(error));
      },
      complete: () => undefined,
    },
  );
  return {
    client,
    first,
    arrival(count) {
      const known = [...arrivals].find(([c]) => c >= count);
      if (known) return Promise.resolve(known[1]);
      return new Promise((resolve) => waiting.set(count, resolve));
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** YYYY-MM-DD of the n-th day from 2020-01-01 (a period of its own for each write, before the target's due year ends). */
function day(n: number): string {
  return new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
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
  const rows: string[] = [];
  let written = 0;
  try {
    for (const fanout of fanouts) {
      const subscribers = Array.from({ length: fanout }, () => subscriber(wsUrl));
      const counts = await Promise.all(subscribers.map((s) => s.first));
      let count = Math.max(...counts);
      const afterAnswer: number[] = [];
      const afterSend: number[] = [];
      const load = os.loadavg()[0]?.toFixed(1);
      for (let i = 0; i < writes; i += 1) {
        written += 1;
        const input = {
          target: TARGET,
          value: 1,
          periodStart: day(written),
          periodEnd: day(written),
          evidence: { document: 'SYNTHETIC-LIVE-BENCH', quote: 'Synthetic data, not a fact of the plan.' },
        };
        count += 1;
        const arrivals = subscribers.map((s) => s.arrival(count));
        const sent = performance.now();
        const response = await fetch(httpUrl, { method: 'POST', headers: credentials.headers, body: JSON.stringify({ query: RECORD, variables: { input, key: `live-${process.pid}-${written}` } }) });
        const body = (await response.json()) as { errors?: unknown };
        const answered = performance.now();
        if (body.errors) throw new Error(`the write failed: ${JSON.stringify(body.errors)}`);
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
    `\nDelay from commit to a subscriber's message (${store}, server in its own process, plan loaded, default settings; every write commits a new synthetic actual of one target, one write at a time; delays in ms, one sample per write and subscriber; negative: the message came before the mutation's answer)\n\n` +
      '| subscribers | writes | after the answer, p50 | p99 | after sending, p50 | p99 | load average (1 min) before |\n|---|---|---|---|---|---|---|\n' +
      `${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
