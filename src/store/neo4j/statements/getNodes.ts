import type { NodeKind } from '../../../model/kinds';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { nodeProjection } from './projections';

/**
 * Nodes of one kind by id: `MATCH (n:Kind) WHERE n.id IN $ids`, served by
 * the index of the kind's uniqueness constraint. Columns: id, props.
 */
export function getNodesStatement(kind: NodeKind, ids: readonly string[]): Neo4jStatement {
  return {
    name: `getNodes:${kind}`,
    text: [`MATCH (n:${cypherName(kind)})`, 'WHERE n.id IN $ids', `RETURN n.id AS id, ${nodeProjection('n', kind)} AS props`].join('\n'),
    params: { ids: [...ids] },
  };
}
