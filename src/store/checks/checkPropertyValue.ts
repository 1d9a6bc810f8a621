import { StoreInputError } from '../../errors';
import type { PropertySpec } from '../../model/kinds';
import type { PropertyValue } from '../port';

/** A UTF-16 surrogate without its pair: not Unicode text, and UTF-8 stores would replace it with U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks one value against the registry type of its property and returns it
 * as it will be sent to Kùzu: strings and booleans as they are, integers as
 * safe integers (-0 as 0), null as null. Anything else - a string where an
 * int is declared, a string with a lone UTF-16 surrogate, a fraction, NaN, Infinity, an integer beyond 2^53, an
 * object - throws {@link StoreInputError} naming `owner` and the property.
 *
 * @param owner what the value belongs to ("Task:x", "HAS_TASK Plan:p -> Task:t", "listNodes(Task)")
 */
export function checkPropertyValue(owner: string, spec: PropertySpec, value: unknown): PropertyValue {
  if (value === null) return null;
  switch (spec.type) {
    case 'string':
      if (typeof value === 'string') {
        if (LONE_SURROGATE.test(value)) {
          throw new StoreInputError(`${owner}: property "${spec.name}" is not well-formed Unicode (a lone surrogate cannot be stored)`);
        }
        return value;
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value === 0 ? 0 : value;
      break;
  }
  throw new StoreInputError(`${owner}: property "${spec.name}" must be ${describe(spec)} or null, got ${preview(value)}`);
}

function describe(spec: PropertySpec): string {
  return spec.type === 'int' ? 'an integer (a safe integer, no fraction)' : spec.type === 'boolean' ? 'a boolean' : 'a string';
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return value === undefined ? 'undefined' : Array.isArray(value) ? 'a list' : typeof value;
}
