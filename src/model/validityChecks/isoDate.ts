/**
 * Calendar dates as the validity properties hold them: `YYYY-MM-DD`, a real
 * day of the proleptic Gregorian calendar (no 2025-02-30). Such strings
 * compare in time order as plain strings.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** The day after a real calendar date (`2026-04-13` -> `2026-04-14`); throws on anything else. */
export function nextDay(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`${JSON.stringify(date)} is not a date YYYY-MM-DD`);
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
