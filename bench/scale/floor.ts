import fs from 'node:fs';
import os from 'node:os';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import { openKuzuStore } from '../../src/store/kuzu';
import type { ScaleMeta } from './generate';
import { peakRssMiB } from './load';
import { scaleQueries } from './queries';

/**
 * The floor of the scale benchmark: the same store calls the resolvers make,
 * in-process, no HTTP and no GraphQL, on the same database (run it as its own
 * process after the server has stopped: one process per database). Each
 * query: a warm-up, then `connections` concurrent loops for `duration`
 * seconds, each awaiting one call at a time. Prints one JSON line.
 *
 * CLI: npx tsx bench/scale/floor.ts --data DIR --meta FILE [--connections 10] [--duration 10] [--warmup 2] [--pool 4]
 */

export interface FloorRow {
  readonly label: string;
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
  readonly calls: number;
  readonly summary: string;
  readonly load1: number;
  /** True when measured with a few sequential calls (the first call took over --slow-ms). */
  readonly sequential: boolean;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function hammer(call: () => Promise<unknown>, connections: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await call();
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  return latencies;
}

function option(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const data = option('data');
  const metaFile = option('meta');
  if (!data || !metaFile) throw new Error('usage: floor.ts --data DIR --meta FILE');
  const connections = Number(option('connections', '10'));
  const duration = Number(option('duration', '10'));
  const warmup = Number(option('warmup', '2'));
  const only = option('only');
  const slowMs = Number(option('slow-ms', '3000'));
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as ScaleMeta;
  const store = checkStoreCalls(await openKuzuStore({ path: data, poolSize: Number(option('pool', '4')) }));
  const rows: FloorRow[] = [];
  try {
    for (const query of scaleQueries(meta.queries)) {
      if (only && !query.label.startsWith(only)) continue;
      const t0 = Date.now();
      const summary = query.summarise(await query.store(store));
      let probeMs = Date.now() - t0;
      if (probeMs > slowMs) {
        // Decide on a warm call: the first one of a query shape pays Kùzu's cold caches.
        const t1 = Date.now();
        await query.store(store);
        probeMs = Date.now() - t1;
      }
      if (probeMs > slowMs) {
        const times = [probeMs];
        while (times.length < 3 && times.reduce((a, b) => a + b, 0) < 30_000) {
          const t = Date.now();
          await query.store(store);
          times.push(Date.now() - t);
        }
        times.sort((a, b) => a - b);
        const sum = times.reduce((a, b) => a + b, 0);
        rows.push({
          label: query.label,
          p50: times[Math.floor((times.length - 1) / 2)] as number,
          p99: times[times.length - 1] as number,
          perSecond: (1000 * times.length) / sum,
          calls: times.length,
          summary,
          load1: os.loadavg()[0] as number,
          sequential: true,
        });
        continue;
      }
      await hammer(() => query.store(store), connections, warmup);
      const started = Date.now();
      const latencies = (await hammer(() => query.store(store), connections, duration)).sort((a, b) => a - b);
      const elapsed = (Date.now() - started) / 1000;
      rows.push({
        label: query.label,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        perSecond: latencies.length / elapsed,
        calls: latencies.length,
        summary,
        load1: os.loadavg()[0] as number,
        sequential: false,
      });
    }
  } finally {
    await store.close();
  }
  process.stdout.write(`${JSON.stringify({ rows, peakRssMiB: peakRssMiB(process.pid) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
