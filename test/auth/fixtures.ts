import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { loadConfig } from '../../src/config';
import type { AuthConfig } from '../../src/auth/authSettings';

/** A 48-byte test secret (only for these tests). */
export const TEST_SECRET = 'test-secret-of-the-auth-suites-0123456789-abcdef';

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-auth-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The auth settings loadConfig reads from `env` (so the tests use the real defaults and checks). */
export function authConfig(env: Record<string, string>): AuthConfig {
  return loadConfig(env).auth;
}

/** Seconds since the epoch, now. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A token with any header algorithm and claims, signed with `key` (a secret's bytes or a private key). */
export async function signToken(claims: JWTPayload, key: Uint8Array | CryptoKey, header: { alg: string; kid?: string } = { alg: 'HS256' }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}

/** The claims of a token the default settings accept: default issuer and audience, `sub`, `role`, 1 h left. */
export function goodClaims(overrides: JWTPayload = {}): JWTPayload {
  return { iss: 'plan-knowledge-graph', aud: 'plan-knowledge-graph', sub: 'alice', role: 'editor', iat: nowSeconds(), exp: nowSeconds() + 3600, ...overrides };
}

export const secretBytes = (secret: string = TEST_SECRET): Uint8Array => new TextEncoder().encode(secret);

/** A key pair of `alg` whose public half is written to `file` as a JWKS (kid `kid`); returns the private key. */
export async function writeJwks(file: string, alg: 'RS256' | 'ES256', kid: string, extra: Partial<JWK> = {}): Promise<CryptoKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig', ...extra };
  fs.writeFileSync(file, JSON.stringify({ keys: [jwk] }));
  return privateKey;
}

/** The private JWK of a key pair (for the "private key in the JWKS" refusal). */
export async function privateJwk(alg: 'RS256' | 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return exportJWK(privateKey);
}
