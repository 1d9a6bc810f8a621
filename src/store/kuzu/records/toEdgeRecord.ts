import type { KuzuValue } from 'kuzu';
import { RELATIONSHIP_PROPERTIES, type RelationshipType } from '../../../model/relationships';
import type { EdgeRecord, PropertyValue } from '../../port';
import { toPropertyValue } from './toPropertyValue';

/**
 * Builds a port relationship from a Kùzu rel value (`RETURN e`) and its
 * endpoint ids. Props hold every registry relationship property, null where
 * unset, in registry order.
 */
export function toEdgeRecord(type: RelationshipType, from: string, to: string, value: KuzuValue): EdgeRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw new Error('Kùzu returned something other than a relationship');
  }
  const rel = value as Record<string, KuzuValue>;
  const props: Record<string, PropertyValue> = {};
  for (const spec of RELATIONSHIP_PROPERTIES) {
    props[spec.name] = toPropertyValue(rel[spec.name], `${type} ${from} -> ${to}.${spec.name}`);
  }
  return { type, from, to, props };
}
