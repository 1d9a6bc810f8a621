import cors from 'cors';
import type { RequestHandler } from 'express';

/** Request headers a browser client of the API may send cross-origin (credentials included: see src/auth/). */
const ALLOWED_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name', 'authorization', 'x-api-key'];

/**
 * CORS for the GraphQL endpoint (the `cors` package): off when `origins` is
 * empty (no CORS headers; browsers then refuse cross-origin calls); otherwise
 * only the listed origins (exact `scheme://host[:port]`) get
 * `Access-Control-Allow-Origin`, for GET and POST, with the `Authorization`
 * and `X-API-Key` request headers allowed (no cookies: `credentials` stays off).
 * A preflight from another origin is answered 204 without those headers, so
 * the browser refuses the call.
 */
export function corsPolicy(origins: readonly string[]): RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
}
