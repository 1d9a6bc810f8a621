import { errors } from 'jose';
import type { JwtSettings } from './authSettings';

const numericDate = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000).toISOString() : 'an invalid time');

/**
 * What a client is told when jose refuses its token: expired, not yet valid,
 * bad signature, wrong issuer or audience, a missing claim, no matching key,
 * malformed. The expected issuer and audience are named (they are not
 * secret); the token and the secret never are. Returns undefined for an
 * error that is not about the token (a fault of the server, to be masked).
 */
export function describeTokenError(error: unknown, settings: Pick<JwtSettings, 'issuer' | 'audience'>): string | undefined {
  if (error instanceof errors.JWTExpired) return `The bearer token has expired (exp ${numericDate(error.payload.exp)}).`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The bearer token's signature does not verify: it was not signed with a key this server accepts, or it was altered.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = error;
    if (reason === 'missing') return `The bearer token has no "${claim}" claim.`;
    switch (claim) {
      case 'iss':
        return `The bearer token's issuer ("iss") is not "${settings.issuer}".`;
      case 'aud':
        return `The bearer token's audience ("aud") does not include "${settings.audience}".`;
      case 'nbf':
        return `The bearer token is not valid yet (nbf ${numericDate(payload.nbf)}).`;
      default:
        return `The bearer token's "${claim}" claim is not valid.`;
    }
  }
  if (error instanceof errors.JWKSNoMatchingKey) return "No key of this server matches the bearer token's signing key (its \"kid\").";
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'The bearer token names no key ("kid") and several keys of this server could verify it.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The bearer token is signed with an algorithm this server does not accept.';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return 'The bearer token is not a well-formed signed JWT.';
  }
  return undefined;
}
