import fs from 'node:fs';
import path from 'node:path';
import { bulkLoadCsv } from '../../src/store/kuzu';
import type { ScaleMeta } from './generate';

/**
 * Loads a generated dataset (its meta.json) into a Kùzu store directory with
 * the adapter's bulkLoadCsv, in this process only (run it as its own process:
 * no server may hold the directory). Prints one JSON line: rows, seconds, peak RSS.
 *
 * CLI: npx tsx bench/scale/load.ts --csv DIR --data DIR
 */
export async function load(csvDir: string, dataDir: string): Promise<Record<string, number>> {
  const meta = JSON.parse(fs.readFileSync(path.join(csvDir, 'meta.json'), 'utf8')) as ScaleMeta;
  const started = Date.now();
  const result = await bulkLoadCsv(dataDir, {
    nodes: meta.nodeFiles.map(({ kind, file }) => ({ kind, file })),
    edges: meta.edgeFiles.map(({ type, from, to, file }) => ({ type, from, to, file })),
  });
  return { ...result, seconds: (Date.now() - started) / 1000, peakRssMiB: peakRssMiB(process.pid) };
}

/** VmHWM of a process, in MiB (NaN when unreadable). */
export function peakRssMiB(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const csv = option('csv');
  const data = option('data');
  if (!csv || !data) {
    process.stderr.write('usage: npx tsx bench/scale/load.ts --csv DIR --data DIR\n');
    process.exit(2);
  }
  load(csv, data).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
