import { cypherName } from './cypherName';
import type { ResolvedCondition } from './conditions';

/**
 * The Cypher predicate of one resolved condition on `variable`, with its
 * parameter named `param` (none for `isNull`): `n.p = $w0`, `n.p IS NULL`,
 * `n.p IN $w0`, `n.p <= $w0`, `n.p >= $w0`, `n.p CONTAINS $w0`.
 */
export function conditionFragment(
  variable: string,
  condition: ResolvedCondition,
  param: string,
): { cypher: string; params: Record<string, unknown> } {
  const target = `${variable}.${cypherName(condition.property)}`;
  const p = `$${cypherName(param)}`;
  switch (condition.operator) {
    case 'isNull':
      return { cypher: `${target} IS NULL`, params: {} };
    case 'eq':
      return { cypher: `${target} = ${p}`, params: { [param]: condition.value } };
    case 'in':
      return { cypher: `${target} IN ${p}`, params: { [param]: condition.value } };
    case 'lte':
      return { cypher: `${target} <= ${p}`, params: { [param]: condition.value } };
    case 'gte':
      return { cypher: `${target} >= ${p}`, params: { [param]: condition.value } };
    case 'contains':
      return { cypher: `${target} CONTAINS ${p}`, params: { [param]: condition.value } };
  }
}

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

/** A short label for statement names: the first conditions as `property operator`, then how many more. */
export function describeConditions(conditions: readonly ResolvedCondition[], shown = 3): string {
  const head = conditions.slice(0, shown).map((c) => `${c.property} ${c.operator}`);
  const rest = conditions.length - head.length;
  return [...head, ...(rest > 0 ? [`+${rest} more`] : [])].join(', ');
}
