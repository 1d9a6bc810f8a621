import type { PropertyValue } from '../port';
import { neo4jValueToJs } from './neo4jValueToJs';

/**
 * Converts a stored property into a port {@link PropertyValue} (see
 * {@link neo4jValueToJs} for integers and temporal values). A list or a map
 * cannot be represented by the port and throws a TypeError naming `at`: the
 * adapter only ever writes scalars, so one means foreign data.
 */
export function toPropertyValue(value: unknown, at: string): PropertyValue {
  const js = neo4jValueToJs(value, at);
  if (js !== null && typeof js === 'object') {
    throw new TypeError(`${at}: a ${Array.isArray(js) ? 'list' : 'map'} is stored where the registry expects a scalar`);
  }
  return js;
}
