import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { Authenticator } from '../../src/auth/Authenticator';
import type { Config, ExecutionConfig, ReadinessConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server/startServer';
import type { GraphStore } from '../../src/store/port';
import { openTestStore } from './openTestStore';
import { testConfig } from './testConfig';

/** A real HTTP server on a free loopback port over a fresh temporary store with the plan loaded. */
export interface TestServer {
  readonly url: string;
  readonly store: GraphStore;
  /** The running server (e.g. to begin its shutdown while requests run). */
  readonly server: RunningServer;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    wrapStore?: (store: GraphStore) => GraphStore;
    /** Server settings besides the store, logger and address (deadline, admission, readiness probe), over testConfig()'s. */
    server?: { execution?: Partial<ExecutionConfig>; readiness?: Partial<ReadinessConfig> };
    /** The server's logger (default: silent). */
    logger?: pino.Logger;
    /** Credentials it accepts (default: none, every request is anonymous). */
    auth?: Config['auth'];
  } & Partial<Pick<Config, 'limits' | 'posture' | 'ideEnabled'>> = {},
): Promise<TestServer> {
  const { store: raw, dispose } = await openTestStore();
  await loadSeed(raw);
  const store = options.wrapStore ? options.wrapStore(raw) : raw;
  const base = testConfig();
  const server = await startServer({
    store,
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.auth ? { authenticator: await Authenticator.create(options.auth) } : {}),
    config: {
      ...base,
      limits: options.limits ?? base.limits,
      posture: options.posture ?? base.posture,
      ideEnabled: options.ideEnabled ?? base.ideEnabled,
      execution: { ...base.execution, ...options.server?.execution },
      readiness: { ...base.readiness, ...options.server?.readiness },
    },
  });
  return {
    url: server.url,
    store,
    server,
    async close() {
      await server.stop();
      await dispose();
    },
  };
}
