import type { ChangeEntry, ImplementationRecord } from '../implementation';
import { recordMetaColumns } from './fromColumns';

/**
 * The JSON a history entry keeps of a record (its `before` and `after`):
 * every meta field and every field of the kind, in a fixed order, so the
 * same record always gives the same text.
 */
export function recordJson(record: ImplementationRecord): string {
  const { id, ...meta } = recordMetaColumns(record);
  return JSON.stringify({ id, kind: record.kind, ...meta, fields: record.fields });
}

/** The record a history entry holds after its change (what a replayed request answers). */
export function recordAfter(entry: ChangeEntry): ImplementationRecord {
  return JSON.parse(entry.after) as ImplementationRecord;
}
