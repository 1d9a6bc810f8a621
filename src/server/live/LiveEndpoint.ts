import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type ConnectionInitMessage } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../../auth/Authenticator';
import type { Viewer } from '../../auth/viewer';
import type { LiveConfig } from '../../config';
import { createContext } from '../../context';
import { createErrorFormatter, ErrorCode, OperationLimitError, UnauthenticatedError } from '../../errors';
import type { LiveSource } from '../../live/LiveSource';
import type { Logger } from '../../logger';
import type { GraphStore } from '../../store/port';
import { RequestDeadline } from '../deadline/RequestDeadline';
import type { ClientErrorLog } from '../errors/ClientErrorLog';
import { formatClientErrors } from '../errors/formatClientErrors';
import type { OperationAnalyser } from '../limits/OperationAnalyser';
import { checkLiveOperation, type LivePayload, type TrustedPosture } from './checkLiveOperation';
import { connectionCredentials } from './connectionCredentials';

/** The path live connections upgrade on: the API's own. */
export const LIVE_PATH = '/graphql';

/** Close code of a connection refused for its credentials (graphql-ws's Unauthorized). */
export const CLOSE_UNAUTHORIZED = CloseCode.Unauthorized;
/** Close code and reason of the connections closed at shutdown. */
const GOING_AWAY = 1001;
/** How long close() lets clients answer the close handshake before it cuts their sockets. */
const CLOSE_GRACE_MS = 1000;

/** What the endpoint keeps of each connection. */
interface Extra {
  readonly socket: WebSocket;
  viewer: Viewer | null;
}

/** Options of {@link LiveEndpoint}. */
export interface LiveEndpointOptions {
  readonly schema: GraphQLSchema;
  /** The store the server serves (through which the writes are published to the live source's feed). */
  readonly store: GraphStore;
  readonly live: LiveSource;
  readonly logger: Logger;
  readonly config: LiveConfig;
  /** The analyser of the operation limits, serving subscriptions (see OperationAnalyser). */
  readonly analyser: OperationAnalyser;
  readonly clientErrors: ClientErrorLog;
  readonly trusted?: TrustedPosture;
  /** Origins besides the server's own whose pages may open live connections (CORS_ORIGINS). */
  readonly corsOrigins?: readonly string[];
  /** Absent: every connection is anonymous (as for HTTP). */
  readonly authenticator?: Authenticator;
}

/** The limit of a UTF-8 close reason (RFC 6455 §5.5: 125 bytes of payload, 2 of them the code). */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = `${reason.slice(0, -2)}…`;
  return reason;
}

/** Writes a refusal of an upgrade as an HTTP answer in the GraphQL error shape, then closes the socket. */
function refuseUpgrade(socket: Duplex, status: number, statusText: string, message: string, code: string, retryAfterSeconds?: number): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  const headers = [
    `HTTP/1.1 ${status} ${statusText}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(retryAfterSeconds !== undefined ? [`Retry-After: ${retryAfterSeconds}`] : []),
    'Connection: close',
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * GraphQL subscriptions over WebSocket on the API's path (/graphql), with the
 * graphql-transport-ws protocol of graphql-ws (its protocol core, bound here
 * to the `ws` server; https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md).
 *
 * - Upgrades: only on /graphql; from a browser page, only the server's own
 *   and those of CORS_ORIGINS (403 otherwise); refused with HTTP 503
 *   (Retry-After) while shutting down or when LIVE_MAX_CONNECTIONS are open.
 * - Authentication: the same rules as HTTP (src/auth/), from the
 *   `connection_init` payload (see connectionCredentials): refused
 *   credentials, or none when anonymous reading is off, close the connection
 *   with 4401 and the reason; no `connection_init` within
 *   LIVE_INIT_TIMEOUT_MS closes it with 4408; a subscribe before it, 4401.
 * - Messages: larger than LIVE_MAX_MESSAGE_BYTES close the connection (1009);
 *   bad JSON or an unknown message type, 4400 (graphql-ws).
 * - Operations: checked like HTTP ones (checkLiveOperation), and at most
 *   LIVE_MAX_SUBSCRIPTIONS at once per connection (OPERATION_LIMIT_EXCEEDED).
 *   Errors are formatted and masked as over HTTP (src/errors.ts).
 * - The server pings every LIVE_KEEPALIVE_MS; a client that has not answered
 *   by the next ping is dropped.
 * - {@link close} (shutdown) closes every connection with 1001.
 */
export class LiveEndpoint {
  private readonly wss: WebSocketServer;
  private readonly server: ReturnType<LiveEndpoint['createServer']>;
  private readonly formatError: ReturnType<typeof formatClientErrors>;
  private readonly sockets = new Set<WebSocket>();
  private closing = false;

  constructor(private readonly options: LiveEndpointOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.config.maxMessageBytes,
      handleProtocols: (protocols) => handleProtocols(protocols),
      // Compression costs memory per connection and invites compression bombs; messages are small.
      perMessageDeflate: false,
    });
    this.formatError = formatClientErrors(createErrorFormatter(options.logger), options.clientErrors);
    this.server = this.createServer();
  }

  /** Connections open now. */
  get connections(): number {
    return this.sockets.size;
  }

  /** The HTTP server's `upgrade` listener. */
  readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?')[0];
    if (path !== LIVE_PATH) {
      refuseUpgrade(socket, 404, 'Not Found', `No WebSocket endpoint at ${path}; subscriptions are served at ${LIVE_PATH}.`, ErrorCode.BAD_REQUEST);
      return;
    }
    const { origin } = request.headers;
    if (origin !== undefined && !this.allows(origin, request.headers.host)) {
      this.options.clientErrors.note(ErrorCode.FORBIDDEN, 'live connection from another origin', { origin: origin.slice(0, 200) });
      refuseUpgrade(socket, 403, 'Forbidden', `Pages of ${origin.slice(0, 200)} may not open live connections: only the server's own pages and CORS_ORIGINS may.`, ErrorCode.FORBIDDEN);
      return;
    }
    if (this.closing) {
      refuseUpgrade(socket, 503, 'Service Unavailable', 'The server is shutting down; retry after 1 s.', ErrorCode.SERVICE_UNAVAILABLE, 1);
      return;
    }
    const { maxConnections } = this.options.config;
    if (this.sockets.size >= maxConnections) {
      this.options.clientErrors.note(ErrorCode.OVERLOADED, 'live connections at LIVE_MAX_CONNECTIONS');
      refuseUpgrade(socket, 503, 'Service Unavailable', `The server holds its maximum of ${maxConnections} live connections (LIVE_MAX_CONNECTIONS); retry later.`, ErrorCode.OVERLOADED, 5);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.serve(ws));
  };

  /**
   * Whether a browser page of `origin` may open a live connection: the
   * server's own pages (same host) and CORS_ORIGINS. Browsers apply no CORS
   * to WebSockets, so without this any page a visitor opens could read the
   * API through the visitor's network position (an intranet server with
   * anonymous reading on). Clients that send no Origin (not browsers) pass.
   */
  private allows(origin: string, host: string | undefined): boolean {
    if (this.options.corsOrigins?.includes(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  /** Closes every connection (1001) and refuses new ones; resolves once they are closed (cut after a grace). Idempotent. */
  async close(): Promise<void> {
    this.closing = true;
    const open = [...this.sockets];
    await Promise.all(
      open.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === ws.CLOSED) return resolve();
            const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            ws.close(GOING_AWAY, 'The server is shutting down');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private createServer() {
    return makeServer<ConnectionInitMessage['payload'], Extra>({
      connectionInitWaitTimeout: this.options.config.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        try {
          const credentials = connectionCredentials(ctx.connectionParams);
          ctx.extra.viewer = this.options.authenticator ? await this.options.authenticator.viewerOf(credentials) : null;
          return true;
        } catch (error) {
          if (!(error instanceof UnauthenticatedError)) throw error;
          this.options.clientErrors.note(ErrorCode.UNAUTHENTICATED, error.message, { transport: 'websocket' });
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, closeReason(`Unauthorized: ${error.message}`));
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const running = Object.keys(ctx.subscriptions).length;
        const { maxSubscriptionsPerConnection } = this.options.config;
        if (running > maxSubscriptionsPerConnection) {
          return [new OperationLimitError('subscriptions on this connection', running, maxSubscriptionsPerConnection, 'LIVE_MAX_SUBSCRIPTIONS')];
        }
        const checked = checkLiveOperation(this.options.schema, this.options.analyser, this.options.trusted, payload as LivePayload);
        if (!('document' in checked)) return checked;
        return {
          schema: this.options.schema,
          document: checked.document,
          ...(checked.operationName ? { operationName: checked.operationName } : {}),
          ...(checked.variables ? { variableValues: checked.variables } : {}),
          // A subscription lives long: no request deadline (each store read has the store's own statement timeout).
          contextValue: createContext(this.options.store, this.options.logger, RequestDeadline.unbounded(), ctx.extra.viewer, this.options.live),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: this.format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => this.format(errors),
    });
  }


  private format(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((error) => this.formatError(error.toJSON(), error instanceof GraphQLError ? error : new GraphQLError(String(error))));
  }

  /** Binds one accepted WebSocket to the protocol (after graphql-ws's own `useServer` for `ws`, with our logger). */
  private serve(ws: WebSocket): void {
    const { logger } = this.options;
    this.sockets.add(ws);
    ws.once('error', (error) => {
      logger.warn({ err: error }, 'live connection error');
      ws.terminate();
    });
    let answered = true;
    const keepAlive = setInterval(() => {
      if (!answered) {
        ws.terminate();
        return;
      }
      answered = false;
      ws.ping();
    }, this.options.config.keepAliveMs);
    ws.on('pong', () => {
      answered = true;
    });
    const closed = this.server.opened(
      {
        protocol: ws.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (ws.readyState !== ws.OPEN) return resolve();
            ws.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => ws.close(code, reason),
        onMessage: (handle) =>
          ws.on('message', (data: Buffer) => {
            handle(data.toString('utf8')).catch((error: unknown) => {
              logger.error({ err: error }, 'internal error on a live connection');
              if (ws.readyState === ws.OPEN) ws.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket: ws, viewer: null },
    );
    ws.once('close', (code, reason) => {
      clearInterval(keepAlive);
      this.sockets.delete(ws);
      void closed(code, reason.toString('utf8'));
    });
  }
}
