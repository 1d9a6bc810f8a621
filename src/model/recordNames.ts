import { CHANGE_FIELDS, CHANGE_LABEL, IDEMPOTENCY_FIELDS, IDEMPOTENCY_LABEL, LEDGER_FIELDS, LEDGER_LABEL } from './history';
import { RECORD_KIND_NAMES, RECORD_KINDS, recordColumns } from './implementation';

/** Every name the records of implementation and their history give a store, for schema checkers (labels, relationship types and their ends, property keys). */
export interface RecordNames {
  readonly labels: readonly string[];
  readonly relationships: readonly { readonly type: string; readonly from: string; readonly to: string }[];
  /** Property keys, with the kinds of value each holds somewhere. */
  readonly properties: readonly { readonly label: string; readonly name: string; readonly type: 'string' | 'int' | 'boolean' }[];
}

/** The labels, relationship types and properties of src/model/implementation.ts and src/model/history.ts (`lock` is the flag writes set to take a lock). */
export function recordNames(): RecordNames {
  const properties: { label: string; name: string; type: 'string' | 'int' | 'boolean' }[] = [];
  for (const kind of RECORD_KIND_NAMES) {
    for (const column of recordColumns(kind)) properties.push({ label: kind, ...column });
    properties.push({ label: kind, name: 'lock', type: 'boolean' });
  }
  const id = { name: 'id', type: 'string' } as const;
  for (const column of [id, ...CHANGE_FIELDS]) properties.push({ label: CHANGE_LABEL, ...column });
  for (const column of [id, ...LEDGER_FIELDS]) properties.push({ label: LEDGER_LABEL, ...column });
  for (const column of [id, ...IDEMPOTENCY_FIELDS]) properties.push({ label: IDEMPOTENCY_LABEL, ...column });
  return {
    labels: [...RECORD_KIND_NAMES, CHANGE_LABEL, LEDGER_LABEL, IDEMPOTENCY_LABEL],
    relationships: RECORD_KIND_NAMES.flatMap((kind) => RECORD_KINDS[kind].subjectKinds.map((from) => ({ type: RECORD_KINDS[kind].relationship, from, to: kind }))),
    properties,
  };
}
