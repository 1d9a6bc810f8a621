import { cypherName } from './cypherName';
import type { ResolvedCondition } from './resolveCondition';

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
