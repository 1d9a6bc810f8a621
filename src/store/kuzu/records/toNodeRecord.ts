import type { KuzuValue } from 'kuzu';
import { isNodeKind, propertiesOf, type NodeKind } from '../../../model/kinds';
import { parseId } from '../../../model/ids';
import type { NodeRecord, PropertyValue } from '../../port';
import { toPropertyValue } from './toPropertyValue';

/**
 * Builds a port node from a Kùzu node value (`RETURN n`). Its props hold
 * every registry property of the kind, null where unset, in registry order,
 * so every adapter returns the same shape. The kind comes from the id prefix
 * (checked against the node's table label).
 */
export function toNodeRecord(value: KuzuValue): NodeRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw new Error('Kùzu returned something other than a node');
  }
  const node = value as Record<string, KuzuValue>;
  const id = node.id;
  if (typeof id !== 'string') throw new Error('Kùzu returned a node without a string id');
  const parsed = parseId(id);
  const label = node._label;
  const kind: NodeKind | undefined =
    typeof parsed !== 'string' ? parsed.kind : typeof label === 'string' && isNodeKind(label) ? label : undefined;
  if (kind === undefined) throw new Error(`stored node ${JSON.stringify(id)} has no known kind`);
  const props: Record<string, PropertyValue> = {};
  for (const spec of propertiesOf(kind)) props[spec.name] = toPropertyValue(node[spec.name], `${id}.${spec.name}`);
  return { id, kind, props };
}
