import fs from 'node:fs';
import path from 'node:path';
import { createApiKey, revokeApiKey } from '../../src/auth/apiKeyCommands';
import { writeApiKeyFile } from '../../src/auth/apiKeyFile';
import { generateApiKey } from '../../src/auth/apiKeyFormat';
import { ApiKeyStore } from '../../src/auth/ApiKeyStore';
import { ConfigError, ErrorCode, UnauthenticatedError } from '../../src/errors';
import { tempDir } from './fixtures';

/** The UNAUTHENTICATED message `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect((error as UnauthenticatedError).extensions.code).toBe(ErrorCode.UNAUTHENTICATED);
    return (error as Error).message;
  }
  throw new Error('expected UNAUTHENTICATED');
}

describe('API keys (X-API-Key, AUTH_API_KEYS_FILE)', () => {
  const temp = tempDir();
  const file = path.join(temp.dir, 'api-keys.json');
  afterAll(() => temp.remove());

  it('accepts a valid key: the viewer is apikey:<id> with the key role; the file holds only its SHA-256', () => {
    const { record, key } = createApiKey(file, 'editor', 'data team');
    const store = new ApiKeyStore(file);
    expect(store.authenticate(key)).toEqual({ subject: `apikey:${record.id}`, role: 'editor', via: 'apiKey' });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(key.slice(17));
    expect(text).toContain(record.sha256);
    expect(key).toMatch(new RegExp(`^kgk_${record.id}_[A-Za-z0-9_-]{43}$`));
  });

  it('refuses an unknown key, a known id with the wrong secret, and a malformed key, never echoing it', () => {
    const { record } = createApiKey(file, 'reader', 'someone');
    const store = new ApiKeyStore(file);
    const unknown = generateApiKey().key;
    const wrongSecret = `kgk_${record.id}_${generateApiKey().key.slice(-43)}`;
    expect(refusal(() => store.authenticate(unknown))).toBe('The X-API-Key is not a known key.');
    expect(refusal(() => store.authenticate(wrongSecret))).toBe('The X-API-Key is not a known key.');
    const malformed = refusal(() => store.authenticate('my-password-123'));
    expect(malformed).toContain('does not hold an API key');
    expect(malformed).not.toContain('my-password-123');
  });

  it('refuses a revoked key (revoked while the store is in use: the file is read again when it changes)', () => {
    const { record, key } = createApiKey(file, 'admin', 'ops');
    const store = new ApiKeyStore(file);
    expect(store.authenticate(key).role).toBe('admin');
    const { record: revoked } = revokeApiKey(file, record.id);
    expect(refusal(() => store.authenticate(key))).toBe(`The X-API-Key ${record.id} was revoked on ${revoked.revoked}.`);
    // A key created after the store was built is accepted at once.
    const later = createApiKey(file, 'reader', 'late');
    expect(store.authenticate(later.key).subject).toBe(`apikey:${later.record.id}`);
  });

  it('refuses at start a missing or invalid key file, naming AUTH_API_KEYS_FILE and the entry', () => {
    expect(() => new ApiKeyStore(path.join(temp.dir, 'none.json'))).toThrow(/AUTH_API_KEYS_FILE=".*none\.json" cannot be read/);
    const bad = path.join(temp.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ keys: [{ id: 'abc', role: 'root', owner: 'x', created: 'yesterday', revoked: null, sha256: 'zz' }] }));
    expect(() => new ApiKeyStore(bad)).toThrow(ConfigError);
    expect(() => new ApiKeyStore(bad)).toThrow(/keys\.0\.id: must be 12 lower-case hex digits/);
  });

  it('fails closed when the file turns invalid while the server runs: no key is accepted, not even a valid one', () => {
    const own = path.join(temp.dir, 'own.json');
    const { key } = createApiKey(own, 'reader', 'someone');
    const store = new ApiKeyStore(own);
    fs.writeFileSync(own, '{ not json');
    expect(() => store.authenticate(key)).toThrow(ConfigError);
  });

  it('writes the file atomically: a new file replaces the old by rename, mode 0600, no temporary file left', () => {
    const own = path.join(temp.dir, 'atomic', 'keys.json');
    createApiKey(own, 'reader', 'first');
    const before = fs.statSync(own).ino;
    writeApiKeyFile(own, []);
    expect(fs.statSync(own).ino).not.toBe(before);
    expect(fs.statSync(own).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(own))).toEqual(['keys.json']);
  });
});
