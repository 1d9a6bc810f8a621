import type { NodeKind } from '../../../model/kinds';
import type { Direction, RelationshipType } from '../../../model/relationships';
import { cypherName } from './cypherName';
import { edgeProjection, nodeProjection } from './projections';
import type { Neo4jStatement } from './Neo4jStatement';

/**
 * Neighbours over `type` of the `anchorKind` nodes in `$ids`, at the
 * `otherKind` end, seen in `direction` from the anchor (OUT: anchor is the
 * start node). Columns: anchorId, otherId, edgeProps, nodeProps. Ordering is
 * done by the caller once the statements of every kind pair are merged.
 */
export function neighbourStatement(
  type: RelationshipType,
  direction: Direction,
  anchorKind: NodeKind,
  otherKind: NodeKind,
  ids: readonly string[],
): Neo4jStatement {
  const rel = `[e:${cypherName(type)}]`;
  const pattern =
    direction === 'OUT'
      ? `(a:${cypherName(anchorKind)})-${rel}->(b:${cypherName(otherKind)})`
      : `(a:${cypherName(anchorKind)})<-${rel}-(b:${cypherName(otherKind)})`;
  return {
    name: `neighbours:${type}:${direction}:${anchorKind}:${otherKind}`,
    text: [
      `MATCH ${pattern}`,
      'WHERE a.id IN $ids',
      `RETURN a.id AS anchorId, b.id AS otherId, ${edgeProjection('e')} AS edgeProps, ${nodeProjection('b', otherKind)} AS nodeProps`,
    ].join('\n'),
    params: { ids: [...ids] },
  };
}
