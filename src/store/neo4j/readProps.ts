import type { PropertySpec } from '../../model/kinds';
import type { Properties, PropertyValue } from '../port';
import { toPropertyValue } from './toPropertyValue';

/**
 * The props of a record as the port returns them: every registry property in
 * `specs` present, null when unset, read from a map projection.
 *
 * @param at the record being read, for error messages (an id or a relationship)
 */
export function readProps(specs: readonly PropertySpec[], projection: unknown, at: string): Properties {
  const source = projection !== null && typeof projection === 'object' ? (projection as Record<string, unknown>) : {};
  const props: Record<string, PropertyValue> = {};
  for (const spec of specs) props[spec.name] = toPropertyValue(source[spec.name], `${at}.${spec.name}`);
  return props;
}
