import { readApiKeyFile, writeApiKeyFile, type ApiKeyRecord } from './apiKeyFile';
import { generateApiKey } from './apiKeyFormat';
import type { Role } from './viewer';

/** Longest owner label, in characters. */
export const MAX_OWNER_LENGTH = 200;

/** A created key: its record (as stored) and the key text, which exists nowhere else. */
export interface CreatedApiKey {
  readonly record: ApiKeyRecord;
  readonly key: string;
}

/**
 * Creates a key with `role` for `owner` and adds its record (hash only) to the
 * key file, creating the file if needed (atomic write). The key text is
 * returned once and stored nowhere.
 */
export function createApiKey(file: string, role: Role, owner: string, now: Date = new Date()): CreatedApiKey {
  const label = owner.trim();
  if (label === '' || label.length > MAX_OWNER_LENGTH) throw new Error(`--owner must be a label of 1 to ${MAX_OWNER_LENGTH} characters`);
  const records = readApiKeyFile(file, { missingIsEmpty: true });
  let generated = generateApiKey();
  while (records.some((record) => record.id === generated.id)) generated = generateApiKey();
  const record: ApiKeyRecord = { id: generated.id, role, owner: label, created: now.toISOString(), revoked: null, sha256: generated.sha256 };
  writeApiKeyFile(file, [...records, record]);
  return { record, key: generated.key };
}

/** What {@link revokeApiKey} did. */
export interface RevokedApiKey {
  readonly record: ApiKeyRecord;
  /** False when the key was revoked already (the file is left as it was). */
  readonly changed: boolean;
}

/** Marks key `id` revoked at `now` (atomic write); throws when the file has no such key. */
export function revokeApiKey(file: string, id: string, now: Date = new Date()): RevokedApiKey {
  const records = readApiKeyFile(file);
  const found = records.find((record) => record.id === id);
  if (!found) throw new Error(`no key with id "${id.slice(0, 100)}" in ${file}`);
  if (found.revoked !== null) return { record: found, changed: false };
  const record: ApiKeyRecord = { ...found, revoked: now.toISOString() };
  writeApiKeyFile(
    file,
    records.map((each) => (each.id === id ? record : each)),
  );
  return { record, changed: true };
}

/** The keys of the file, in creation order (none when it does not exist yet). */
export function listApiKeys(file: string): readonly ApiKeyRecord[] {
  return readApiKeyFile(file, { missingIsEmpty: true });
}
