/** The time zone of the plan's city (Đà Nẵng): "today" for an as-of read is today there. */
export const PLAN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: PLAN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date `YYYY-MM-DD` in {@link PLAN_TIME_ZONE} at `now` (default: this instant). */
export function todayInPlanTimeZone(now: Date = new Date()): string {
  const parts = Object.fromEntries(FORMAT.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
