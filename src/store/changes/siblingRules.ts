import { StoreInputError } from '../../errors';
import { RECORD_KINDS } from '../../model/implementation';
import type { ImplementationRecord } from '../implementation';

/**
 * The rules a record obeys among the other records of its subject, checked
 * inside the write's transaction (so two writers cannot both pass them).
 * Retracted records take no part, except in the count of a subject's
 * records. Throws StoreInputError naming the field, the other record and
 * what to do.
 *
 * - a subject holds at most its kind's `maxPerSubject` records (so every
 *   list of them is bounded);
 * - a target has at most one baseline actual;
 * - two actuals of a target cover the same period or periods that do not
 *   overlap (a sum over periods then counts nothing twice; several actuals of
 *   the same period are alternatives, the strongest status counts);
 * - a task has at most one report per year;
 * - events have no rule among themselves beyond the count (several events
 *   of one organisation on one day are different things done).
 *
 * @param after the record as the change would leave it
 * @param others the subject's other records (retracted ones included)
 * @param creating true for a CREATE (the count applies)
 */
export function checkSiblings(after: ImplementationRecord, others: readonly ImplementationRecord[], creating: boolean): void {
  const max = RECORD_KINDS[after.kind].maxPerSubject;
  if (creating && others.length >= max) {
    throw new StoreInputError(`applyChange: ${after.subject} already holds ${others.length} ${after.kind} records, the most one may hold (${max}) (retracted ones count too); update one of them instead`);
  }
  if (after.retracted) return;
  const live = others.filter((other) => !other.retracted && other.id !== after.id);
  if (after.kind === 'Actual') checkActual(after, live);
  else if (after.kind === 'TaskReport') checkReport(after, live);
}

function checkActual(after: ImplementationRecord, live: readonly ImplementationRecord[]): void {
  const { baseline, periodStart, periodEnd } = after.fields;
  if (baseline === true) {
    const other = live.find((o) => o.fields.baseline === true);
    if (other) {
      throw new StoreInputError(
        `applyChange: field baseline: ${after.subject} already has a baseline, ${other.id} (${String(other.fields.periodStart)} to ${String(other.fields.periodEnd)}); update or retract it instead of recording a second one`,
      );
    }
    return;
  }
  const start = String(periodStart);
  const end = String(periodEnd);
  const overlapping = live.find((o) => {
    if (o.fields.baseline === true) return false;
    const oStart = String(o.fields.periodStart);
    const oEnd = String(o.fields.periodEnd);
    const same = oStart === start && oEnd === end;
    return !same && oStart <= end && start <= oEnd;
  });
  if (overlapping) {
    throw new StoreInputError(
      `applyChange: field periodStart: the period ${start} to ${end} overlaps the period ${String(overlapping.fields.periodStart)} to ${String(overlapping.fields.periodEnd)} of ${overlapping.id} of ${after.subject}; actuals of a target cover the same period or periods apart, so a sum counts nothing twice`,
    );
  }
}

function checkReport(after: ImplementationRecord, live: readonly ImplementationRecord[]): void {
  const other = live.find((o) => o.fields.year === after.fields.year);
  if (other) {
    throw new StoreInputError(
      `applyChange: field year: ${after.subject} already has a report for ${String(after.fields.year)}, ${other.id}; update that one instead`,
    );
  }
}
