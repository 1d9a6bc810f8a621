import { CHANGE_FIELDS } from '../../../model/history';
import { recordColumns, type RecordKind } from '../../../model/implementation';
import { changeFromColumns, recordFromColumns, type Columns } from '../../changes/fromColumns';
import type { ChangeEntry, ImplementationRecord } from '../../implementation';
import type { PropertyValue } from '../../records';
import type { Neo4jRecordPort } from '../connection/Neo4jDriverPort';
import { neo4jValueToJs } from './neo4jValueToJs';

/** The named columns of a result record as port values (scalars only: a list or map here is a bug). */
export function readColumns(record: Neo4jRecordPort, names: readonly string[], what: string): Columns {
  const columns: Record<string, PropertyValue> = {};
  for (const name of names) {
    const value = neo4jValueToJs(record.get(name), `${what}.${name}`);
    if (typeof value === 'object' && value !== null) throw new TypeError(`${what}.${name}: expected a scalar from Neo4j`);
    columns[name] = value;
  }
  return columns;
}

/** A record of implementation from a result record that returned its columns (see returnRecord). */
export function readImplementationRecord(kind: RecordKind, record: Neo4jRecordPort): ImplementationRecord {
  return recordFromColumns(kind, readColumns(record, recordColumns(kind).map((c) => c.name), kind));
}

/** A history entry from a result record that returned its columns (see returnChange). */
export function readChangeEntry(record: Neo4jRecordPort): ChangeEntry {
  return changeFromColumns(readColumns(record, ['id', ...CHANGE_FIELDS.map((f) => f.name)], 'Change'));
}
