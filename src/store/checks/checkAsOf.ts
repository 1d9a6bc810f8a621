import { checkDate } from './checkArguments';

/**
 * Checks the optional `asOf` of a read query (see AsOf in records.ts): absent
 * (null or undefined: the read is not filtered by validity) or a real
 * calendar date written `YYYY-MM-DD` (years 1990 to 2100, as every date the
 * port takes). Throws StoreInputError naming `<method>: query.asOf` and the
 * value; returns the date, or undefined when absent.
 */
export function checkAsOf(method: string, query: Readonly<Record<string, unknown>>): string | undefined {
  return checkDate(method, 'query.asOf', query.asOf);
}
