import type { ChangeEntry, ImplementationRecord } from '../implementation';

/**
 * The JSON a history entry keeps of a record (its `before` and `after`):
 * every meta field and every field of the kind, in a fixed order, so the
 * same record always gives the same text.
 */
export function recordJson(record: ImplementationRecord): string {
  return JSON.stringify({
    id: record.id,
    kind: record.kind,
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
    fields: record.fields,
  });
}

/** The record a history entry holds after its change (what a replayed request answers). */
export function recordAfter(entry: ChangeEntry): ImplementationRecord {
  return JSON.parse(entry.after) as ImplementationRecord;
}
