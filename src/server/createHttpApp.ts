import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { InFlightRequests } from './InFlightRequests';
import type { Authenticator } from '../auth/Authenticator';
import { credentialsOf } from '../auth/credentialsOf';
import express, { type Express } from 'express';
import { createContext, type Context } from '../context';
import type { Logger } from '../logger';
import type { GraphStore } from '../store/port';
import { mountPages } from './mountPages';
import type { ExportConfig, OperationLimits, Posture } from '../config';
import { exportRoute } from './export/exportRoute';
import { tokenGate } from './limits/tokenGate';
import { ClientErrorLog } from './errors/ClientErrorLog';
import { jsonErrorHandler, notFound } from './errors/httpErrors';
import { corsPolicy } from './posture/corsPolicy';
import { graphqlHeaders } from './posture/graphqlHeaders';
import { loadTrustedDocuments, trustedDocumentsGate } from './posture/trustedDocuments';
import { capResponseSize } from './deadline/capResponseSize';
import { RequestDeadline } from './deadline/RequestDeadline';
import type { ReadinessProbe } from './readiness/ReadinessProbe';
import type { ShutdownGate } from './ShutdownGate';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * The HTTP application: `POST`/`GET /graphql` (GraphQL over HTTP),
 * `GET /health` (the process is alive) and `GET /ready` (the store answers).
 * The Apollo server must be started before requests arrive. GraphQL requests
 * are tracked in `options.requests` until they finish executing.
 * `options.posture` adds CORS for its origins and the trusted-documents gate;
 * `/graphql` answers carry `nosniff` and `Cache-Control: no-store`; every error
 * the HTTP layer writes (404, 413, malformed JSON...) is JSON in the GraphQL
 * error shape (src/server/errors/httpErrors.ts). Each request runs under a deadline of `options.requestTimeoutMs` (aborted early when its
 * client goes away) and answers at most `options.maxResponseBytes`. With
 * `options.readiness`, /ready answers from that background probe at once.
 * `options.authenticator` establishes each GraphQL request's viewer from its
 * `Authorization` or `X-API-Key` header before anything else runs; bad
 * credentials (or none, when anonymous reading is off) get 401
 * UNAUTHENTICATED in the GraphQL error shape. Without it every request is
 * anonymous (viewer null). /health, /ready and the pages never ask for credentials.
 * `options.clientErrors` is the server's one client-error log (shared with
 * Apollo's error formatter); `options.shutdown` refuses requests once the
 * server is shutting down. `options.exports` serves `GET /export/<file>`
 * (src/server/export/exportRoute.ts), the graph and the records as CSV and
 * JSON, with the same credentials as reads.
 */
export function createHttpApp(
  apollo: ApolloServer<Context>,
  store: GraphStore,
  logger: Logger,
  options: {
    ideEnabled?: boolean;
    requests?: InFlightRequests;
    posture?: Posture;
    limits?: OperationLimits;
    requestTimeoutMs?: number;
    maxResponseBytes?: number;
    readiness?: ReadinessProbe;
    authenticator?: Authenticator;
    clientErrors?: ClientErrorLog;
    shutdown?: ShutdownGate;
    exports?: ExportConfig;
  } = {},
): Express {
  const requests = options.requests ?? new InFlightRequests();
  const clientErrors = options.clientErrors ?? new ClientErrorLog(logger);
  const cors = corsPolicy(options.posture?.corsOrigins ?? []);
  const trustedFile = options.posture?.trustedDocuments;
  const trusted = trustedFile ? trustedDocumentsGate(loadTrustedDocuments(trustedFile), options.posture?.trustedDocumentsOnly ?? false, clientErrors) : undefined;
  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      // Thrown errors (UNAUTHENTICATED) answer the request with their status, 401, before any work starts.
      const viewer = options.authenticator ? await options.authenticator.viewerOf(credentialsOf(req)) : null;
      const deadline = options.requestTimeoutMs ? RequestDeadline.start(options.requestTimeoutMs) : RequestDeadline.unbounded();
      deadline.watch(res);
      const context = createContext(store, logger, deadline, viewer);
      // Shutdown also waits for store calls still running after the answer went (cut at the deadline, client gone).
      requests.track(new Promise<void>((resolve) => res.once('close', () => void context.storeIdle().then(resolve))));
      return context;
    },
  });
  const app = express();
  app.disable('x-powered-by');
  if (options.shutdown) app.use(options.shutdown.middleware);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const { readiness } = options;
  app.get('/ready', async (_req, res) => {
    if (readiness) {
      const ready = readiness.status.ready;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', store: store.name });
      return;
    }
    try {
      await store.ping();
      res.json({ status: 'ready', store: store.name });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', store: store.name });
    }
  });

  if (options.exports) {
    app.get(
      '/export/:file',
      ...(cors ? [cors] : []),
      exportRoute({
        store,
        logger,
        clientErrors,
        config: options.exports,
        requests,
        ...(options.authenticator ? { authenticator: options.authenticator } : {}),
      }),
    );
  }

  mountPages(app, { ideEnabled: options.ideEnabled ?? true, graphqlPath: '/graphql' });

  app.use(
    '/graphql',
    graphqlHeaders,
    ...(cors ? [cors] : []),
    express.json({ limit: MAX_BODY_BYTES }),
    ...(options.limits ? [tokenGate(options.limits.maxTokens, clientErrors)] : []),
    ...(trusted ? [trusted] : []),
    ...(options.maxResponseBytes ? [capResponseSize(options.maxResponseBytes)] : []),
    (req, res, next) => requests.track(Promise.resolve(graphql(req, res, next))),
  );

  app.use(notFound(clientErrors, '/graphql'));
  app.use(jsonErrorHandler(clientErrors, logger));
  return app;
}
