import { SignJWT } from 'jose';
import type { JwtSettings } from './authSettings';
import type { Role } from './viewer';

/** Longest lifetime of a minted development token, seconds (30 days). */
export const MAX_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds in a lifetime written `<n>s`, `<n>m`, `<n>h` or `<n>d` (1 s to 30 days), or undefined when it is not one. */
export function parseTtl(text: string): number | undefined {
  const match = /^(\d{1,7})([smhd])$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  return seconds >= 1 && seconds <= MAX_TOKEN_TTL_SECONDS ? seconds : undefined;
}

/** What a minted token says. */
export interface TokenClaims {
  readonly subject: string;
  readonly role: Role;
  readonly ttlSeconds: number;
}

/**
 * Mints an HS256 token with AUTH_JWT_SECRET, for development and tests: the
 * configured issuer and audience, `sub`, the role in the configured role
 * claim, `iat` now and `exp` after `ttlSeconds`. Production tokens come from
 * an identity provider (RS256/ES256, AUTH_JWKS_FILE). Throws when no secret is set.
 */
export async function mintToken(settings: JwtSettings, claims: TokenClaims, now: Date = new Date()): Promise<string> {
  if (settings.secret === undefined) throw new Error('AUTH_JWT_SECRET is not set: there is no key to sign a token with.');
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ [settings.roleClaim]: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(claims.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + claims.ttlSeconds)
    .sign(new TextEncoder().encode(settings.secret));
}
