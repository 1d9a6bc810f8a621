import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
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
  const q = Object.values(BENCH_QUERIES)[Number(process.env.Q ?? 0)] as string;
  const t0 = Date.now(); let n = 0;
  while (Date.now() - t0 < 8000) { await apollo.executeOperation({ query: q }, { contextValue: createContext(store, logger) }); n++; }
  console.log(`${n} requests, ${(8000 / n).toFixed(3)} ms each`);
  await apollo.stop(); await raw.close(); fs.rmSync(dir, { recursive: true, force: true });
}
main();
