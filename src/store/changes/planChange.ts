import { StoreConflictError, StoreInputError } from '../../errors';
import { changeId } from '../../model/history';
import { parseId } from '../../model/ids';
import { RECORD_KINDS, referenceFieldsOf, type RecordFieldSpec } from '../../model/implementation';
import type { NodeKind } from '../../model/kinds';
import { recordProblems } from '../../model/recordRules';
import type { ChangeEntry, ImplementationRecord, RecordChange } from '../implementation';
import type { Properties } from '../records';
import { recordJson } from './recordJson';
import { checkSiblings } from './siblingRules';

/** What the store read, inside the write's transaction and under its lock, before a change. */
export interface ChangeState {
  /** The stored record with the change's id, or null. */
  readonly current: ImplementationRecord | null;
  /** CREATE: whether the subject node exists (of the kind's subject kind). */
  readonly subjectExists: boolean;
  /**
   * The ids the record's reference fields (RecordFieldSpec.refersTo) would
   * hold after the change that name no node of their kind: see
   * {@link referencesOf}, which says what to look up. Absent: all exist.
   */
  readonly missingReferences?: ReadonlySet<string>;
  /** The other records of the record's subject, retracted ones included. */
  readonly siblings: readonly ImplementationRecord[];
  /** The history's next number. */
  readonly seq: number;
  /** The instant the change is made (ISO 8601 UTC). */
  readonly at: string;
}

/** What a change writes: the record as it will be, and the history entry to append. */
export interface PlannedChange {
  readonly record: ImplementationRecord;
  readonly entry: ChangeEntry;
}

/**
 * Decides a change from the state the adapter read in its transaction, the
 * same way for every adapter (they only read and write): refuses it with
 * StoreInputError (an unknown record, a record that already exists, a
 * subject that does not exist, fields that break a rule of the record or of
 * its subject's records, see siblingRules) or StoreConflictError (a stale
 * expected version, a retracted record), else returns the record after the
 * change and its history entry.
 */
export function planChange(change: RecordChange, state: ChangeState): PlannedChange {
  const record = change.action === 'CREATE' ? created(change, state) : changed(change, state);
  const problems = recordProblems(record.kind, record.fields);
  const first = problems[0];
  if (first) throw new StoreInputError(`applyChange: field ${first.field} ${first.reason} (${record.id} of ${record.subject})`);
  for (const spec of referenceFieldsOf(record.kind)) {
    const value = record.fields[spec.name];
    if (typeof value === 'string' && state.missingReferences?.has(value)) {
      throw new StoreInputError(`applyChange: field ${spec.name}: ${value} does not exist; a ${record.kind} names an existing ${(spec.refersTo ?? []).join(' or ')} (${record.id} of ${record.subject})`);
    }
  }
  checkSiblings(record, state.siblings, change.action === 'CREATE');
  const before = change.action === 'CREATE' ? null : (state.current as ImplementationRecord);
  const entry: ChangeEntry = {
    id: changeId(state.seq),
    seq: state.seq,
    recordId: record.id,
    recordKind: record.kind,
    subject: record.subject,
    action: change.action,
    actor: change.actor,
    at: state.at,
    version: record.version,
    before: before ? recordJson(before) : null,
    after: recordJson(record),
    requestId: change.requestId,
    idempotencyKey: change.idempotencyKey ?? null,
  };
  return { record, entry };
}

function created(change: RecordChange, state: ChangeState): ImplementationRecord {
  if (state.current) throw new StoreInputError(`applyChange: ${change.id} already exists; a new record needs a new id`);
  const subject = change.subject as string;
  if (!state.subjectExists) {
    throw new StoreInputError(`applyChange: subject ${subject} does not exist; a ${change.kind} is recorded of an existing ${RECORD_KINDS[change.kind].subjectKinds.join(' or ')}`);
  }
  return {
    id: change.id,
    kind: change.kind,
    subject,
    version: 1,
    createdAt: state.at,
    createdBy: change.actor,
    updatedAt: state.at,
    updatedBy: change.actor,
    retracted: false,
    retractedAt: null,
    retractedBy: null,
    retractionReason: null,
    fields: completeFields(change, {}),
  };
}

function changed(change: RecordChange, state: ChangeState): ImplementationRecord {
  const current = state.current;
  if (!current || current.kind !== change.kind) throw new StoreInputError(`applyChange: no ${change.kind} has the id ${change.id}`);
  if (current.retracted) {
    throw new StoreConflictError(
      `${current.id} was retracted at ${String(current.retractedAt)} by ${String(current.retractedBy)} (version ${current.version}); a retracted record cannot be changed: record a new one`,
      current.version,
    );
  }
  if (current.version !== change.expectedVersion) {
    const since = (change.expectedVersion ?? 0) < current.version ? ': it changed since it was read' : '';
    throw new StoreConflictError(
      `${current.id} is at version ${current.version}, not the expected version ${String(change.expectedVersion)}${since}. Read it again and send expectedVersion ${current.version}.`,
      current.version,
    );
  }
  const next = { ...current, version: current.version + 1, updatedAt: state.at, updatedBy: change.actor };
  if (change.action === 'RETRACT') {
    return { ...next, retracted: true, retractedAt: state.at, retractedBy: change.actor, retractionReason: change.reason ?? null };
  }
  return { ...next, fields: completeFields(change, current.fields) };
}

/** Every field of the kind: the change's where it gives one (null clears it), else the stored one, else null. */
function completeFields(change: RecordChange, stored: Properties): Properties {
  const fields: Record<string, Properties[string]> = {};
  for (const spec of RECORD_KINDS[change.kind].fields as readonly RecordFieldSpec[]) {
    const given = change.fields && Object.prototype.hasOwnProperty.call(change.fields, spec.name);
    fields[spec.name] = given ? (change.fields?.[spec.name] ?? null) : (stored[spec.name] ?? null);
  }
  return fields;
}

/**
 * The nodes a change's record would name in its reference fields once
 * written (a field the change gives, else the stored one), each with its
 * kind: what an adapter looks up, in its transaction, before it calls
 * {@link planChange} with the ids it did not find as `missingReferences`.
 * Values that are not ids of the field's kinds are left out (the field's own
 * rule refuses them).
 */
export function referencesOf(change: RecordChange, current: ImplementationRecord | null): { readonly id: string; readonly kind: NodeKind }[] {
  if (change.action === 'RETRACT') return [];
  const out: { id: string; kind: NodeKind }[] = [];
  for (const spec of referenceFieldsOf(change.kind)) {
    const given = change.fields && Object.prototype.hasOwnProperty.call(change.fields, spec.name);
    const value = given ? change.fields?.[spec.name] : current?.fields[spec.name];
    if (typeof value !== 'string') continue;
    const parsed = parseId(value);
    if (typeof parsed !== 'string' && (spec.refersTo ?? []).includes(parsed.kind)) out.push({ id: value, kind: parsed.kind });
  }
  return out;
}

/** The kind of a subject id (checked before: a node id of one of the record kind's subject kinds). */
export function subjectKindOf(subject: string): NodeKind {
  const parsed = parseId(subject);
  if (typeof parsed === 'string') throw new StoreInputError(`applyChange: ${parsed}`);
  return parsed.kind;
}
