import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of every API key, so a leaked key is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'kgk';
/** Random bytes of a key's secret part (256 bits: hashing with SHA-256 is then enough, no slow hash needed). */
export const API_KEY_SECRET_BYTES = 32;

/** `kgk_<id: 12 hex digits>_<secret: 32 bytes, base64url>`; the id is not secret, it names the key's record. */
const API_KEY_PATTERN = /^kgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A new key: the text handed out once, its id, and the hash that is stored instead of it. */
export interface NewApiKey {
  readonly id: string;
  readonly key: string;
  readonly sha256: string;
}

/** Makes a new random key (6 random bytes of id, {@link API_KEY_SECRET_BYTES} of secret). */
export function generateApiKey(): NewApiKey {
  const id = randomBytes(6).toString('hex');
  const key = `${API_KEY_PREFIX}_${id}_${randomBytes(API_KEY_SECRET_BYTES).toString('base64url')}`;
  return { id, key, sha256: hashApiKey(key) };
}

/** The id a well-formed key names, or undefined when `key` does not have the key format. */
export function apiKeyId(key: string): string | undefined {
  return API_KEY_PATTERN.exec(key)?.[1];
}

/** SHA-256 of the whole key text, lower-case hex: what the key file stores. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True when `key` hashes to `sha256` (hex); compares in constant time. */
export function apiKeyMatches(key: string, sha256: string): boolean {
  const expected = Buffer.from(sha256, 'hex');
  const actual = createHash('sha256').update(key, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
