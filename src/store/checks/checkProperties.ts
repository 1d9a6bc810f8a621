import { StoreInputError } from '../../errors';
import type { PropertySpec } from '../../model/kinds';
import type { PropertyValue } from '../port';
import { checkPropertyValue } from './checkPropertyValue';

/**
 * Checks a property bag to be written: it must be a plain object whose keys
 * are all properties of `specs` and whose values fit their types. Returns the
 * properties given (undefined values count as not given), in the order of
 * `specs`. Throws {@link StoreInputError} naming `owner` and the property.
 */
export function checkProperties(owner: string, specs: readonly PropertySpec[], props: unknown): Map<string, PropertyValue> {
  if (props === undefined || props === null) return new Map();
  if (typeof props !== 'object' || Array.isArray(props)) throw new StoreInputError(`${owner}: props must be an object`);
  const bag = props as Record<string, unknown>;
  for (const key of Object.keys(bag)) {
    if (!specs.some((spec) => spec.name === key)) {
      throw new StoreInputError(`${owner}: unknown property "${key.length > 60 ? `${key.slice(0, 57)}...` : key}"`);
    }
  }
  const given = new Map<string, PropertyValue>();
  for (const spec of specs) {
    const value = bag[spec.name];
    if (value !== undefined) given.set(spec.name, checkPropertyValue(owner, spec, value));
  }
  return given;
}
