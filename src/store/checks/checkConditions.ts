import type { NodeKind, PropertySpec } from '../../model/kinds';
import type { PropertyCondition, PropertyValue, SortKey } from '../port';
import { argumentError, checkList, checkOneOf, checkObject, checkProperty, isAbsent } from './checkArguments';

/** A UTF-16 surrogate without its pair: not Unicode text, and UTF-8 stores would replace it with U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const OPERATORS = ['eq', 'in', 'lte', 'gte', 'contains'] as const;

/**
 * Checks one value against the registry type of its property: a string
 * (well-formed Unicode: a lone UTF-16 surrogate cannot be stored), a
 * boolean, or a safe integer (no fraction, NaN, Infinity or value beyond
 * 2^53); null when `nullable`.
 */
export function checkPropertyValue(method: string, argument: string, spec: PropertySpec, value: unknown, nullable: boolean): PropertyValue {
  if (value === null && nullable) return null;
  switch (spec.type) {
    case 'string':
      if (typeof value === 'string') {
        if (LONE_SURROGATE.test(value)) throw argumentError(method, argument, 'well-formed Unicode text (a lone surrogate cannot be stored)', value);
        return value;
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      break;
  }
  const type = spec.type === 'int' ? 'an integer (a safe integer, no fraction)' : spec.type === 'boolean' ? 'a boolean' : 'a string';
  throw argumentError(method, argument, `${type}${nullable ? ' or null' : ''} (property "${spec.name}")`, value);
}

/**
 * Checks a list of conditions on nodes that are one of `kinds` (absent:
 * none). Each is an object naming a property of those kinds (or `id`) and
 * exactly one operator: `eq` (a value of the property's type, or null for
 * "is null"), `in` (a list of such values, no null, not on a boolean
 * property; an empty list matches nothing), `lte` / `gte` (an integer, on an
 * int property), `contains` (a string, on a string property).
 *
 * @param accept further restricts the properties (countNodes without a kind)
 */
export function checkConditions(
  method: string,
  argument: string,
  kinds: readonly NodeKind[],
  conditions: unknown,
  accept?: { readonly names: readonly string[]; readonly expected: string },
): void {
  if (isAbsent(conditions)) return;
  checkList(method, argument, conditions, 'conditions').forEach((condition, i) => {
    const at = `${argument}[${i}]`;
    const c = checkObject(method, at, condition) as unknown as PropertyCondition;
    if (accept && !accept.names.includes(c.property)) throw argumentError(method, `${at}.property`, accept.expected, c.property);
    const spec = checkProperty(method, `${at}.property`, kinds, c.property);
    const set = OPERATORS.filter((op) => c[op] !== undefined);
    if (set.length !== 1) {
      throw argumentError(method, at, `a condition on "${spec.name}" with exactly one of ${OPERATORS.join(', ')}`, `${set.length} of them (${set.join(', ') || 'none'})`);
    }
    const op = set[0] as (typeof OPERATORS)[number];
    const operand = `${at}.${op}`;
    switch (op) {
      case 'eq':
        checkPropertyValue(method, operand, spec, c.eq, true);
        break;
      case 'in':
        if (spec.type === 'boolean') throw argumentError(method, operand, `absent: "in" cannot test the boolean property "${spec.name}"`, c.in);
        checkList(method, operand, c.in, `values of "${spec.name}"`).forEach((v, j) => checkPropertyValue(method, `${operand}[${j}]`, spec, v, false));
        break;
      case 'lte':
      case 'gte':
        if (spec.type !== 'int') throw argumentError(method, operand, `absent: "${op}" needs an int property; "${spec.name}" is ${spec.type}`, c[op]);
        checkPropertyValue(method, operand, spec, c[op], false);
        break;
      case 'contains':
        if (spec.type !== 'string') throw argumentError(method, operand, `absent: "contains" needs a string property; "${spec.name}" is ${spec.type}`, c.contains);
        checkPropertyValue(method, operand, spec, c.contains, false);
        break;
    }
  });
}

/** Checks sort keys on nodes of `kind` (absent: none): a property of the kind (or `id`) and ASC or DESC. */
export function checkSortKeys(method: string, argument: string, kind: NodeKind, keys: unknown): void {
  if (isAbsent(keys)) return;
  checkList(method, argument, keys, 'sort keys').forEach((key, i) => {
    const k = checkObject(method, `${argument}[${i}]`, key) as unknown as SortKey;
    checkProperty(method, `${argument}[${i}].property`, [kind], k.property);
    checkOneOf(method, `${argument}[${i}].direction`, k.direction, ['ASC', 'DESC']);
  });
}
