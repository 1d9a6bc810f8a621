import { isNodeKind, propertiesOf, type NodeKind, type PropertySpec } from '../../../model/kinds';
import type { NodeRecord, Properties, PropertyValue } from '../../port';
import { toPropertyValue } from './neo4jValueToJs';

/** A {@link NodeRecord} from an id column and a map projection of a node of `kind`. */
export function readNodeRecord(kind: NodeKind, id: unknown, projection: unknown): NodeRecord {
  if (typeof id !== 'string') throw new TypeError(`a ${kind} node without a string id came back from Neo4j (${String(id)})`);
  return { id, kind, props: readProps(propertiesOf(kind), projection, id) };
}

/**
 * A {@link NodeRecord} from the labels of a node (its kind is its one
 * registry label), its id and a projection of anyNodeProjection (statements/projections.ts).
 * Throws a TypeError when no label names a kind (data written by another
 * tool), naming the id.
 */
export function readLabelledNode(labels: unknown, id: unknown, projection: unknown): NodeRecord {
  const kind = kindOfLabels(labels);
  if (kind === undefined) throw new TypeError(`node ${String(id)} came back from Neo4j without a label naming a kind (labels ${JSON.stringify(labels)})`);
  return readNodeRecord(kind, id, projection);
}

/** The first label that names a kind, if any. */
export function kindOfLabels(labels: unknown): NodeKind | undefined {
  if (!Array.isArray(labels)) return undefined;
  return labels.find((label): label is NodeKind => typeof label === 'string' && isNodeKind(label));
}

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
