import { UnauthenticatedError } from '../errors';
import { ApiKeyStore } from './ApiKeyStore';
import { acceptsCredentials, type AuthConfig } from './authSettings';
import { TokenVerifier } from './TokenVerifier';
import type { Viewer } from './viewer';

/** The credentials a request carries: the raw `Authorization` and `X-API-Key` header values (empty counts as absent). */
export interface Credentials {
  readonly authorization: string | undefined;
  readonly apiKey: string | undefined;
}

/** `Bearer <token>`, the scheme in any case (RFC 9110 §11.1). */
const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Establishes who sent a request (the viewer that src/context.ts carries to
 * the resolvers), from `Authorization: Bearer <JWT>` (TokenVerifier) or
 * `X-API-Key: <key>` (ApiKeyStore):
 *
 * - valid credentials: their viewer;
 * - bad credentials (malformed, expired, bad signature, wrong issuer or
 *   audience, unknown role, unknown or revoked key, both headers at once, a
 *   kind this server is not configured for): UNAUTHENTICATED (401), the
 *   message saying what is wrong;
 * - no credentials: null (anonymous) when ANONYMOUS_READ is on, else
 *   UNAUTHENTICATED.
 *
 * A deployment configured for no kind of credentials ignores the headers
 * (every request is anonymous, as before authentication existed), so a
 * gateway forwarding its callers' headers does not break it.
 */
export class Authenticator {
  private constructor(
    private readonly anonymousRead: boolean,
    private readonly ignoreCredentials: boolean,
    private readonly tokens: TokenVerifier,
    private readonly keys: ApiKeyStore | undefined,
  ) {}

  /** Builds the authenticator, reading the JWKS and key files (a ConfigError naming the variable when one is bad). */
  static async create(auth: AuthConfig): Promise<Authenticator> {
    const tokens = await TokenVerifier.create(auth.jwt);
    const keys = auth.apiKeysFile !== undefined ? new ApiKeyStore(auth.apiKeysFile) : undefined;
    return new Authenticator(auth.anonymousRead, !acceptsCredentials(auth), tokens, keys);
  }

  /**
   * When credentials {@link viewerOf} accepted stop being accepted, in epoch
   * milliseconds: a bearer token's expiry (with the clock tolerance);
   * undefined for an API key (valid until revoked) and for none. For
   * connections that outlive one request (live subscriptions).
   */
  acceptedUntil(credentials: Credentials): number | undefined {
    if (this.ignoreCredentials || !credentials.authorization) return undefined;
    const token = BEARER.exec(credentials.authorization)?.[1];
    return token === undefined ? undefined : this.tokens.acceptedUntil(token);
  }

  /** The request's viewer, null when anonymous (allowed); throws UNAUTHENTICATED otherwise (see the class). */
  async viewerOf(credentials: Credentials): Promise<Viewer | null> {
    const authorization = this.ignoreCredentials ? undefined : credentials.authorization || undefined;
    const apiKey = this.ignoreCredentials ? undefined : credentials.apiKey || undefined;
    if (authorization !== undefined && apiKey !== undefined) {
      throw new UnauthenticatedError('Send one kind of credentials: Authorization or X-API-Key, not both.');
    }
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (token === undefined) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
      if (!this.tokens.enabled) throw new UnauthenticatedError('This server does not accept bearer tokens; use X-API-Key.');
      return this.tokens.verify(token);
    }
    if (apiKey !== undefined) {
      if (!this.keys) throw new UnauthenticatedError('This server does not accept API keys; use Authorization: Bearer <token>.');
      return this.keys.authenticate(apiKey.trim());
    }
    if (!this.anonymousRead) {
      throw new UnauthenticatedError('This server answers authenticated requests only: send Authorization: Bearer <token> or X-API-Key: <key>.');
    }
    return null;
  }
}
