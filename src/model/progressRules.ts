import { ACTUAL_STATUSES, type ActualStatus } from './implementation';

/**
 * How the actual values of a target make its achievement, by the target's
 * `metric` (the seed's stable code of what is counted):
 *
 * - SUM: the values of the periods add up. For flows, counted afresh each
 *   period: training attendances ("lượt người", person-times), programme
 *   participations ("lượt doanh nghiệp, tổ chức") and reference materials,
 *   standards and instruments developed ("phát triển được"). The appendix
 *   shows it for the last: "ít nhất 30" by 2030 is "Giai đoạn đến 2025: 10"
 *   plus "Giai đoạn từ 2025 -2030: 20" (Phụ lục II.2.a).
 * - LATEST: the value of the latest period is the achievement. For levels,
 *   a count of what exists at a date: accredited laboratories applying the
 *   national criteria set (the body asks "ít nhất 01" by 2025 and "ít nhất
 *   05" by 2030, Mục I.2.a/b, which only reads as a level: a sum would make
 *   the appendix's "01" and "05" six) and service organisations whose
 *   capacity was raised and certified ("ít nhất 02 tổ chức", Phụ lục
 *   II.2.b: the same organisation reported two years running is one).
 *
 * A metric not listed here sums (the plan's flows are the common case); a
 * test checks every seeded metric is listed.
 */
export const METRIC_AGGREGATION: Readonly<Record<string, Aggregation>> = {
  'training-attendances': 'SUM',
  'assurance-programme-participations': 'SUM',
  'reference-materials': 'SUM',
  'accredited-labs': 'LATEST',
  'certified-service-organisations': 'LATEST',
};

export const AGGREGATIONS = ['SUM', 'LATEST'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The aggregation of a target's metric (see {@link METRIC_AGGREGATION}). */
export function aggregationOf(metric: unknown): Aggregation {
  return (typeof metric === 'string' ? METRIC_AGGREGATION[metric] : undefined) ?? 'SUM';
}

/**
 * Rank of an actual's status when two actuals cover the same period: the
 * stronger status wins (VERIFIED over FINAL over PROVISIONAL), then the one
 * changed last. Higher is stronger.
 */
export function statusRank(status: unknown): number {
  return ACTUAL_STATUSES.indexOf(status as ActualStatus);
}

/** Where a target stands as of a date. */
export const TARGET_STATUSES = ['NO_DATA', 'IN_PROGRESS', 'MET', 'EXCEEDED', 'NOT_MET'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * The status of a target from what was achieved, honouring its comparator:
 * no counted actual is NO_DATA (even after the due year: nothing recorded
 * is not evidence of failure); AT_LEAST is MET at or above the quantity;
 * EXACTLY is MET at the quantity and EXCEEDED above it (an exact target is
 * not met by more); below the quantity it is IN_PROGRESS until the end of
 * the due year and NOT_MET after it.
 *
 * @param dueOver true when the as-of date is after the target's due year
 */
export function targetStatus(achieved: number | null, quantity: number, comparator: unknown, dueOver: boolean): TargetStatus {
  if (achieved === null) return 'NO_DATA';
  if (achieved === quantity) return 'MET';
  if (achieved > quantity) return comparator === 'EXACTLY' ? 'EXCEEDED' : 'MET';
  return dueOver ? 'NOT_MET' : 'IN_PROGRESS';
}
