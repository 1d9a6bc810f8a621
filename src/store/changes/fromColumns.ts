import { CHANGE_FIELDS } from '../../model/history';
import { RECORD_KINDS, type RecordKind } from '../../model/implementation';
import type { ChangeEntry, ImplementationRecord } from '../implementation';
import type { PropertyValue } from '../records';

/** Column values of one stored row, already converted to port values by the adapter. */
export type Columns = Readonly<Record<string, PropertyValue | undefined>>;

/**
 * Builds a record from the columns of a row that returned
 * `recordColumns(kind)` under their own names (both adapters read records
 * so). Throws on a row that lacks what every record has (a bug, not data).
 */
export function recordFromColumns(kind: RecordKind, row: Columns): ImplementationRecord {
  const fields: Record<string, PropertyValue> = {};
  for (const spec of RECORD_KINDS[kind].fields) fields[spec.name] = row[spec.name] ?? null;
  return {
    id: text(row, 'id'),
    kind,
    subject: text(row, 'subject'),
    version: integer(row, 'version'),
    createdAt: text(row, 'createdAt'),
    createdBy: text(row, 'createdBy'),
    updatedAt: text(row, 'updatedAt'),
    updatedBy: text(row, 'updatedBy'),
    retracted: row.retracted === true,
    retractedAt: optionalText(row, 'retractedAt'),
    retractedBy: optionalText(row, 'retractedBy'),
    retractionReason: optionalText(row, 'retractionReason'),
    fields,
  };
}

/** Builds a history entry from the columns of a row that returned id and {@link CHANGE_FIELDS} under their own names. */
export function changeFromColumns(row: Columns): ChangeEntry {
  return {
    id: text(row, 'id'),
    seq: integer(row, 'seq'),
    recordId: text(row, 'recordId'),
    recordKind: text(row, 'recordKind') as RecordKind,
    subject: text(row, 'subject'),
    action: text(row, 'action') as ChangeEntry['action'],
    actor: text(row, 'actor'),
    at: text(row, 'at'),
    version: integer(row, 'version'),
    before: optionalText(row, 'before'),
    after: text(row, 'after'),
    requestId: text(row, 'requestId'),
    idempotencyKey: optionalText(row, 'idempotencyKey'),
  };
}

/** The columns every record has, in a fixed order, id first (the kind is the table or label, not a column). */
export function recordMetaColumns(record: ImplementationRecord) {
  return {
    id: record.id,
    subject: record.subject,
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    retracted: record.retracted,
    retractedAt: record.retractedAt,
    retractedBy: record.retractedBy,
    retractionReason: record.retractionReason,
  };
}

/** The stored columns of a record, id first: what a write sets (null: not set). */
export function recordToColumns(record: ImplementationRecord): Record<string, PropertyValue> {
  return { ...recordMetaColumns(record), ...record.fields };
}

/** The stored columns of a history entry, id first. */
export function changeToColumns(entry: ChangeEntry): Record<string, PropertyValue> {
  const columns: Record<string, PropertyValue> = { id: entry.id };
  for (const { name } of CHANGE_FIELDS) columns[name] = entry[name];
  return columns;
}

function text(row: Columns, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`stored row lacks ${column} (got ${String(value)})`);
  return value;
}

function optionalText(row: Columns, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

function integer(row: Columns, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw new Error(`stored row lacks ${column} (got ${String(value)})`);
  return value;
}
