import { isNodeKind, type NodeKind } from '../../model/kinds';
import type { NodeRecord } from '../port';
import { readNodeRecord } from './readNodeRecord';

/**
 * A {@link NodeRecord} from the labels of a node (its kind is its one
 * registry label), its id and a projection of {@link anyNodeProjection}.
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
