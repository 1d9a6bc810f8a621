import { aggregationOf, statusRank, targetStatus, type Aggregation } from '../../model/progressRules';
import type { ImplementationRecord, PhaseProgress, TargetProgress } from '../implementation';
import type { Columns } from './fromColumns';

/** A target as progress needs it (read by the adapter). */
export interface ProgressTarget {
  readonly id: string;
  readonly quantity: number;
  readonly comparator: string;
  readonly metric: string | null;
  /** The due year. */
  readonly year: number;
}

/** A phase a target falls in (read by the adapter). */
export interface ProgressPhase {
  readonly id: string;
  readonly startYear: number;
  readonly endYear: number;
}

/**
 * A target's progress (see TargetProgress in src/store/implementation.ts)
 * from what the adapter read in one round-trip: the target, its phases and
 * its actuals that are not retracted and end by the as-of date. The same
 * arithmetic for every adapter; the selection of rows is each adapter's
 * statement.
 */
export function computeTargetProgress(
  target: ProgressTarget,
  actuals: readonly ImplementationRecord[],
  phases: readonly ProgressPhase[],
  asOf: string,
): TargetProgress {
  const aggregation = aggregationOf(target.metric);
  const until = minString(asOf, `${target.year}-12-31`);
  const live = actuals.filter((a) => !a.retracted && String(a.fields.periodEnd) <= asOf);
  const baseline = live.find((a) => a.fields.baseline === true) ?? null;
  const counted = onePerPeriod(live.filter((a) => a.fields.baseline !== true && String(a.fields.periodEnd) <= until));
  const achieved = aggregate(counted, aggregation);
  const byPhase: PhaseProgress[] = [...phases]
    .sort((a, b) => a.startYear - b.startYear || compare(a.id, b.id))
    .map((phase) => {
      const inPhase = counted.filter((a) => {
        const year = Number(String(a.fields.periodEnd).slice(0, 4));
        return year >= phase.startYear && year <= phase.endYear;
      });
      return { phaseId: phase.id, startYear: phase.startYear, endYear: phase.endYear, achieved: aggregate(inPhase, aggregation), actualsCounted: inPhase.length };
    });
  const last = counted[counted.length - 1];
  return {
    targetId: target.id,
    asOf,
    aggregation,
    quantity: target.quantity,
    comparator: target.comparator,
    achieved,
    status: targetStatus(achieved, target.quantity, target.comparator, asOf > `${target.year}-12-31`),
    actualsCounted: counted.length,
    latestPeriodEnd: last ? String(last.fields.periodEnd) : null,
    counted,
    baseline,
    byPhase,
  };
}

/** Of the actuals of each period (same start and end), the strongest status, then the one changed last; in period order. */
function onePerPeriod(actuals: readonly ImplementationRecord[]): ImplementationRecord[] {
  const best = new Map<string, ImplementationRecord>();
  for (const actual of actuals) {
    const key = `${String(actual.fields.periodStart)}/${String(actual.fields.periodEnd)}`;
    const held = best.get(key);
    if (!held || stronger(actual, held)) best.set(key, actual);
  }
  return [...best.values()].sort(
    (a, b) => compare(String(a.fields.periodEnd), String(b.fields.periodEnd)) || compare(String(a.fields.periodStart), String(b.fields.periodStart)),
  );
}

function stronger(a: ImplementationRecord, b: ImplementationRecord): boolean {
  const rank = statusRank(a.fields.status) - statusRank(b.fields.status);
  if (rank !== 0) return rank > 0;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return a.id > b.id;
}

/** The sum of the values, or the value of the last period; null for none. */
function aggregate(inOrder: readonly ImplementationRecord[], aggregation: Aggregation): number | null {
  if (inOrder.length === 0) return null;
  if (aggregation === 'LATEST') return Number(inOrder[inOrder.length - 1]?.fields.value ?? 0);
  return inOrder.reduce((sum, a) => sum + Number(a.fields.value ?? 0), 0);
}

function minString(a: string, b: string): string {
  return a < b ? a : b;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The progress of every target of a query from the rows an adapter read:
 * targets (columns id, quantity, comparator, metric, year), their actuals,
 * and their phases (columns target, id, startYear, endYear). Aligned with
 * `ids`; null where no target row came back.
 */
export function targetProgressFromRows(
  ids: readonly string[],
  asOf: string,
  rows: { readonly targets: readonly Columns[]; readonly actuals: readonly ImplementationRecord[]; readonly phases: readonly Columns[] },
): (TargetProgress | null)[] {
  const actuals = groupBy(rows.actuals, (a) => a.subject);
  const phases = groupBy(
    rows.phases.map((p) => ({ target: String(p.target), id: String(p.id), startYear: Number(p.startYear), endYear: Number(p.endYear) })),
    (p) => p.target,
  );
  const progress = new Map<string, TargetProgress>();
  for (const t of rows.targets) {
    const target = { id: String(t.id), quantity: Number(t.quantity), comparator: String(t.comparator), metric: typeof t.metric === 'string' ? t.metric : null, year: Number(t.year) };
    progress.set(target.id, computeTargetProgress(target, actuals.get(target.id) ?? [], phases.get(target.id) ?? [], asOf));
  }
  return ids.map((id) => progress.get(id) ?? null);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
