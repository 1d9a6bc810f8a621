import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authenticator } from '../auth/Authenticator';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { ChangeFeed } from '../live/ChangeFeed';
import { createLiveSource } from '../live/LiveSource';
import { publishCommittedChanges } from '../live/publishCommittedChanges';
import { buildSchema } from '../schema';
import type { GraphStore } from '../store/port';
import { createApolloServer } from './createApolloServer';
import { createHttpApp } from './createHttpApp';
import { InFlightRequests } from './InFlightRequests';
import { AdmissionQueue } from './admission/AdmissionQueue';
import { ClientErrorLog } from './errors/ClientErrorLog';
import { ReadinessProbe, type ReadinessCheck } from './readiness/ReadinessProbe';
import type { ResponseCacheOptions } from './responseCachePlugin';
import { ShutdownGate } from './ShutdownGate';
import { OperationAnalyser } from './limits/OperationAnalyser';
import { LiveEndpoint } from './live/LiveEndpoint';
import { loadTrustedDocuments } from './posture/trustedDocuments';

/** The settings of the one Config (src/config.ts, read once at start-up) the server uses. */
export type ServerConfig = Pick<Config, 'port' | 'host' | 'federation' | 'ideEnabled' | 'limits' | 'posture' | 'execution' | 'readiness' | 'jit' | 'live' | 'exports'>;

/** Options of {@link startServer}. */
export interface StartServerOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  /** The configuration (port 0 picks a free port). */
  readonly config: ServerConfig;
  /** Checks the readiness probe runs besides its store read (e.g. the data directory is still there). */
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** Answer repeated queries from memory (see responseCachePlugin); off when absent. */
  readonly responseCache?: ResponseCacheOptions;
  /** Establishes each request's viewer (src/auth/); absent: every request is anonymous. */
  readonly authenticator?: Authenticator;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly port: number;
  /** The feed of the writes committed through this server, which live subscriptions hear. */
  readonly changes: ChangeFeed;
  /** The live endpoint (subscriptions over WebSocket at /graphql). */
  readonly live: LiveEndpoint;
  /**
   * Shuts down: refuses new requests at once (503 SERVICE_UNAVAILABLE with
   * Retry-After, see ShutdownGate) and stops listening, closes the live
   * connections (1001, see LiveEndpoint) and refuses new ones, waits (up to
   * SHUTDOWN_GRACE_MS) for GraphQL requests still executing, stops the
   * readiness probe, closes every connection left (keep-alive ones included:
   * a client polling on one cannot hold the server open), then stops Apollo.
   * The store is the caller's to close afterwards. Idempotent.
   */
  stop(): Promise<void>;
}

/** How long stop() waits for executing requests before going on. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** How long stop() lets answered connections close by themselves before it closes them. */
const CONNECTION_GRACE_MS = 1_000;

/**
 * Starts Apollo and the HTTP server on the configured host and port, and the
 * live endpoint (GraphQL subscriptions over WebSocket) on the same server and
 * path. Writes committed through the server are published to its
 * {@link ChangeFeed} (see publishCommittedChanges).
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const { execution } = config;
  const changes = new ChangeFeed();
  const store = publishCommittedChanges(options.store, changes);
  const schema = buildSchema({ federation: config.federation });
  const admission = new AdmissionQueue(execution.heavyConcurrency, execution.heavyQueueLength);
  const clientErrors = new ClientErrorLog(logger);
  const apollo = createApolloServer(logger, {
    federation: config.federation,
    limits: config.limits,
    posture: config.posture,
    clientErrors,
    admission,
    jit: config.jit,
    schema,
    ...(options.responseCache ? { responseCache: options.responseCache } : {}),
  });
  await apollo.start();
  const readiness = new ReadinessProbe(
    store,
    { intervalMs: config.readiness.probeIntervalMs, timeoutMs: config.readiness.probeTimeoutMs, checks: options.readinessChecks ?? [] },
    logger,
  );
  await readiness.start();
  const requests = new InFlightRequests();
  const shutdown = new ShutdownGate(logger);
  const app = createHttpApp(apollo, store, logger, {
    ideEnabled: config.ideEnabled,
    requests,
    posture: config.posture,
    limits: config.limits,
    requestTimeoutMs: execution.requestTimeoutMs,
    maxResponseBytes: execution.maxResponseBytes,
    readiness,
    clientErrors,
    shutdown,
    exports: config.exports,
    ...(options.authenticator ? { authenticator: options.authenticator } : {}),
  });
  const server = http.createServer(app);
  const trustedFile = config.posture.trustedDocuments;
  const live = new LiveEndpoint({
    schema,
    store,
    // Built before any subscription listens to the feed (see SharedReads).
    live: createLiveSource(store, changes),
    logger,
    config: config.live,
    analyser: new OperationAnalyser(config.limits, true),
    clientErrors,
    corsOrigins: config.posture.corsOrigins,
    ...(trustedFile ? { trusted: { documents: loadTrustedDocuments(trustedFile), only: config.posture.trustedDocumentsOnly } } : {}),
    ...(options.authenticator ? { authenticator: options.authenticator } : {}),
  });
  server.on('upgrade', live.upgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  const stopOnce = async (): Promise<void> => {
    shutdown.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Live connections would hold the server open: they close first (their clients reconnect elsewhere).
    await live.close();
    // Requests whose clients hung up may still be executing: let them finish before the caller closes the store.
    if (!(await requests.drain(SHUTDOWN_GRACE_MS))) {
      logger.warn({ requests: requests.size }, `requests still running ${SHUTDOWN_GRACE_MS} ms after shutdown began`);
    }
    await readiness.stop();
    // Answers went out with `Connection: close`; what is left is idle, or a client that never finishes a request.
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), CONNECTION_GRACE_MS);
    await closed;
    clearTimeout(timer);
    await apollo.stop();
    if (shutdown.refused > 0) logger.info({ refused: shutdown.refused }, 'requests refused while shutting down');
  };
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    changes,
    live,
    stop: () => (stopping ??= stopOnce()),
  };
}
