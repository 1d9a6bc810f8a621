import type { IncomingMessage } from 'node:http';
import type { Credentials } from './Authenticator';

/**
 * The credentials headers of an HTTP request. Node keeps the first of
 * repeated `Authorization` headers and joins repeated `X-API-Key` headers
 * with ", " (which is then no key).
 */
export function credentialsOf(request: Pick<IncomingMessage, 'headers'>): Credentials {
  const apiKey = request.headers['x-api-key'];
  return {
    authorization: request.headers.authorization,
    apiKey: Array.isArray(apiKey) ? apiKey.join(', ') : apiKey,
  };
}
