import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { startServer, type StartServerOptions } from '../../src/server/startServer';
import type { GraphStore } from '../../src/store/port';
import { openTestStore } from './openTestStore';

/** A real HTTP server on a free loopback port over a fresh temporary store with the plan loaded. */
export interface TestServer {
  readonly url: string;
  readonly store: GraphStore;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    wrapStore?: (store: GraphStore) => GraphStore;
    /** Server settings besides the store, logger and address (deadline, admission, readiness probe). */
    server?: Pick<StartServerOptions, 'execution' | 'readiness'>;
  } & Pick<StartServerOptions, 'limits' | 'posture' | 'ideEnabled'> = {},
): Promise<TestServer> {
  const { store: raw, dispose } = await openTestStore();
  await loadSeed(raw);
  const store = options.wrapStore ? options.wrapStore(raw) : raw;
  const server = await startServer({
    store,
    logger: pino({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
    limits: options.limits,
    posture: options.posture,
    ideEnabled: options.ideEnabled,
    ...options.server,
  });
  return {
    url: server.url,
    store,
    async close() {
      await server.stop();
      await dispose();
    },
  };
}
