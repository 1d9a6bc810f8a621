import type { ImplementationRecord, TaskProgress } from '../implementation';
import type { Columns } from './fromColumns';

/** A task as progress needs it (read by the adapter, with its plan's years). */
export interface ProgressTask {
  readonly id: string;
  readonly dueYear: number | null;
  readonly recurring: boolean;
  /** The first and last year of the task's plan; null when it has none. */
  readonly planStartYear: number | null;
  readonly planEndYear: number | null;
}

/**
 * A task's progress (see TaskProgress in src/store/implementation.ts) from
 * the task and its reports that are not retracted. A year Y has ended by the
 * as-of date when the date is in a later year. The same arithmetic for
 * every adapter.
 */
export function computeTaskProgress(task: ProgressTask, reports: readonly ImplementationRecord[], asOf: string): TaskProgress {
  const asOfYear = Number(asOf.slice(0, 4));
  const live = reports.filter((r) => !r.retracted && Number(r.fields.year) <= asOfYear);
  const byYear = new Map<number, ImplementationRecord>();
  for (const report of live) {
    const year = Number(report.fields.year);
    const held = byYear.get(year);
    if (!held || report.updatedAt > held.updatedAt) byYear.set(year, report);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const latestYear = years[years.length - 1];
  const latestReport = latestYear === undefined ? null : (byYear.get(latestYear) ?? null);
  const overdueYears = task.recurring ? recurringOverdue(task, byYear, asOfYear) : oneOffOverdue(task, byYear, latestReport, asOfYear);
  return { taskId: task.id, asOf, overdue: overdueYears.length > 0, overdueYears, latestReport, reportedYears: years };
}

/** Every year of the plan so far whose report says OVERDUE, or that ended without a report saying DONE. */
function recurringOverdue(task: ProgressTask, byYear: ReadonlyMap<number, ImplementationRecord>, asOfYear: number): number[] {
  const overdue = new Set<number>();
  for (const [year, report] of byYear) if (report.fields.status === 'OVERDUE') overdue.add(year);
  if (task.planStartYear !== null) {
    const last = Math.min(asOfYear - 1, task.planEndYear ?? asOfYear - 1);
    for (let year = task.planStartYear; year <= last; year += 1) {
      if (byYear.get(year)?.fields.status !== 'DONE') overdue.add(year);
    }
  }
  return [...overdue].sort((a, b) => a - b);
}

/** The task as a whole: its latest report says OVERDUE, or its due year ended with no report saying DONE. */
function oneOffOverdue(task: ProgressTask, byYear: ReadonlyMap<number, ImplementationRecord>, latest: ImplementationRecord | null, asOfYear: number): number[] {
  if (latest?.fields.status === 'OVERDUE') return [Number(latest.fields.year)];
  if (latest?.fields.status === 'DONE') return [];
  const done = [...byYear.values()].some((r) => r.fields.status === 'DONE');
  if (task.dueYear !== null && task.dueYear < asOfYear && !done) return [task.dueYear];
  return [];
}

/**
 * The progress of every task of a query from the rows an adapter read: tasks
 * (columns id, dueYear, recurring, planStartYear, planEndYear; the first row
 * of a task counts) and their reports. Aligned with `ids`; null where no
 * task row came back.
 */
export function taskProgressFromRows(
  ids: readonly string[],
  asOf: string,
  rows: { readonly tasks: readonly Columns[]; readonly reports: readonly ImplementationRecord[] },
): (TaskProgress | null)[] {
  const reports = new Map<string, ImplementationRecord[]>();
  for (const report of rows.reports) reports.set(report.subject, [...(reports.get(report.subject) ?? []), report]);
  const progress = new Map<string, TaskProgress>();
  for (const t of rows.tasks) {
    const id = String(t.id);
    if (progress.has(id)) continue;
    const task: ProgressTask = {
      id,
      dueYear: typeof t.dueYear === 'number' ? t.dueYear : null,
      recurring: t.recurring === true,
      planStartYear: typeof t.planStartYear === 'number' ? t.planStartYear : null,
      planEndYear: typeof t.planEndYear === 'number' ? t.planEndYear : null,
    };
    progress.set(id, computeTaskProgress(task, reports.get(id) ?? [], asOf));
  }
  return ids.map((id) => progress.get(id) ?? null);
}
