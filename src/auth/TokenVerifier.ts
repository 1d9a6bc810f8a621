import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { UnauthenticatedError } from '../errors';
import type { JwtSettings } from './authSettings';
import { loadJwksFile } from './jwksFile';
import { describeTokenError } from './describeTokenError';
import { ROLES, type Role, type Viewer } from './viewer';

/** Claims every accepted token carries (besides `iss` and `aud`, checked against the settings). */
export const REQUIRED_CLAIMS = ['sub', 'exp'] as const;
/** Longest `sub` accepted, in characters. */
export const MAX_SUBJECT_LENGTH = 256;

/** A compact JWS: three base64url parts (the signature part may be empty only for `alg: none`, refused later). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

type Verify = (token: string) => Promise<JWTPayload>;

/**
 * Verifies bearer tokens (JWT, with jose) and turns them into viewers:
 * HS256 with AUTH_JWT_SECRET, RS256/ES256 with the public keys of
 * AUTH_JWKS_FILE (each only when configured; the token's `alg` picks the
 * key, and no other algorithm is accepted, `none` included). A token is
 * accepted when its signature verifies, its `iss` and `aud` are the
 * configured ones, it has a `sub` and an `exp` not past (with the clock
 * tolerance), its `nbf` if any is reached, and its role claim
 * (AUTH_JWT_ROLE_CLAIM, default `role`) is `reader`, `editor` or `admin`.
 */
export class TokenVerifier {
  private constructor(
    private readonly settings: JwtSettings,
    private readonly byAlgorithm: ReadonlyMap<string, Verify>,
  ) {}

  /** Builds the verifier, reading and checking AUTH_JWKS_FILE when set (a ConfigError when it is bad). */
  static async create(settings: JwtSettings): Promise<TokenVerifier> {
    const options = {
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: settings.clockToleranceSeconds,
      requiredClaims: [...REQUIRED_CLAIMS],
    };
    const byAlgorithm = new Map<string, Verify>();
    if (settings.secret !== undefined) {
      const secret = new TextEncoder().encode(settings.secret);
      byAlgorithm.set('HS256', async (token) => (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload);
    }
    if (settings.jwksFile !== undefined) {
      const keys = createLocalJWKSet(await loadJwksFile(settings.jwksFile));
      for (const alg of ['RS256', 'ES256'] as const) {
        byAlgorithm.set(alg, async (token) => (await jwtVerify(token, keys, { ...options, algorithms: [alg] })).payload);
      }
    }
    return new TokenVerifier(settings, byAlgorithm);
  }

  /** True when some algorithm is configured (a secret or a JWKS file). */
  get enabled(): boolean {
    return this.byAlgorithm.size > 0;
  }

  /** The viewer `token` proves, or UNAUTHENTICATED saying what is wrong with it (never repeating the token). */
  async verify(token: string): Promise<Viewer> {
    if (!COMPACT_JWS.test(token)) throw new UnauthenticatedError('The bearer token is not a JWT (three base64url parts separated by dots).');
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new UnauthenticatedError('The bearer token is not a JWT: its header cannot be decoded.');
    }
    const verify = typeof alg === 'string' ? this.byAlgorithm.get(alg) : undefined;
    if (!verify) {
      const accepted = [...this.byAlgorithm.keys()].join(', ') || 'none';
      throw new UnauthenticatedError(`The bearer token is signed with ${JSON.stringify(alg ?? null)}; this server accepts ${accepted}.`);
    }
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      const message = describeTokenError(error, this.settings);
      if (message === undefined) throw error;
      throw new UnauthenticatedError(message);
    }
    return { subject: subjectOf(payload), role: this.roleOf(payload), via: 'token' };
  }

  /**
   * When a token {@link verify} accepted stops being accepted: its `exp` plus
   * the clock tolerance, in epoch milliseconds (undefined without `exp`).
   * For connections that outlive one request (live subscriptions).
   */
  acceptedUntil(token: string): number | undefined {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? (exp + this.settings.clockToleranceSeconds) * 1000 : undefined;
  }

  private roleOf(payload: JWTPayload): Role {
    const claim = this.settings.roleClaim;
    const role = payload[claim];
    if (role === undefined) throw new UnauthenticatedError(`The bearer token has no "${claim}" claim; it must name a role: ${ROLES.join(', ')}.`);
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      throw new UnauthenticatedError(`The bearer token's "${claim}" claim is ${JSON.stringify(role).slice(0, 100)}, not a role of this API: ${ROLES.join(', ')}.`);
    }
    return role as Role;
  }
}

function subjectOf(payload: JWTPayload): string {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_SUBJECT_LENGTH) {
    throw new UnauthenticatedError(`The bearer token's "sub" claim must be a non-empty string of at most ${MAX_SUBJECT_LENGTH} characters.`);
  }
  return sub;
}
