import { CHANGE_ACTIONS } from '../../model/history';
import { parseId } from '../../model/ids';
import { RECORD_KIND_NAMES, RECORD_KINDS, isRecordKind, recordFieldOf, referenceFieldsOf, type RecordKind } from '../../model/implementation';
import { fieldProblem, isIsoDate, parseRecordId, TOKEN_PATTERN, unknownField } from '../../model/recordRules';
import type { RecordChange } from '../implementation';
import { argumentError, checkInteger, checkList, checkObject, checkOneOf, checkPage, isAbsent } from './checkArguments';

/** Longest actor (a viewer's subject) and retraction reason. */
const MAX_ACTOR = 200;
const MAX_REASON = 2000;

const M = 'applyChange';

/**
 * Checks a RecordChange (see src/store/implementation.ts) before any store
 * work: the action, the kind, the id (a record id of that kind), the subject
 * of a CREATE (a node id of the kind's subject kind), every field given (a
 * field of the kind, of its type and format: src/model/recordRules.ts), the
 * expected version and reason of an UPDATE or RETRACT, who and which
 * request, and the idempotency key. Returns the change with absent optional
 * parts as undefined.
 */
export function checkChange(value: unknown): RecordChange {
  const c = checkObject(M, 'change', value);
  const action = checkOneOf(M, 'change.action', c.action, CHANGE_ACTIONS);
  const kind = checkRecordKind(M, 'change.kind', c.kind);
  const id = parseRecordId(c.id);
  if (typeof id === 'string' || id.kind !== kind) throw argumentError(M, 'change.id', `the id of a ${kind} (${kind}:<key>)`, c.id);
  if (typeof c.actor !== 'string' || c.actor.trim() === '' || c.actor.length > MAX_ACTOR) {
    throw argumentError(M, 'change.actor', `a non-blank string of at most ${MAX_ACTOR} characters`, c.actor);
  }
  if (typeof c.requestId !== 'string' || !TOKEN_PATTERN.test(c.requestId)) {
    throw argumentError(M, 'change.requestId', "1 to 200 letters, digits, '.', '_', ':' or '-'", c.requestId);
  }
  if (!isAbsent(c.idempotencyKey) && (typeof c.idempotencyKey !== 'string' || !TOKEN_PATTERN.test(c.idempotencyKey))) {
    throw argumentError(M, 'change.idempotencyKey', "1 to 200 letters, digits, '.', '_', ':' or '-'", c.idempotencyKey);
  }
  const common = { action, kind, id: c.id as string, actor: c.actor, requestId: c.requestId, ...(isAbsent(c.idempotencyKey) ? {} : { idempotencyKey: c.idempotencyKey as string }) };
  if (action === 'CREATE') {
    const subjectKinds = RECORD_KINDS[kind].subjectKinds as readonly string[];
    const subject = parseId(c.subject as string);
    if (typeof c.subject !== 'string' || typeof subject === 'string' || !subjectKinds.includes(subject.kind)) {
      throw argumentError(M, 'change.subject', `the id of ${subjectKinds.map((k) => `a ${k} (${k}:<key>)`).join(' or ')}`, c.subject);
    }
    refuse(c, ['expectedVersion', 'reason'], action);
    return { ...common, subject: c.subject, fields: checkFields(kind, c.fields, true) };
  }
  const expectedVersion = checkInteger(M, 'change.expectedVersion', c.expectedVersion, 1);
  refuse(c, ['subject'], action);
  if (action === 'UPDATE') {
    refuse(c, ['reason'], action);
    return { ...common, expectedVersion, fields: checkFields(kind, c.fields, false) };
  }
  refuse(c, ['fields'], action);
  if (typeof c.reason !== 'string' || c.reason.trim() === '' || c.reason.length > MAX_REASON) {
    throw argumentError(M, 'change.reason', `a non-blank string of at most ${MAX_REASON} characters`, c.reason);
  }
  return { ...common, expectedVersion, reason: c.reason };
}

/** Checks a record kind of the registry. */
export function checkRecordKind(method: string, argument: string, value: unknown): RecordKind {
  if (!isRecordKind(value)) throw argumentError(method, argument, `a record kind (${RECORD_KIND_NAMES.join(', ')})`, value);
  return value;
}

/** Checks a date written YYYY-MM-DD. */
export function checkDate(method: string, argument: string, value: unknown): string {
  if (!isIsoDate(value)) throw argumentError(method, argument, 'a date written YYYY-MM-DD', value);
  return value;
}

/** Checks an instant written in ISO 8601 (as Date.toISOString writes it, or a date). */
export function checkInstant(method: string, argument: string, value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw argumentError(method, argument, 'an instant written YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.mmm]]Z', value);
  }
  return value;
}

/** Checks the query of listChanges. */
export function checkChangeListQuery(value: unknown): Record<string, unknown> {
  const q = checkObject('listChanges', 'query', value);
  const text = (name: string) => {
    const v = q[name];
    if (isAbsent(v)) return undefined;
    if (typeof v !== 'string' || v === '' || v.length > MAX_ACTOR) throw argumentError('listChanges', `query.${name}`, `a string of 1 to ${MAX_ACTOR} characters`, v);
    return v;
  };
  checkPage('listChanges', q);
  return {
    ...q,
    recordId: text('recordId'),
    subject: text('subject'),
    actor: text('actor'),
    recordKind: isAbsent(q.recordKind) ? undefined : checkRecordKind('listChanges', 'query.recordKind', q.recordKind),
    action: isAbsent(q.action) ? undefined : checkOneOf('listChanges', 'query.action', q.action, CHANGE_ACTIONS),
    from: isAbsent(q.from) ? undefined : checkInstant('listChanges', 'query.from', q.from),
    to: isAbsent(q.to) ? undefined : checkInstant('listChanges', 'query.to', q.to),
  };
}

/** Checks the query of targetProgress / taskProgress. */
export function checkProgressQuery(method: string, value: unknown): Record<string, unknown> {
  const q = checkObject(method, 'query', value);
  checkList(method, 'query.ids', q.ids, 'ids');
  checkDate(method, 'query.asOf', q.asOf);
  return q;
}

/** Checks the query of recordsOf. */
export function checkRecordsOfQuery(value: unknown): Record<string, unknown> {
  const q = checkObject('recordsOf', 'query', value);
  const kind = checkRecordKind('recordsOf', 'query.kind', q.kind);
  if (!isAbsent(q.field)) {
    const fields = referenceFieldsOf(kind).map((spec) => spec.name);
    if (typeof q.field !== 'string' || !fields.includes(q.field)) {
      throw argumentError('recordsOf', 'query.field', fields.length > 0 ? `a reference field of ${kind} (${fields.join(', ')})` : `absent (${kind} has no reference field)`, q.field);
    }
  }
  const subjects = checkList('recordsOf', 'query.subjects', q.subjects, 'ids');
  subjects.forEach((s, i) => {
    if (typeof s !== 'string') throw argumentError('recordsOf', `query.subjects[${i}]`, 'an id', s);
  });
  if (!isAbsent(q.includeRetracted) && typeof q.includeRetracted !== 'boolean') {
    throw argumentError('recordsOf', 'query.includeRetracted', 'true or false', q.includeRetracted);
  }
  return { ...q, includeRetracted: q.includeRetracted ?? undefined, field: q.field ?? undefined };
}

function checkFields(kind: RecordKind, value: unknown, creating: boolean): Record<string, string | number | boolean | null> {
  const fields = checkObject(M, 'change.fields', value);
  const out: Record<string, string | number | boolean | null> = {};
  for (const [name, field] of Object.entries(fields)) {
    const unknown = unknownField(kind, name);
    if (unknown) throw argumentError(M, `change.fields.${name}`, `a field of ${kind}; "${name}" ${unknown}`, field);
    const spec = recordFieldOf(kind, name);
    const reason = spec ? fieldProblem(spec, field) : undefined;
    if (reason) throw argumentError(M, `change.fields.${name}`, asExpected(reason), field);
    out[name] = (field ?? null) as string | number | boolean | null;
  }
  if (!creating && Object.keys(out).length === 0) throw argumentError(M, 'change.fields', 'at least one field to change', value);
  return out;
}

/** A rule's reason ("must be a whole number") as what is expected ("a whole number"). */
function asExpected(reason: string): string {
  if (reason === 'is required') return 'present (the field is required)';
  return reason.replace(/^must not be /, 'not ').replace(/^must be /, '');
}

function refuse(c: Record<string, unknown>, names: readonly string[], action: string): void {
  for (const name of names) if (!isAbsent(c[name])) throw argumentError(M, `change.${name}`, `absent for a ${action}`, c[name]);
}
