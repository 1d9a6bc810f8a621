import type { PropertyCondition } from '../../port';
import { quoteIdentifier, type Params } from './Statement';

/** Cypher predicates and their parameters, or `never` when a condition can match nothing (an empty `in`). */
export type Conditions = { readonly never: true } | { readonly never: false; readonly predicates: string[]; readonly params: Params };

/**
 * Turns port conditions (checked by checkStoreCalls: known properties,
 * exactly one operator, values of the property's type) on node variable
 * `variable` into Cypher predicates with every value as a parameter (named
 * `<prefix>0`, `<prefix>1`...). `eq: null` means IS NULL; an empty `in`
 * matches nothing.
 */
export function buildConditions(variable: string, conditions: readonly PropertyCondition[] | undefined, prefix: string): Conditions {
  const predicates: string[] = [];
  const params: Params = {};
  for (const c of conditions ?? []) {
    const column = `${variable}.${quoteIdentifier(c.property)}`;
    const name = `${prefix}${predicates.length}`;
    if (c.eq !== undefined) {
      if (c.eq === null) predicates.push(`${column} IS NULL`);
      else {
        predicates.push(`${column} = $${name}`);
        params[name] = c.eq === 0 ? 0 : c.eq;
      }
    } else if (c.in !== undefined) {
      if (c.in.length === 0) return { never: true };
      predicates.push(`${column} IN $${name}`);
      params[name] = c.in.map((v) => (v === 0 ? 0 : v));
    } else if (c.lte !== undefined) {
      predicates.push(`${column} <= $${name}`);
      params[name] = c.lte;
    } else if (c.gte !== undefined) {
      predicates.push(`${column} >= $${name}`);
      params[name] = c.gte;
    } else if (c.contains !== undefined) {
      predicates.push(`${column} CONTAINS $${name}`);
      params[name] = c.contains;
    }
  }
  return { never: false, predicates, params };
}
