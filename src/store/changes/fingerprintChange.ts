import { createHash } from 'node:crypto';
import type { RecordChange } from '../implementation';

/**
 * A hash of what a change asks, kept with its idempotency key: the same key
 * sent with a different request is refused instead of answered with the
 * first result. The id of a CREATE is left out (a client retrying a create
 * may be given a new id by the API; the key, not the id, makes it the same
 * request), and so are who and which request sent it.
 */
export function fingerprintChange(change: RecordChange): string {
  const fields = change.fields ? Object.keys(change.fields).sort().map((name) => [name, change.fields?.[name] ?? null]) : null;
  const target = change.action === 'CREATE' ? (change.subject ?? null) : change.id;
  const asked = [change.kind, change.action, target, fields, change.expectedVersion ?? null, change.reason ?? null];
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}
