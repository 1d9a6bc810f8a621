import { BadUserInputError } from '../../src/errors';
import { parseId } from '../../src/model/ids';
import { parseRecordId } from '../../src/model/recordRules';
import type { ChangeFilter } from '../../src/live/matchesChange';
import type { ChangeListQuery } from '../../src/store/port';
import type { AuditFilter } from '../generated/types';

/** The filter of a record id, or of the records of a node id; anything else is BAD_USER_INPUT naming `argument`. */
export function recordOrSubject(id: string, argument: string): Pick<ChangeListQuery, 'recordId' | 'subject'> {
  if (typeof parseRecordId(id) !== 'string') return { recordId: id };
  if (typeof parseId(id) !== 'string') return { subject: id };
  throw new BadUserInputError(`Argument "${argument}" is ${JSON.stringify(id.slice(0, 80))}; it must be the id of a record (Actual:<key>, TaskReport:<key>) or of a Target or Task.`, argument);
}

/** Checks an instant argument of the audit filter (a date, or an ISO 8601 UTC instant as the API writes them). */
function instant(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadUserInputError(`Argument "${argument}" is ${JSON.stringify(value.slice(0, 40))}; it must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.mmm]]Z.`, argument);
  }
  return value;
}

/** Most characters of the subject filter. */
const MAX_SUBJECT = 200;

/**
 * The history filter an AuditFilter asks for (auditLog and the `changes`
 * subscription), its arguments checked: BAD_USER_INPUT names the argument and the value.
 */
export function auditQuery(filter: AuditFilter | null | undefined): ChangeFilter {
  const subject = filter?.subject ?? undefined;
  if (subject !== undefined && (subject === '' || subject.length > MAX_SUBJECT)) {
    throw new BadUserInputError(`Argument "filter.subject" is ${JSON.stringify(subject.slice(0, 40))}; it must be 1 to ${MAX_SUBJECT} characters.`, 'filter.subject');
  }
  return {
    ...(filter?.record ? recordOrSubject(filter.record, 'filter.record') : {}),
    ...(subject !== undefined ? { actor: subject } : {}),
    ...(filter?.kind ? { recordKind: filter.kind } : {}),
    ...(filter?.action ? { action: filter.action } : {}),
    ...(instant(filter?.from, 'filter.from') !== undefined ? { from: filter?.from as string } : {}),
    ...(instant(filter?.to, 'filter.to') !== undefined ? { to: filter?.to as string } : {}),
  };
}
