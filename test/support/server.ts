import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { startServer } from '../../src/server/startServer';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import type { GraphStore } from '../../src/store/port';

/** A real HTTP server on a free loopback port over a fresh temporary store with the plan loaded. */
export interface TestServer {
  readonly url: string;
  readonly store: GraphStore;
  close(): Promise<void>;
}

export async function startTestServer(options: { wrapStore?: (store: GraphStore) => GraphStore } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-http-'));
  const raw = await openKuzuStore({ path: dir });
  await loadSeed(raw);
  const store = options.wrapStore ? options.wrapStore(raw) : raw;
  const server = await startServer({ store, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    store,
    async close() {
      await server.stop();
      await raw.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
