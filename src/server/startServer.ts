import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type ExecutionConfig, type OperationLimits, type Posture, type ReadinessConfig } from '../config';
import type { Authenticator } from '../auth/Authenticator';
import type { Logger } from '../logger';
import type { GraphStore } from '../store/port';
import { createApolloServer } from './createApolloServer';
import { createHttpApp } from './createHttpApp';
import { InFlightRequests } from './InFlightRequests';
import { AdmissionQueue } from './admission/AdmissionQueue';
import { ReadinessProbe, type ReadinessCheck } from './readiness/ReadinessProbe';
import type { ResponseCacheOptions } from './responseCachePlugin';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  readonly port: number;
  readonly host: string;
  /** Serve as a Federation 2 subgraph (default true). */
  readonly federation?: boolean;
  /** Serve the GraphQL IDE at /explore and on a browser's GET /graphql (default true). */
  readonly ideEnabled?: boolean;
  /** Operation limits (default: the configuration's defaults). */
  readonly limits?: OperationLimits;
  /** Production posture (default: everything on, as API_PROFILE=development, CORS off, no trusted documents). */
  readonly posture?: Posture;
  /** Deadline, response cap and admission of heavy operations (default: the configuration's defaults). */
  readonly execution?: Partial<ExecutionConfig>;
  /** The readiness probe behind /ready (default: the configuration's defaults, no extra checks). */
  readonly readiness?: Partial<ReadinessConfig> & { readonly checks?: readonly ReadinessCheck[] };
  /** Answer repeated queries from memory (see responseCachePlugin); off when absent. */
  readonly responseCache?: ResponseCacheOptions;
  /** Execute with graphql-jit (see jitGateway); default false. */
  readonly jit?: boolean;
  /** Establishes each request's viewer (src/auth/); absent: every request is anonymous. */
  readonly authenticator?: Authenticator;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting requests, closes the HTTP server, waits (up to
   * SHUTDOWN_GRACE_MS) for GraphQL requests still executing, then stops
   * Apollo. The store is the caller's to close afterwards.
   */
  stop(): Promise<void>;
}

/** Starts Apollo and the HTTP server on `host:port` (port 0 picks a free one). */
/** How long stop() waits for executing requests before going on. */
export const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const defaults = loadConfig({});
  const limits = options.limits ?? defaults.limits;
  const execution = { ...defaults.execution, ...options.execution };
  const readinessConfig = { ...defaults.readiness, ...options.readiness };
  const admission = new AdmissionQueue(execution.heavyConcurrency, execution.heavyQueueLength);
  const apollo = createApolloServer(options.logger, {
    federation: options.federation ?? true,
    limits,
    posture: options.posture,
    admission,
    jit: options.jit ?? false,
    ...(options.responseCache ? { responseCache: options.responseCache } : {}),
  });
  await apollo.start();
  const readiness = new ReadinessProbe(
    options.store,
    { intervalMs: readinessConfig.probeIntervalMs, timeoutMs: readinessConfig.probeTimeoutMs, checks: options.readiness?.checks ?? [] },
    options.logger,
  );
  await readiness.start();
  const requests = new InFlightRequests();
  const app = createHttpApp(apollo, options.store, options.logger, {
    ideEnabled: options.ideEnabled ?? true,
    requests,
    posture: options.posture,
    limits,
    requestTimeoutMs: execution.requestTimeoutMs,
    maxResponseBytes: execution.maxResponseBytes,
    readiness,
    ...(options.authenticator ? { authenticator: options.authenticator } : {}),
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      // Requests whose clients hung up may still be executing: let them finish before the caller closes the store.
      if (!(await requests.drain(SHUTDOWN_GRACE_MS))) {
        options.logger.warn({ requests: requests.size }, `requests still running ${SHUTDOWN_GRACE_MS} ms after shutdown began`);
      }
      readiness.stop();
      await apollo.stop();
    },
  };
}
