import { int } from 'neo4j-driver';
import { StoreInputError } from '../../../errors';
import type { PropertySpec } from '../../../model/kinds';
import type { PropertyCondition } from '../../port';

/** The operators a condition compiles to (`eq: null` becomes `isNull`). */
export type ConditionOperator = 'eq' | 'isNull' | 'in' | 'lte' | 'gte' | 'contains';

/** A condition checked against the registry, its value ready to send (integers as neo4j Integers). */
export interface ResolvedCondition {
  readonly property: string;
  readonly operator: ConditionOperator;
  readonly value: unknown;
}

/** The operators each property type accepts. */
export const OPERATORS_BY_TYPE: Readonly<Record<PropertySpec['type'], readonly ConditionOperator[]>> = {
  string: ['eq', 'isNull', 'in', 'contains'],
  int: ['eq', 'isNull', 'in', 'lte', 'gte'],
  boolean: ['eq', 'isNull'],
};

const KEYS = ['eq', 'in', 'lte', 'gte', 'contains'] as const;

/**
 * Checks one condition against the spec of its property and converts its
 * value for the driver. Throws {@link StoreInputError} naming `doing`, the
 * property and the bad value when the property is unknown to `owner` (`spec`
 * undefined),
 * when not exactly one operator is set, or when the operator or value does
 * not fit the property's type.
 */
export function resolveCondition(
  condition: PropertyCondition,
  spec: PropertySpec | undefined,
  doing: string,
  owner: string,
): ResolvedCondition {
  if (condition === null || typeof condition !== 'object') throw new StoreInputError(`${doing}: a condition must be an object`);
  const property = condition.property;
  const bad = (why: string) => new StoreInputError(`${doing}: condition on "${String(property)}" ${why}`);
  if (!spec) throw bad(`names no property of ${owner}`);
  const set = KEYS.filter((key) => condition[key] !== undefined);
  if (set.length !== 1) throw bad(`must set exactly one operator of ${KEYS.join(', ')} (got ${set.length === 0 ? 'none' : set.join(', ')})`);
  const key = set[0] as (typeof KEYS)[number];
  const raw = condition[key];
  const operator: ConditionOperator = key === 'eq' && raw === null ? 'isNull' : key;
  if (!OPERATORS_BY_TYPE[spec.type].includes(operator)) throw bad(`cannot use ${key} on a ${spec.type} property`);
  switch (operator) {
    case 'isNull':
      return { property, operator, value: null };
    case 'eq':
      return { property, operator, value: scalarFor(spec, raw, bad) };
    case 'in': {
      if (!Array.isArray(raw)) throw bad('needs a list for in');
      return { property, operator, value: raw.map((item: unknown) => scalarFor(spec, item, bad)) };
    }
    case 'lte':
    case 'gte': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw bad(`needs a finite number for ${key} (got ${JSON.stringify(raw)})`);
      return { property, operator, value: Number.isSafeInteger(raw) ? int(raw) : raw };
    }
    case 'contains': {
      if (typeof raw !== 'string') throw bad(`needs a string for contains (got ${JSON.stringify(raw)})`);
      return { property, operator, value: raw };
    }
  }
}

function scalarFor(spec: PropertySpec, value: unknown, bad: (why: string) => StoreInputError): unknown {
  switch (spec.type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return int(value);
      break;
  }
  throw bad(`expects ${spec.type} values (got ${JSON.stringify(value)})`);
}
