import { StoreInputError } from '../../../errors';
import type { NodeKind } from '../../../model/kinds';
import type { PropertyCondition } from '../../port';
import { checkPropertyValue } from '../../checks/checkPropertyValue';
import { quoteIdentifier, type Params } from './Statement';
import { resolveProperty } from '../../checks/resolveProperty';

/** Cypher predicates and their parameters, or `never` when a condition can match nothing (an empty `in`). */
export type Conditions = { readonly never: true } | { readonly never: false; readonly predicates: string[]; readonly params: Params };

const OPERATORS = ['eq', 'in', 'lte', 'gte', 'contains'] as const;

/**
 * Turns port conditions on node variable `variable` into Cypher predicates
 * with every value as a parameter (named `<prefix>0`, `<prefix>1`...).
 * Property names are checked against the registry of `kinds`, values against
 * the property's type; exactly one operator per condition. `eq: null` means
 * IS NULL; `lte`/`gte` need an int property, `contains` a string one.
 *
 * @param owner names the call in error messages, e.g. "listNodes(Task)"
 */
export function buildConditions(
  owner: string,
  variable: string,
  kinds: readonly NodeKind[],
  conditions: readonly PropertyCondition[] | undefined,
  prefix: string,
): Conditions {
  const predicates: string[] = [];
  const params: Params = {};
  if (conditions === undefined) return { never: false, predicates, params };
  if (!Array.isArray(conditions)) throw new StoreInputError(`${owner}: conditions must be a list`);
  for (const condition of conditions as readonly unknown[]) {
    if (typeof condition !== 'object' || condition === null) throw new StoreInputError(`${owner}: a condition must be an object`);
    const c = condition as PropertyCondition;
    const spec = resolveProperty(owner, kinds, c.property);
    const column = `${variable}.${quoteIdentifier(spec.name)}`;
    const set = OPERATORS.filter((op) => c[op] !== undefined);
    if (set.length !== 1) {
      throw new StoreInputError(`${owner}: condition on "${spec.name}" must set exactly one of ${OPERATORS.join(', ')} (got ${set.length})`);
    }
    const name = `${prefix}${predicates.length}`;
    const where = `${owner} condition`;
    switch (set[0]) {
      case 'eq': {
        const value = checkPropertyValue(where, spec, c.eq);
        if (value === null) predicates.push(`${column} IS NULL`);
        else {
          predicates.push(`${column} = $${name}`);
          params[name] = value;
        }
        break;
      }
      case 'in': {
        if (!Array.isArray(c.in)) throw new StoreInputError(`${owner}: "in" on "${spec.name}" must be a list`);
        if (spec.type === 'boolean') throw new StoreInputError(`${owner}: "in" cannot test the boolean property "${spec.name}"`);
        const values = (c.in as readonly unknown[]).map((v) => {
          if (v === null) throw new StoreInputError(`${owner}: "in" on "${spec.name}" cannot hold null`);
          return checkPropertyValue(where, spec, v);
        });
        if (values.length === 0) return { never: true };
        predicates.push(`${column} IN $${name}`);
        params[name] = values as (string | number)[];
        break;
      }
      case 'lte':
      case 'gte': {
        const op = set[0];
        if (spec.type !== 'int') throw new StoreInputError(`${owner}: "${op}" needs an int property; "${spec.name}" is ${spec.type}`);
        const value = checkPropertyValue(where, spec, c[op]);
        if (value === null) throw new StoreInputError(`${owner}: "${op}" on "${spec.name}" cannot be null`);
        predicates.push(`${column} ${op === 'lte' ? '<=' : '>='} $${name}`);
        params[name] = value;
        break;
      }
      case 'contains': {
        if (spec.type !== 'string') throw new StoreInputError(`${owner}: "contains" needs a string property; "${spec.name}" is ${spec.type}`);
        const value = checkPropertyValue(where, spec, c.contains);
        if (value === null) throw new StoreInputError(`${owner}: "contains" on "${spec.name}" cannot be null`);
        predicates.push(`${column} CONTAINS $${name}`);
        params[name] = value;
        break;
      }
    }
  }
  return { never: false, predicates, params };
}
