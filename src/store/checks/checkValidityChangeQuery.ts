import { MAX_VALIDITY_CHANGES, type ValidityChangeQuery } from '../records';
import { readValidityCursor } from '../validityCursor';
import { argumentError, checkDate, checkInteger, checkKind, checkObject, checkSet, checkType, isAbsent } from './checkArguments';

const METHOD = 'listValidityChanges';

function date(q: Record<string, unknown>, name: 'from' | 'to'): string | undefined {
  return checkDate(METHOD, `query.${name}`, q[name]);
}

/**
 * Checks the query of listValidityChanges: `from` and `to` absent or real
 * calendar dates, `kinds` and `types` absent or sets of registry names,
 * `first` an integer from 1 to MAX_VALIDITY_CHANGES, `after` absent or a
 * cursor an earlier page gave. Returns the query the adapter receives.
 */
export function checkValidityChangeQuery(value: unknown): ValidityChangeQuery {
  const q = checkObject(METHOD, 'query', value);
  const from = date(q, 'from');
  const to = date(q, 'to');
  const kinds = isAbsent(q.kinds) ? undefined : checkSet(METHOD, 'query.kinds', q.kinds, 'node kinds', (at, kind) => checkKind(METHOD, at, kind));
  const types = isAbsent(q.types) ? undefined : checkSet(METHOD, 'query.types', q.types, 'relationship types', (at, type) => checkType(METHOD, at, type));
  const first = checkInteger(METHOD, 'query.first', q.first, 1, MAX_VALIDITY_CHANGES);
  let after: string | undefined;
  if (!isAbsent(q.after)) {
    if (typeof q.after !== 'string' || readValidityCursor(q.after) === undefined) {
      throw argumentError(METHOD, 'query.after', 'a cursor given by an earlier page of listValidityChanges', q.after);
    }
    after = q.after;
  }
  return { from, to, kinds, types, first, after };
}
