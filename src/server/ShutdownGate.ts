import type { RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { sendJsonError } from './errors/httpErrors';

/** HTTP status of a request refused because the server is shutting down. */
export const SHUTTING_DOWN_STATUS = 503;

/**
 * The HTTP side of shutdown. Until {@link close}, {@link middleware} (first
 * in the app) only notes the responses in progress. From {@link close} on:
 * - every response, those in progress included, carries `Connection: close`,
 *   so a keep-alive client cannot hold its connection (and the server's
 *   close) open by sending more requests on it;
 * - every new request but `GET /health` is refused with 503
 *   SERVICE_UNAVAILABLE and `Retry-After` (JSON, the GraphQL error shape),
 *   before it reaches Apollo or the store, and logged once at info level
 *   (the count is given by {@link refused}).
 */
export class ShutdownGate {
  private closing = false;
  private refusals = 0;
  private readonly inProgress = new Set<Response>();

  constructor(
    private readonly logger: Logger,
    readonly retryAfterSeconds = 1,
  ) {}

  /** Whether shutdown has begun. */
  get closed(): boolean {
    return this.closing;
  }

  /** Requests refused since shutdown began. */
  get refused(): number {
    return this.refusals;
  }

  readonly middleware: RequestHandler = (req, res, next) => {
    if (!this.closing) {
      this.inProgress.add(res);
      res.once('close', () => this.inProgress.delete(res));
      next();
      return;
    }
    res.setHeader('Connection', 'close');
    if (req.method === 'GET' && req.path === '/health') {
      next();
      return;
    }
    this.refusals += 1;
    if (this.refusals === 1) this.logger.info({ method: req.method, path: req.path }, 'refusing requests: the server is shutting down (503, Retry-After)');
    res.setHeader('Retry-After', String(this.retryAfterSeconds));
    sendJsonError(res, SHUTTING_DOWN_STATUS, `The server is shutting down; retry after ${this.retryAfterSeconds} s.`, ErrorCode.SERVICE_UNAVAILABLE, {
      retryAfterSeconds: this.retryAfterSeconds,
    });
  };

  /** Begins shutdown: refuse new requests, and close each connection once its response in progress is written. Idempotent. */
  close(): void {
    this.closing = true;
    for (const res of this.inProgress) if (!res.headersSent) res.setHeader('Connection', 'close');
    this.inProgress.clear();
  }
}
