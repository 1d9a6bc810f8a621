import type { RecordFieldType } from './implementation';

/**
 * The registry of the append-only history that every write through the API
 * leaves (labels and property names the stores use for it):
 *
 * - a `Change` per write, never updated or deleted: who, when, what (the
 *   action and the record), the record before and after as JSON, the request
 *   id and the idempotency key; numbered by `seq` in commit order;
 * - one `ChangeLedger` node holding the last `seq` (Neo4j): every write takes
 *   its write lock first, so writes are serialised and numbered without gaps
 *   (Kùzu needs none: its one write connection serialises writes, and the
 *   last `seq` is read from the Changes);
 * - an `IdempotencyKey` per key a client sent, naming the change it made,
 *   so the same request sent again answers that change and writes nothing.
 */

/** What a change did to its record. */
export const CHANGE_ACTIONS = ['CREATE', 'UPDATE', 'RETRACT'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** Labels of the history (node tables on Kùzu). */
export const CHANGE_LABEL = 'Change';
export const LEDGER_LABEL = 'ChangeLedger';
export const IDEMPOTENCY_LABEL = 'IdempotencyKey';

/** The id of the one ledger node. */
export const LEDGER_ID = 'changes';

/** The columns of a Change besides its id (`Change:<seq>`). */
export const CHANGE_FIELDS = [
  { name: 'seq', type: 'int' },
  { name: 'recordId', type: 'string' },
  { name: 'recordKind', type: 'string' },
  /** The seeded node the record is of (a Target, a Task). */
  { name: 'subject', type: 'string' },
  { name: 'action', type: 'string' },
  /** Who made the change: the viewer's subject. */
  { name: 'actor', type: 'string' },
  /** When it committed (ISO 8601, UTC). */
  { name: 'at', type: 'string' },
  /** The record's version after the change. */
  { name: 'version', type: 'int' },
  /** The record before (absent for CREATE) and after the change, as JSON. */
  { name: 'before', type: 'string' },
  { name: 'after', type: 'string' },
  { name: 'requestId', type: 'string' },
  { name: 'idempotencyKey', type: 'string' },
] as const satisfies readonly { name: string; type: RecordFieldType }[];

/** The columns of the ledger besides its id: the last seq, and a flag set and removed to take its write lock (Neo4j). */
export const LEDGER_FIELDS = [
  { name: 'seq', type: 'int' },
  { name: 'lock', type: 'boolean' },
] as const satisfies readonly { name: string; type: RecordFieldType }[];

/** The columns of an idempotency key besides its id (the actor and the key, see idempotencyKeyId). */
export const IDEMPOTENCY_FIELDS = [
  /** A hash of what the request asked (see fingerprintChange): the same key with another request is refused. */
  { name: 'fingerprint', type: 'string' },
  { name: 'changeId', type: 'string' },
] as const satisfies readonly { name: string; type: RecordFieldType }[];

/** The id of a Change from its seq: zero-padded so ids sort as seqs do. */
export function changeId(seq: number): string {
  return `${CHANGE_LABEL}:${String(seq).padStart(12, '0')}`;
}

/** The stored id of an idempotency key: keys are scoped to the caller who sent them. */
export function idempotencyKeyId(actor: string, key: string): string {
  return JSON.stringify([actor, key]);
}
