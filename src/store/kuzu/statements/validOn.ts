import type { Conditions } from './conditions';
import { quoteIdentifier } from './Statement';

/** The parameter every as-of predicate reads its date from. */
export const AS_OF_PARAMETER = 'asOf';

/**
 * The predicate "the node or relationship bound to `variable` is valid on
 * `$asOf`": `(v.validFrom IS NULL OR v.validFrom <= $asOf) AND (v.validTo IS
 * NULL OR v.validTo > $asOf)` (half-open: valid from validFrom included to
 * validTo excluded; YYYY-MM-DD strings compare as dates).
 */
export function validAt(variable: string): string {
  const from = `${variable}.${quoteIdentifier('validFrom')}`;
  const to = `${variable}.${quoteIdentifier('validTo')}`;
  return `(${from} IS NULL OR ${from} <= $${AS_OF_PARAMETER}) AND (${to} IS NULL OR ${to} > $${AS_OF_PARAMETER})`;
}

/**
 * `conditions` with, when `asOf` is given, the predicate {@link validAt} for
 * each of `variables` and the parameter `$asOf`; unchanged when `asOf` is
 * absent (no validity filter at all) or the conditions can match nothing.
 */
export function validOn<C extends Conditions>(conditions: C, variables: readonly string[], asOf: string | undefined): C {
  if (asOf === undefined || conditions.never) return conditions;
  return { ...conditions, predicates: [...conditions.predicates, ...variables.map(validAt)], params: { ...conditions.params, [AS_OF_PARAMETER]: asOf } };
}
