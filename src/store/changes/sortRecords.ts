import type { ImplementationRecord } from '../implementation';

/**
 * Sorts records in the order the port promises for a subject's records:
 * actuals by period start, then end; reports by year; events by date; then
 * by creation and id (strings compared by code point).
 */
export function sortRecords(records: ImplementationRecord[]): ImplementationRecord[] {
  return records.sort(
    (a, b) =>
      compare(a.fields.date ?? '', b.fields.date ?? '') ||
      compare(a.fields.periodStart ?? '', b.fields.periodStart ?? '') ||
      compare(a.fields.periodEnd ?? '', b.fields.periodEnd ?? '') ||
      Number(a.fields.year ?? 0) - Number(b.fields.year ?? 0) ||
      compare(a.createdAt, b.createdAt) ||
      compare(a.id, b.id),
  );
}

/**
 * Groups records by subject (or by the node a field names, `field`),
 * aligned with `subjects`, each list sorted (see {@link sortRecords}).
 */
export function groupBySubject(subjects: readonly string[], records: readonly ImplementationRecord[], field?: string): ImplementationRecord[][] {
  const bySubject = new Map<string, ImplementationRecord[]>();
  for (const record of records) {
    const key = field === undefined ? record.subject : String(record.fields[field]);
    const list = bySubject.get(key) ?? [];
    list.push(record);
    bySubject.set(key, list);
  }
  for (const list of bySubject.values()) sortRecords(list);
  return subjects.map((subject) => [...(bySubject.get(subject) ?? [])]);
}

function compare(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
