import { conditionFragment } from './conditionFragment';
import type { ResolvedCondition } from './resolveCondition';

/**
 * The predicates of resolved conditions on `variable`, their parameters
 * named `$w0`, `$w1`... in order. Returns the predicates (to be joined with
 * AND) and their parameters.
 */
export function whereClause(
  variable: string,
  conditions: readonly ResolvedCondition[],
): { predicates: string[]; params: Record<string, unknown> } {
  const predicates: string[] = [];
  const params: Record<string, unknown> = {};
  conditions.forEach((condition, i) => {
    const fragment = conditionFragment(variable, condition, `w${i}`);
    predicates.push(fragment.cypher);
    Object.assign(params, fragment.params);
  });
  return { predicates, params };
}

/** `WHERE a AND b` for a non-empty list of predicates, nothing otherwise. */
export function whereLine(predicates: readonly string[]): string[] {
  return predicates.length === 0 ? [] : [`WHERE ${predicates.join(' AND ')}`];
}
