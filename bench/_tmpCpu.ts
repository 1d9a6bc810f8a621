import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { Session } from 'node:inspector/promises';
import pino from 'pino';
import { loadSeed } from '../seed/loadSeed';
import { createContext } from '../src/context';
import { createApolloServer } from '../src/server/createApolloServer';
import { openKuzuStore } from '../src/store/kuzu/openKuzuStore';
import { cacheStoreReads } from '../src/store/cacheStoreReads';
import { watchStoreWrites } from '../src/store/watchStoreWrites';
import { BENCH_QUERIES } from './queries';
async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-prof-'));
  const raw = await openKuzuStore({ path: path.join(dir, 'db') });
  await loadSeed(raw);
  const w = watchStoreWrites(raw);
  const store = cacheStoreReads(w.store, w.clock, 64 << 20).store;
  const logger = pino({ level: 'silent' });
  const apollo = createApolloServer(logger); await apollo.start();
  for (const [label, q] of Object.entries(BENCH_QUERIES)) {
    for (let i = 0; i < 300; i++) await apollo.executeOperation({ query: q }, { contextValue: createContext(store, logger) });
    const session = new Session(); session.connect();
    if (process.env.PROF) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
    const c0 = process.cpuUsage(); const t0 = performance.now(); const n = 2000;
    for (let i = 0; i < n; i++) await apollo.executeOperation({ query: q }, { contextValue: createContext(store, logger) });
    const c = process.cpuUsage(c0); const t = performance.now() - t0;
    if (process.env.PROF) { const { profile } = await session.post('Profiler.stop'); fs.writeFileSync(`/tmp/tp/prof/steady-${label.slice(0, 5)}.cpuprofile`, JSON.stringify(profile)); }
    console.log(`${label}: wall ${(t / n).toFixed(3)} ms, cpu ${((c.user + c.system) / 1000 / n).toFixed(3)} ms per request`);
  }
  await apollo.stop(); await raw.close(); fs.rmSync(dir, { recursive: true, force: true });
}
main();
