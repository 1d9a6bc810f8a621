import { CHANGE_FIELDS } from '../../../model/history';
import { recordColumns, type RecordKind } from '../../../model/implementation';
import { quoteIdentifier as q } from './Statement';

/** `r.id AS id, r.subject AS subject, ...`: every stored column of a record kind under its own name (see recordFromColumns). */
export function returnRecord(kind: RecordKind, variable = 'r'): string {
  return recordColumns(kind)
    .map(({ name }) => `${variable}.${q(name)} AS ${q(name)}`)
    .join(', ');
}

/** `h.id AS id, h.seq AS seq, ...`: every column of a history entry under its own name (see changeFromColumns). */
export function returnChange(variable = 'h'): string {
  return ['id', ...CHANGE_FIELDS.map((f) => f.name)].map((name) => `${variable}.${q(name)} AS ${q(name)}`).join(', ');
}
