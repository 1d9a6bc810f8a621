import type { Credentials } from '../../auth/Authenticator';
import { UnauthenticatedError } from '../../errors';

/**
 * The credentials of a live connection, from its `connection_init` payload
 * (a browser cannot set headers on a WebSocket): `{ authorization: 'Bearer <jwt>' }`
 * or `{ apiKey: '<key>' }`, the values the HTTP headers `Authorization` and
 * `X-API-Key` carry (the header names, in any case, are accepted too). No
 * payload or neither key: no credentials. A value that is not a string is
 * UNAUTHENTICATED, saying so.
 */
export function connectionCredentials(payload: Readonly<Record<string, unknown>> | undefined): Credentials {
  const found: { authorization?: unknown; apiKey?: unknown } = {};
  for (const [key, value] of Object.entries(payload ?? {})) {
    const name = key.toLowerCase();
    if (name === 'authorization') found.authorization = value;
    else if (name === 'apikey' || name === 'x-api-key') found.apiKey = value;
  }
  const text = (value: unknown, name: string): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new UnauthenticatedError(`connection_init payload "${name}" must be a string.`);
    return value;
  };
  return { authorization: text(found.authorization, 'authorization'), apiKey: text(found.apiKey, 'apiKey') };
}
