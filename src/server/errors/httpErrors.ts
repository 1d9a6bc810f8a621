import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ErrorCode } from '../../errors';
import type { ClientErrorLog } from './ClientErrorLog';

/**
 * Writes an error the HTTP layer itself raises in the GraphQL error shape:
 * `{ "errors": [{ "message", "extensions": { "code" } }] }`, JSON, never a
 * stack or a path, whatever NODE_ENV is.
 */
export function sendJsonError(res: Response, status: number, message: string, code: string = ErrorCode.BAD_REQUEST, extensions: object = {}): void {
  res
    .status(status)
    .type('application/json; charset=utf-8')
    .set('X-Content-Type-Options', 'nosniff')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}

/** Errors of Express's JSON body parser (body-parser's `type` field) and what the client is told. */
const BODY_ERRORS: Readonly<Record<string, { status: number; message: (limit: unknown) => string }>> = {
  'entity.too.large': { status: 413, message: (limit) => `The request body is larger than the ${String(limit)} bytes accepted.` },
  'entity.parse.failed': { status: 400, message: () => 'The request body is not valid JSON.' },
  'encoding.unsupported': { status: 415, message: () => 'The request body has an unsupported content encoding.' },
  'charset.unsupported': { status: 415, message: () => 'The request body has an unsupported charset.' },
  'request.aborted': { status: 400, message: () => 'The request was aborted before its body arrived.' },
  'request.size.invalid': { status: 400, message: () => 'The request body does not match its Content-Length.' },
};

interface HttpishError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  limit?: unknown;
}

/**
 * The last error handler of the app: body-parser failures become their 4xx
 * (413 too large, 400 malformed JSON, 415 ...) with BAD_REQUEST; any other
 * 4xx keeps its status; everything else is a masked 500 logged at error level.
 * Client errors go to the throttled client-error log.
 */
export function jsonErrorHandler(log: ClientErrorLog, logger: { error(obj: object, msg: string): void }): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const info = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
    const known = typeof info.type === 'string' ? BODY_ERRORS[info.type] : undefined;
    const status = known?.status ?? (typeof info.status === 'number' ? info.status : typeof info.statusCode === 'number' ? info.statusCode : 500);
    if (status >= 400 && status < 500) {
      const message = known ? known.message(info.limit) : 'The request could not be read.';
      log.note(ErrorCode.BAD_REQUEST, message, { status });
      sendJsonError(res, status, message);
      return;
    }
    logger.error({ err: error }, 'internal error in the HTTP layer (masked for the client)');
    sendJsonError(res, 500, 'Internal server error', ErrorCode.INTERNAL_SERVER_ERROR);
  };
}

/** The fallback route: 404 in the GraphQL error shape, naming the endpoint. */
export function notFound(log: ClientErrorLog, graphqlPath: string): RequestHandler {
  return (req, res) => {
    const message = `Not found: ${req.method} ${req.path.slice(0, 100)}. The GraphQL endpoint is ${graphqlPath}.`;
    log.note(ErrorCode.BAD_REQUEST, 'route not found', { status: 404 });
    sendJsonError(res, 404, message);
  };
}
