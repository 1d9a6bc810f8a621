import fs from 'node:fs';
import { importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { ConfigError } from '../errors';

/** Signature algorithms of the public keys a JWKS file may hold, by key type. */
export const JWKS_ALGORITHMS = { RSA: 'RS256', EC: 'ES256' } as const;
export type JwksAlgorithm = (typeof JWKS_ALGORITHMS)[keyof typeof JWKS_ALGORITHMS];

/** Members that only private (or symmetric) keys have: a JWKS of verification keys must not hold them. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/**
 * Reads AUTH_JWKS_FILE: a JSON Web Key Set (RFC 7517, `{ "keys": [...] }`) of
 * public keys, each RSA (for RS256) or EC P-256 (for ES256), with `alg`
 * absent or matching. Every key is imported once here, so a key that cannot
 * verify anything stops the start. Throws a ConfigError naming the variable,
 * the file and the key (by `kid` or position). Read at start-up only: a
 * rotated key set takes effect at the next start.
 */
export async function loadJwksFile(file: string): Promise<JSONWebKeySet> {
  const where = `AUTH_JWKS_FILE="${file}"`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${where} cannot be read as JSON: ${(error as Error).message}`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new ConfigError(`${where} must hold a JSON Web Key Set with at least one key: { "keys": [...] }`);
  for (const [index, key] of keys.entries()) {
    const jwk = (typeof key === 'object' && key !== null ? key : {}) as JWK;
    const name = `key ${typeof jwk.kid === 'string' ? `"${jwk.kid.slice(0, 100)}"` : `#${index + 1}`}`;
    const algorithm = jwk.kty === 'RSA' ? JWKS_ALGORITHMS.RSA : jwk.kty === 'EC' ? JWKS_ALGORITHMS.EC : undefined;
    if (!algorithm) throw new ConfigError(`${where}: ${name} has kty ${JSON.stringify(jwk.kty)}; only RSA (RS256) and EC (ES256) public keys are accepted`);
    if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw new ConfigError(`${where}: ${name} holds private key material; publish only the public keys`);
    if (jwk.alg !== undefined && jwk.alg !== algorithm) throw new ConfigError(`${where}: ${name} has alg ${JSON.stringify(jwk.alg)}; a ${jwk.kty} key must be ${algorithm}`);
    if (jwk.kty === 'EC' && jwk.crv !== 'P-256') throw new ConfigError(`${where}: ${name} has crv ${JSON.stringify(jwk.crv)}; ES256 needs P-256`);
    try {
      await importJWK(jwk, algorithm);
    } catch (error) {
      throw new ConfigError(`${where}: ${name} is not a usable ${algorithm} public key: ${(error as Error).message}`);
    }
  }
  return { keys: keys as JWK[] };
}
