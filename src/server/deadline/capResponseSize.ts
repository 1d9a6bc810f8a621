import type { RequestHandler } from 'express';
import { ErrorCode } from '../../errors';

/** HTTP status of an answer replaced because it was larger than the cap. */
export const RESPONSE_TOO_LARGE_STATUS = 400;

/**
 * Express middleware capping the size of a GraphQL answer: a body larger than
 * `maxBytes` (UTF-8) is replaced, before anything is written, by one
 * RESPONSE_TOO_LARGE error naming the size and the limit (HTTP 400). It
 * measures the string Apollo serialised (no second serialisation); the
 * answer was built in memory by then, so this is the backstop, not the bound
 * on work (the deadline and the operation limits are).
 */
export function capResponseSize(maxBytes: number): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      // A UTF-16 unit is 1 to 3 UTF-8 bytes: measure only when the length alone cannot decide.
      if (typeof body === 'string' && body.length * 3 > maxBytes) {
        const bytes = body.length > maxBytes ? body.length : Buffer.byteLength(body);
        if (bytes > maxBytes) {
          res.status(RESPONSE_TOO_LARGE_STATUS);
          res.removeHeader('content-length');
          return send(
            JSON.stringify({
              errors: [
                {
                  message: `The answer is larger than the server sends: at least ${bytes} bytes, the maximum is ${maxBytes} (MAX_RESPONSE_BYTES). Ask for less: smaller pages, fewer fields or aliases.`,
                  extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, bytes, maxBytes },
                },
              ],
            }),
          );
        }
      }
      return send(body);
    };
    next();
  };
}
