import { BadUserInputError } from '../errors';
import { YEAR_RANGE, isIsoDate } from '../model/recordRules';
import { todayInPlanTimeZone } from '../model/today';

/** What a response says about the dates its as-of reads used (`extensions.asOf`, `extensions.asOfDates`). */
export interface AsOfExtension {
  /** The date every as-of read of the request used, or "mixed" when they used several. */
  readonly asOf: string;
  /** Present when mixed: every date used, in calendar order. */
  readonly asOfDates?: readonly string[];
}

/**
 * The as-of dates of one request. "Today" is fixed once, when the request
 * starts (in the plan's time zone), so every default read of one request uses
 * the same day; each date a field resolves is remembered so the answer can
 * state it.
 */
export class AsOfDates {
  private readonly used = new Set<string>();

  /** @param today the default date (today in Asia/Ho_Chi_Minh unless given) */
  constructor(readonly today: string = todayInPlanTimeZone()) {}

  /**
   * The date an `asOf` argument names (absent: {@link today}), remembered as
   * used. A malformed or impossible date (2026-02-30) is BAD_USER_INPUT
   * naming the argument and the value.
   */
  resolve(value: string | null | undefined, argument = 'asOf'): string {
    if (value === null || value === undefined) {
      this.used.add(this.today);
      return this.today;
    }
    const written: string = value;
    if (!isIsoDate(written)) {
      const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
      throw new BadUserInputError(`Argument "${argument}" is ${shown}; it must be a calendar date written YYYY-MM-DD (years ${YEAR_RANGE.min} to ${YEAR_RANGE.max}).`, argument);
    }
    this.used.add(value);
    return value;
  }

  /** What the answer states: nothing when no as-of read ran, one date, or "mixed" with the dates. */
  extension(): AsOfExtension | undefined {
    const dates = [...this.used].sort();
    if (dates.length === 0) return undefined;
    if (dates.length === 1) return { asOf: dates[0] as string };
    return { asOf: 'mixed', asOfDates: dates };
  }
}
