import fs from 'node:fs';
import { UnauthenticatedError } from '../errors';
import { readApiKeyFile, type ApiKeyRecord } from './apiKeyFile';
import { apiKeyId, apiKeyMatches } from './apiKeyFormat';
import type { Viewer } from './viewer';

/** Compared against when a key names no record, so an unknown id costs the same hash and comparison. */
const NO_RECORD_SHA256 = '0'.repeat(64);

/**
 * The API keys of the server, from the key file (AUTH_API_KEYS_FILE). The
 * file is read at construction (a bad file throws a ConfigError) and again
 * whenever it has changed (another inode, size or mtime: the CLI replaces it
 * by rename), so keys created or revoked by `npm run auth -- key ...` take
 * effect at the next request, without a restart. If the file becomes
 * unreadable or invalid while the server runs, key checks fail (a server
 * error, logged), never fall back to an older list that may hold a revoked key.
 */
export class ApiKeyStore {
  private records = new Map<string, ApiKeyRecord>();
  private signature = '';

  constructor(private readonly file: string) {
    this.reloadIfChanged();
  }

  /**
   * The viewer a key proves (`apikey:<id>`, the key's role), or UNAUTHENTICATED
   * saying why not: a malformed key, an unknown key (no record, or the wrong
   * secret for the id), a revoked key (only when its secret is right). The
   * message never repeats the key.
   */
  authenticate(key: string): Viewer {
    this.reloadIfChanged();
    const id = apiKeyId(key);
    if (id === undefined) throw new UnauthenticatedError('The X-API-Key header does not hold an API key (kgk_<id>_<secret>, as `npm run auth -- key create` prints it).');
    const record = this.records.get(id);
    const matches = apiKeyMatches(key, record?.sha256 ?? NO_RECORD_SHA256);
    if (!record || !matches) throw new UnauthenticatedError('The X-API-Key is not a known key.');
    if (record.revoked !== null) throw new UnauthenticatedError(`The X-API-Key ${record.id} was revoked on ${record.revoked}.`);
    return { subject: `apikey:${record.id}`, role: record.role, via: 'apiKey' };
  }

  private reloadIfChanged(): void {
    const stat = fs.statSync(this.file, { throwIfNoEntry: false });
    const signature = stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'missing';
    if (signature === this.signature) return;
    // Forget the old keys first: if the new file cannot be read, no key is accepted until it can.
    this.records = new Map();
    this.signature = '';
    this.records = new Map(readApiKeyFile(this.file).map((record) => [record.id, record]));
    this.signature = signature;
  }
}
