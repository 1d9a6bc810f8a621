import { CHANGE_FIELDS, CHANGE_LABEL, IDEMPOTENCY_FIELDS, IDEMPOTENCY_LABEL } from '../../../model/history';
import { RECORD_KIND_NAMES, RECORD_KINDS, recordColumns, type RecordFieldType } from '../../../model/implementation';

/** A node table beyond the registry's kinds: its name and columns (besides `id STRING PRIMARY KEY`). */
export interface ExtraNodeTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: RecordFieldType }[];
}

/** A relationship table beyond the registry's types: from tables to tables (one or more pairs), no properties. */
export interface ExtraRelTable {
  readonly name: string;
  readonly pairs: readonly { readonly from: string; readonly to: string }[];
}

/**
 * The tables of the records of implementation and their history
 * (src/model/implementation.ts, src/model/history.ts): a node table per
 * record kind, the history's Change and IdempotencyKey (no ledger: the one
 * write connection serialises writes, and the last number is read from
 * Change), and a
 * relationship table from each record kind's subject kind to it. Kept out of
 * the projection, the search indexes and the kind sizes: they are not nodes
 * of the knowledge graph.
 */
export function recordNodeTables(): ExtraNodeTable[] {
  const own = (columns: readonly { name: string; type: RecordFieldType }[]) => columns.filter((c) => c.name !== 'id');
  return [
    ...RECORD_KIND_NAMES.map((kind) => ({ name: kind, columns: own(recordColumns(kind)) })),
    { name: CHANGE_LABEL, columns: CHANGE_FIELDS },
    { name: IDEMPOTENCY_LABEL, columns: IDEMPOTENCY_FIELDS },
  ];
}

/** The relationship tables from subjects to their records. */
export function recordRelTables(): ExtraRelTable[] {
  return RECORD_KIND_NAMES.map((kind) => ({ name: RECORD_KINDS[kind].relationship, pairs: RECORD_KINDS[kind].subjectKinds.map((from) => ({ from, to: kind })) }));
}
