import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `node --expose-gc --import tsx bench/memory.ts [--buffer-pool-mib N] [--pool-size N]`:
 * where the server's idle memory goes, step by step, in ONE process (the
 * server's own): node and tsx alone, the modules loaded, Kùzu opened, the
 * plan loaded, the server started, 200 queries served, after a full GC.
 * Each row: RSS (anonymous / file-backed), V8 heap used and total, memory
 * outside the heap that V8 knows of (external, of which array buffers), and
 * the process's virtual size.
 */

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
}

function status(field: string): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

const rows: string[] = [];
function snap(label: string): void {
  const m = process.memoryUsage();
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  rows.push(
    `| ${label} | ${status('VmRSS').toFixed(0)} | ${status('RssAnon').toFixed(0)} / ${status('RssFile').toFixed(0)} | ${mib(m.heapUsed)} / ${mib(m.heapTotal)} | ${mib(m.external)} (${mib(m.arrayBuffers)}) | ${(status('VmSize') / 1024).toFixed(1)} GiB |`,
  );
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  snap('node + tsx, nothing loaded');
  const [{ startServer }, { loadConfig }, { openKuzuStore }, { loadSeed }, pino] = await Promise.all([
    import('../src/server/startServer'),
    import('../src/config'),
    import('../src/store/kuzu/openKuzuStore'),
    import('../seed/loadSeed'),
    import('pino'),
  ]);
  snap('modules loaded (Apollo, graphql, Kùzu binding, neo4j-driver, ...)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-memory-'));
  const bufferPoolMiB = option('buffer-pool-mib');
  const store = await openKuzuStore({
    path: dir,
    poolSize: option('pool-size') ?? 4,
    ...(bufferPoolMiB ? { bufferPoolBytes: bufferPoolMiB * 1024 * 1024 } : {}),
  });
  snap('Kùzu opened, empty graph');
  await loadSeed(store);
  snap('plan loaded (110 nodes)');
  const server = await startServer({ store, logger: pino.default({ level: 'silent' }), config: loadConfig({}, { port: 0, host: '127.0.0.1' }) });
  snap('server started (schema built, Apollo started)');
  const queries = [
    '{ assignments(filter: { plan: "Plan:dn-202-2019" }, first: 1000) { totalCount nodes { role agency { id nameVi } task { code timeframe } source { clause } } } }',
    '{ agencies(first: 200) { nodes { id nameVi leads { code timeframe coordinators { id nameVi } } } } }',
    '{ search(text: "kiem dinh") { totalCount nodes { node { id } snippet } } }',
    '{ neighbourhood(ids: ["Agency:dn-skhcn"], depth: 2) { nodes { id name } relationships { type } } }',
  ];
  for (let i = 0; i < 200; i += 1) {
    const query = queries[i % queries.length] ?? '';
    await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).text();
  }
  snap('after 200 queries');
  if (gc) {
    gc();
    snap('after a full GC');
  }
  await server.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    `\nbuffer pool: ${bufferPoolMiB ? `${bufferPoolMiB} MiB` : "Kùzu's default"}, read pool: ${option('pool-size') ?? 4} connections, ${os.totalmem() / 2 ** 30 | 0} GiB machine\n\n` +
      `| step | RSS MiB | anon / file MiB | V8 heap used / total MiB | external (array buffers) MiB | virtual |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
