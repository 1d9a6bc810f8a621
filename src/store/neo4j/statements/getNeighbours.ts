import type { NodeKind } from '../../../model/kinds';
import type { Direction, RelationshipType } from '../../../model/relationships';
import { cypherName } from './cypherName';
import { edgeProjection, nodeProjection } from './projections';
import type { Neo4jStatement } from './Neo4jStatement';
import { validityClause } from './validAt';

/**
 * Neighbours over `type` of the `anchorKind` nodes in `$ids`, at the
 * `otherKind` end, seen in `direction` from the anchor (OUT: anchor is the
 * start node). Columns: anchorId, otherId, edgeProps, nodeProps. Ordering is
 * done by the caller once the statements of every kind pair are merged.
 * With `asOf`, only rows whose anchor, relationship and other node are all
 * valid on that date.
 */
export function neighbourStatement(
  type: RelationshipType,
  direction: Direction,
  anchorKind: NodeKind,
  otherKind: NodeKind,
  ids: readonly string[],
  asOf?: string,
): Neo4jStatement {
  const rel = `[e:${cypherName(type)}]`;
  const pattern =
    direction === 'OUT'
      ? `(a:${cypherName(anchorKind)})-${rel}->(b:${cypherName(otherKind)})`
      : `(a:${cypherName(anchorKind)})<-${rel}-(b:${cypherName(otherKind)})`;
  const validity = validityClause(['a', 'e', 'b'], asOf);
  return {
    name: `neighbours:${type}:${direction}:${anchorKind}:${otherKind}${asOf !== undefined ? ' asOf' : ''}`,
    text: [
      `MATCH ${pattern}`,
      `WHERE ${['a.id IN $ids', ...validity.predicates].join(' AND ')}`,
      `RETURN a.id AS anchorId, b.id AS otherId, ${edgeProjection('e')} AS edgeProps, ${nodeProjection('b', otherKind)} AS nodeProps`,
    ].join('\n'),
    params: { ids: [...ids], ...validity.params },
  };
}
