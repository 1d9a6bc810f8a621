/**
 * The date a page reads the graph as of: the one chosen in its "as of"
 * control, else the day the plan's decision was issued, so with no date the
 * pages show the plan as its text gives it (the API's own default is today).
 */

/** Decision 202/QĐ-UBND was issued on 13 May 2019: the pages' date when none is chosen. */
export const AS_WRITTEN_DATE = '2019-05-13';

let chosen: string | null = null;

/** Sets the date chosen in the control (null: none). */
export function setPageDate(date: string | null): void {
  chosen = date;
}

/** The date the page's queries send as `asOf`. */
export function pageDate(): string {
  return chosen ?? AS_WRITTEN_DATE;
}
