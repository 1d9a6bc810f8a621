import type { PropertyValue } from '../store/port';

/** The byte order mark a CSV file starts with, so that spreadsheets (Excel) read it as UTF-8 and show Vietnamese text as written. */
export const UTF8_BOM = '\uFEFF';

/** Line end of a CSV record (RFC 4180 §2.1). */
export const CSV_LINE_END = '\r\n';

/** First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): = + - @ TAB CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that oblige a field to be quoted (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field for `value`: empty for null, `true`/`false`, a number as
 * written by JavaScript, a string as is. A string that a spreadsheet would
 * take for a formula (starting with = + - @ TAB or CR) gets a leading `'`,
 * so it shows as text and never runs; numbers are never guarded (a negative
 * count stays a number). A field holding `"`, `,`, CR or LF is quoted, with
 * `"` doubled (RFC 4180 §2.7).
 */
export function csvCell(value: PropertyValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV record (with its CRLF) of `row`'s values in the order of `columns`. */
export function csvLine(columns: readonly string[], row: Readonly<Record<string, PropertyValue | undefined>>): string {
  return columns.map((column) => csvCell(row[column])).join(',') + CSV_LINE_END;
}

/** The header record of `columns` (names are plain words, never guarded or quoted beyond the rules above). */
export function csvHeader(columns: readonly string[]): string {
  return columns.map((column) => csvCell(column)).join(',') + CSV_LINE_END;
}
