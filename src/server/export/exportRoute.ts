import { once } from 'node:events';
import type { RequestHandler, Response } from 'express';
import type { Authenticator } from '../../auth/Authenticator';
import { credentialsOf } from '../../auth/credentialsOf';
import type { ExportConfig } from '../../config';
import { ErrorCode, StoreOverloadedError, StoreTimeoutError, StoreUnavailableError, UnauthenticatedError } from '../../errors';
import { EXPORT_FILES, EXPORT_MEDIA_TYPES, exportFileChunks, formatOf, isExportFileName, type ExportFileName } from '../../export/exportFormats';
import { EXPORT_PAGE_SIZE } from '../../export/exportTables';
import type { Logger } from '../../logger';
import { isIsoDate } from '../../model/recordRules';
import { limitStoreCalls } from '../../store/limitStoreCalls';
import type { GraphStore } from '../../store/port';
import type { ClientErrorLog } from '../errors/ClientErrorLog';
import { sendJsonError } from '../errors/httpErrors';
import { RequestDeadline } from '../deadline/RequestDeadline';
import type { InFlightRequests } from '../InFlightRequests';
import { ExportSlots } from './ExportSlots';

/** Seconds a refused export is told to wait (Retry-After). */
export const EXPORT_RETRY_AFTER_SECONDS = 5;

/** What the export route needs from the server. */
export interface ExportRouteOptions {
  readonly store: GraphStore;
  readonly logger: Logger;
  readonly clientErrors: ClientErrorLog;
  readonly config: ExportConfig;
  /** Establishes the caller as for GraphQL reads; absent: every export is anonymous. */
  readonly authenticator?: Authenticator;
  /** Shutdown waits for exports still streaming. */
  readonly requests?: InFlightRequests;
  /** Rows per port call (tests make it small to cross page boundaries). */
  readonly pageSize?: number;
}

/** `2026-12-02`: today's date in UTC. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The status and error code of a store failure before the answer started. */
function failureOf(error: unknown): { status: number; code: ErrorCode; message: string } {
  if (error instanceof StoreTimeoutError) return { status: 504, code: ErrorCode.DEADLINE_EXCEEDED, message: `The export stopped: ${error.message}` };
  if (error instanceof StoreOverloadedError) return { status: 503, code: ErrorCode.OVERLOADED, message: 'The store has no room for the export now; retry later.' };
  if (error instanceof StoreUnavailableError) return { status: 503, code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The store is unavailable.' };
  return { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
}

/** Writes `chunk`, waiting for the socket to drain when its buffer is full; false when the response closed meanwhile. */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

/**
 * `GET /export/<file>`: the graph and the records of implementation for
 * analysts, one of {@link EXPORT_FILES} (`graph.json`, `nodes.csv`,
 * `relationships.csv`, `actuals.csv`, `task-reports.csv`, `progress.csv` and
 * the `.json` of each; `?asOf=YYYY-MM-DD` sets progress's date, default today).
 *
 * - The caller is established as for GraphQL reads (bad credentials, or none
 *   when ANONYMOUS_READ=false: 401 UNAUTHENTICATED with WWW-Authenticate).
 * - At most EXPORT_CONCURRENCY exports stream at once; one more gets 503
 *   OVERLOADED with Retry-After at once.
 * - The answer is streamed as it is read through the port, a page per call,
 *   each call at 'bulk' priority under the export's deadline
 *   (EXPORT_TIMEOUT_MS) and abort signal: a client that goes away stops the
 *   reads. A store failure before the first page answers its JSON error
 *   (503, 504); one after the answer began cuts the connection, so the
 *   client sees an incomplete transfer rather than a short file.
 * - CSV is UTF-8 with a byte order mark, a header record and RFC 4180
 *   quoting, formula-like cells guarded (src/export/csvCell.ts); every answer
 *   names its file in Content-Disposition.
 */
export function exportRoute(options: ExportRouteOptions): RequestHandler {
  const slots = new ExportSlots(options.config.concurrency);
  const { store, logger, clientErrors } = options;
  return async (req, res) => {
    const file = String(req.params.file ?? '');
    if (!isExportFileName(file)) {
      clientErrors.note(ErrorCode.BAD_REQUEST, 'unknown export file', { status: 404 });
      sendJsonError(res, 404, `Not found: /export/${file.slice(0, 60)}. The exports are ${EXPORT_FILES.map((f) => `/export/${f}`).join(', ')}.`);
      return;
    }
    const asOfParam = req.query.asOf;
    if (asOfParam !== undefined && !isIsoDate(asOfParam)) {
      clientErrors.note(ErrorCode.BAD_USER_INPUT, 'bad export asOf', { status: 400 });
      sendJsonError(res, 400, `asOf must be a date written YYYY-MM-DD; got ${JSON.stringify(String(asOfParam).slice(0, 40))}.`, ErrorCode.BAD_USER_INPUT, { argument: 'asOf' });
      return;
    }
    try {
      if (options.authenticator) await options.authenticator.viewerOf(credentialsOf(req));
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      clientErrors.note(ErrorCode.UNAUTHENTICATED, error.message, { status: 401 });
      res.setHeader('WWW-Authenticate', 'Bearer realm="graphql"');
      sendJsonError(res, 401, error.message, ErrorCode.UNAUTHENTICATED);
      return;
    }
    const release = slots.tryAcquire();
    if (!release) {
      clientErrors.note(ErrorCode.OVERLOADED, 'exports full', { status: 503 });
      res.setHeader('Retry-After', String(EXPORT_RETRY_AFTER_SECONDS));
      sendJsonError(
        res,
        503,
        `${slots.size} exports are running, the most this server streams at once (EXPORT_CONCURRENCY); retry after ${EXPORT_RETRY_AFTER_SECONDS} s.`,
        ErrorCode.OVERLOADED,
        { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS },
      );
      return;
    }
    const work = stream(res, file, asOfParam ?? today()).finally(release);
    await (options.requests ? options.requests.track(work) : work);
  };

  async function stream(res: Response, file: ExportFileName, asOf: string): Promise<void> {
    const deadline = RequestDeadline.start(options.config.timeoutMs);
    deadline.watch(res);
    const limited = limitStoreCalls(store, { ...deadline.callOptions, priority: 'bulk' }, () => deadline.describe());
    const started = Date.now();
    const chunks = exportFileChunks(file, limited.store, { call: { priority: 'bulk' }, pageSize: options.pageSize ?? EXPORT_PAGE_SIZE, asOf }, new Date().toISOString());
    let began = false;
    let bytes = 0;
    try {
      // The opening text and the first page are read before the status is sent: a store that fails at once gets its own status.
      const head = [await chunks.next(), await chunks.next()];
      res.status(200);
      res.setHeader('Content-Type', EXPORT_MEDIA_TYPES[formatOf(file)]);
      res.setHeader('Content-Disposition', `attachment; filename="plan-${today()}-${file}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      began = true;
      for (const part of head) {
        if (part.done) continue;
        bytes += Buffer.byteLength(part.value);
        if (!(await write(res, part.value))) return;
      }
      if (head.every((part) => !part.done)) {
        for await (const chunk of chunks) {
          bytes += Buffer.byteLength(chunk);
          if (!(await write(res, chunk))) return;
        }
      }
      res.end();
      logger.info({ file, bytes, ms: Date.now() - started }, 'export sent');
    } catch (error) {
      if (deadline.reason === 'disconnected') {
        logger.info({ file, bytes }, 'export stopped: the client went away');
      } else if (!began) {
        const failure = failureOf(error);
        if (failure.status === 500) logger.error({ err: error, file }, 'export failed');
        else logger.warn({ err: error, file }, 'export failed');
        sendJsonError(res, failure.status, failure.message, failure.code);
      } else {
        logger.warn({ err: error, file, bytes }, 'export cut short after it began: closing the connection');
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    } finally {
      await chunks.return(undefined);
      deadline.dispose();
      await limited.idle();
    }
  }
}
