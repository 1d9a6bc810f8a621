import { compareCodePoints } from './compareCodePoints';
import type { Properties } from './records';

/**
 * Whether a node or relationship with these props holds on `asOf`
 * (`YYYY-MM-DD`): validFrom absent or <= asOf, and validTo absent or > asOf
 * (half-open; see AsOf in records.ts). Strings compare by code point, as the
 * stores compare them, so a stored value that is not a date is compared the
 * same way here and in Cypher.
 */
export function isValidOn(props: Properties, asOf: string): boolean {
  const from = props.validFrom;
  const to = props.validTo;
  return (typeof from !== 'string' || compareCodePoints(from, asOf) <= 0) && (typeof to !== 'string' || compareCodePoints(to, asOf) > 0);
}
