import { propertiesOf, type NodeKind } from '../../model/kinds';
import type { NodeRecord } from '../port';
import { readProps } from './readProps';

/** A {@link NodeRecord} from an id column and a map projection of a node of `kind`. */
export function readNodeRecord(kind: NodeKind, id: unknown, projection: unknown): NodeRecord {
  if (typeof id !== 'string') throw new TypeError(`a ${kind} node without a string id came back from Neo4j (${String(id)})`);
  return { id, kind, props: readProps(propertiesOf(kind), projection, id) };
}
