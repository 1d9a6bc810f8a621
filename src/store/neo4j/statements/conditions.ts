import { int } from 'neo4j-driver';
import { propertyOf, type NodeKind, type PropertySpec } from '../../../model/kinds';
import type { PropertyCondition } from '../../port';

/** The operators a condition compiles to (`eq: null` becomes `isNull`). */
export type ConditionOperator = 'eq' | 'isNull' | 'in' | 'lte' | 'gte' | 'contains';

/** A condition ready for the statement builders: its operator and its value ready to send (integers as neo4j Integers). */
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

/** The keys of a {@link PropertyCondition} that name an operator. */
export const CONDITION_KEYS = ['eq', 'in', 'lte', 'gte', 'contains'] as const;

/** The node id seen as a property: lists may filter and sort on it. */
export const ID_PROPERTY: PropertySpec = { name: 'id', type: 'string', sortable: true };

/** The spec of a property lists may filter or sort on for `kind`: `id` or a registry property; undefined otherwise. */
export function nodePropertySpec(kind: NodeKind, name: unknown): PropertySpec | undefined {
  if (typeof name !== 'string') return undefined;
  return name === 'id' ? ID_PROPERTY : propertyOf(kind, name);
}

/**
 * A condition already checked against its property (one operator set, a
 * value of the property's type) turned into what the builders take: the
 * operator (`eq: null` is `isNull`) and the value for the driver, safe
 * integers (alone or in an `in` list) as neo4j Integers, since a JavaScript
 * number travels as a float. It checks nothing.
 */
export function resolveCondition(condition: PropertyCondition): ResolvedCondition {
  const key = CONDITION_KEYS.find((k) => condition[k] !== undefined) ?? 'eq';
  const raw = condition[key];
  if (key === 'eq' && raw === null) return { property: condition.property, operator: 'isNull', value: null };
  const value = Array.isArray(raw) ? raw.map(toDriverValue) : toDriverValue(raw);
  return { property: condition.property, operator: key, value };
}

function toDriverValue(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? int(value) : value;
}
