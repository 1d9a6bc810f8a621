import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import type { GraphStore } from '../store/port';
import { createApolloServer } from './createApolloServer';
import { createHttpApp } from './createHttpApp';
import { InFlightRequests } from './InFlightRequests';
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
  /** Answer repeated queries from memory (see responseCachePlugin); off when absent. */
  readonly responseCache?: ResponseCacheOptions;
  /** Execute with graphql-jit (see jitGateway); default false. */
  readonly jit?: boolean;
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
  const apollo = createApolloServer(options.logger, {
    federation: options.federation ?? true,
    jit: options.jit ?? false,
    ...(options.responseCache ? { responseCache: options.responseCache } : {}),
  });
  await apollo.start();
  const requests = new InFlightRequests();
  const app = createHttpApp(apollo, options.store, options.logger, { ideEnabled: options.ideEnabled ?? true, requests });
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
      await apollo.stop();
    },
  };
}
