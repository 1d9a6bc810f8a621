import { RELATIONSHIP_PROPERTIES, isRelationshipType } from '../../../model/relationships';
import type { GraphPath } from '../../analytics';
import type { EdgeRecord, NodeRecord } from '../../port';
import { describeEdge } from './readEdgeRecord';
import { readLabelledNode, readProps } from './readNodeRecord';

/**
 * A {@link GraphPath} from the `nodes` and `edges` columns of a path row
 * (see {@link PATH_COLUMNS}): nodes from start to end as `{id, labels,
 * props}`, relationships as `{type, from, to, props}` in their real
 * direction. Throws a TypeError when the row is not a path of the registry
 * (a node without a kind label, an unknown type, a relationship that does
 * not join its neighbours in the list).
 */
export function readGraphPath(nodesColumn: unknown, edgesColumn: unknown): GraphPath {
  if (!Array.isArray(nodesColumn) || !Array.isArray(edgesColumn) || nodesColumn.length !== edgesColumn.length + 1) {
    throw new TypeError('a path row from Neo4j does not hold n + 1 nodes for n relationships');
  }
  const nodes: NodeRecord[] = nodesColumn.map((n: unknown) => {
    const m = asMap(n, 'a path node');
    return readLabelledNode(m.labels, m.id, m.props);
  });
  const edges: EdgeRecord[] = edgesColumn.map((e: unknown, i) => {
    const m = asMap(e, 'a path relationship');
    const type = String(m.type);
    if (!isRelationshipType(type)) throw new TypeError(`unexpected relationship type ${type} in a path from Neo4j`);
    const from = String(m.from);
    const to = String(m.to);
    const a = nodes[i]?.id;
    const b = nodes[i + 1]?.id;
    if (!((from === a && to === b) || (from === b && to === a))) {
      throw new TypeError(`relationship ${describeEdge({ type, from, to })} does not join ${String(a)} and ${String(b)} in a path from Neo4j`);
    }
    const at = describeEdge({ type, from, to });
    return { type, from, to, props: readProps(RELATIONSHIP_PROPERTIES, m.props, at) };
  });
  return { nodes, edges };
}

function asMap(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${what} from Neo4j is not a map`);
  return value as Record<string, unknown>;
}
