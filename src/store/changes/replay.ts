import { StoreInputError } from '../../errors';
import type { ChangeEntry, ChangeResult, RecordChange } from '../implementation';
import { recordAfter } from './recordJson';

/** A stored idempotency key as an adapter read it. */
export interface StoredKey {
  readonly fingerprint: unknown;
  readonly changeId: unknown;
}

/**
 * What to do with a stored key: the id of the change whose first result to
 * answer; the same key with a different request (another fingerprint) is
 * StoreInputError.
 */
export function replayedChangeId(key: StoredKey, fingerprint: string, change: RecordChange): string {
  const changeId = String(key.changeId);
  if (key.fingerprint !== fingerprint) {
    throw new StoreInputError(
      `applyChange: idempotency key "${String(change.idempotencyKey)}" was already used by ${change.actor} for another change (${changeId}); send a new key for a new change`,
    );
  }
  return changeId;
}

/** The answer to a replayed request: the first change's entry and the record as it left it. */
export function replayResult(entry: ChangeEntry | undefined, changeId: string): ChangeResult {
  if (!entry) throw new Error(`an idempotency key names ${changeId}, which is not in the history`);
  return { record: recordAfter(entry), change: entry, replayed: true };
}
