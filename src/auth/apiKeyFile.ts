import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors';
import { ROLES, type Role } from './viewer';

/** One API key as stored: never the key itself, only its SHA-256 (see apiKeyFormat.ts). */
export interface ApiKeyRecord {
  /** 12 hex digits, also written in the key (`kgk_<id>_...`); not secret. */
  readonly id: string;
  readonly role: Role;
  /** Who holds the key (a person, a team, a pipeline), for the operators; free text. */
  readonly owner: string;
  /** When it was created (ISO 8601). */
  readonly created: string;
  /** When it was revoked (ISO 8601), or null while it is valid. */
  readonly revoked: string | null;
  /** SHA-256 of the key text, lower-case hex. */
  readonly sha256: string;
}

const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 time');
const recordSchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{12}$/, 'must be 12 lower-case hex digits'),
    role: z.enum(ROLES),
    owner: z.string().trim().min(1, 'must not be empty').max(200),
    created: isoTime,
    revoked: isoTime.nullable(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  })
  .strict();
const fileSchema = z.object({ keys: z.array(recordSchema) }).strict();

/** The environment variable naming the key file, for messages. */
const VARIABLE = 'AUTH_API_KEYS_FILE';

/**
 * Reads and checks the key file: `{ "keys": [ApiKeyRecord...] }`, ids unique.
 * A missing file holds no keys when `missingIsEmpty` (the CLI creating the
 * first key); otherwise, like any unreadable or invalid file, it throws a
 * ConfigError naming AUTH_API_KEYS_FILE, the file and the bad entry.
 */
export function readApiKeyFile(file: string, options: { missingIsEmpty?: boolean } = {}): ApiKeyRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (options.missingIsEmpty && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`${VARIABLE}="${file}" cannot be read: ${(error as Error).message}. Create keys with \`npm run auth -- key create\`.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${VARIABLE}="${file}" is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new ConfigError(`${VARIABLE}="${file}" is not a key file ({ "keys": [{ id, role, owner, created, revoked, sha256 }] }): ${problems.slice(0, 5).join('; ')}`);
  }
  const seen = new Set<string>();
  for (const record of parsed.data.keys) {
    if (seen.has(record.id)) throw new ConfigError(`${VARIABLE}="${file}" has two keys with id ${record.id}`);
    seen.add(record.id);
  }
  return parsed.data.keys;
}

/**
 * Replaces the key file with `records` atomically: the JSON is written to a
 * temporary file in the same directory (mode 0600), flushed, then renamed
 * over the file, so a reader (the server) sees the old file or the new one,
 * never a part. One writer at a time: two commands writing at once may lose
 * one's change (never corrupt the file).
 */
export function writeApiKeyFile(file: string, records: readonly ApiKeyRecord[]): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify({ keys: records }, null, 2)}\n`);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
