import type { ChangeEntry, ChangeListQuery } from '../store/port';

/** A filter of the history without its page: the same fields as the auditLog's query (ChangeListQuery). */
export type ChangeFilter = Omit<ChangeListQuery, 'offset' | 'limit'>;

/**
 * Whether `change` passes `filter`, with the meaning the stores give the
 * same fields in listChanges: the record, or the records of a subject; the
 * actor; the kind; the action; `from` inclusive and `to` exclusive (instants,
 * a date meaning its midnight UTC).
 */
export function matchesChange(filter: ChangeFilter, change: ChangeEntry): boolean {
  if (filter.recordId !== undefined && change.recordId !== filter.recordId) return false;
  if (filter.subject !== undefined && change.subject !== filter.subject) return false;
  if (filter.actor !== undefined && change.actor !== filter.actor) return false;
  if (filter.recordKind !== undefined && change.recordKind !== filter.recordKind) return false;
  if (filter.action !== undefined && change.action !== filter.action) return false;
  const at = Date.parse(change.at);
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && at >= Date.parse(filter.to)) return false;
  return true;
}
