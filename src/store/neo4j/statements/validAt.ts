import { cypherName } from './cypherName';

/** The parameter every as-of predicate reads its date from. */
export const AS_OF_PARAMETER = 'asOf';

/**
 * The predicate "the node or relationship bound to `variable` is valid on
 * `$asOf`": `(v.validFrom IS NULL OR v.validFrom <= $asOf) AND (v.validTo IS
 * NULL OR v.validTo > $asOf)` (half-open; YYYY-MM-DD strings compare as
 * dates).
 */
export function validAt(variable: string): string {
  const from = `${variable}.${cypherName('validFrom')}`;
  const to = `${variable}.${cypherName('validTo')}`;
  return `(${from} IS NULL OR ${from} <= $${AS_OF_PARAMETER}) AND (${to} IS NULL OR ${to} > $${AS_OF_PARAMETER})`;
}

/**
 * The as-of predicates of `variables` and their parameter when `asOf` is
 * given; none (and no parameter) when it is absent, so a read without a date
 * is the statement it always was.
 */
export function validityClause(variables: readonly string[], asOf: string | undefined): { predicates: string[]; params: Record<string, unknown> } {
  if (asOf === undefined) return { predicates: [], params: {} };
  return { predicates: variables.map(validAt), params: { [AS_OF_PARAMETER]: asOf } };
}
