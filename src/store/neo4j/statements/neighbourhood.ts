import { int } from 'neo4j-driver';
import type { NodeKind } from '../../../model/kinds';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../../model/relationships';
import { anyNodeProjection, edgeProjection, nodeProjection } from './projections';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { validityClause } from './validAt';

/**
 * The start nodes of a neighbourhood of one kind, by id (an index seek).
 * Columns: eid (the element id, valid within the transaction, that the
 * next statements seek by), id, props.
 */
export function neighbourhoodStartStatement(kind: NodeKind, ids: readonly string[], asOf?: string): Neo4jStatement {
  const validity = validityClause(['n'], asOf);
  return {
    name: `neighbourhood.start:${kind}${asOf !== undefined ? ' asOf' : ''}`,
    text: [`MATCH (n:${cypherName(kind)})`, `WHERE ${['n.id IN $ids', ...validity.predicates].join(' AND ')}`, `RETURN elementId(n) AS eid, n.id AS id, ${nodeProjection('n', kind)} AS props`].join(
      '\n',
    ),
    params: { ids: [...ids], ...validity.params },
  };
}

/**
 * One breadth-first layer: the nodes one relationship (of `types`, either
 * direction) away from the nodes whose element ids are in `$frontier`, of
 * `kinds` (label check), not in `$visited` (the element ids of every node
 * already reached); at most `$room` of them, by id. Columns: eid, id,
 * labels, props.
 */
export function neighbourhoodLayerStatement(
  types: readonly RelationshipType[] | undefined,
  kinds: readonly NodeKind[] | undefined,
  frontier: readonly string[],
  visited: readonly string[],
  room: number,
  asOf?: string,
): Neo4jStatement {
  const validity = validityClause(['r', 'y'], asOf);
  return {
    name: `neighbourhood.layer:${types === undefined ? '*' : types.join('|')}:${kinds === undefined ? '*' : kinds.join('|')}${asOf !== undefined ? ':asOf' : ''}`,
    text: [
      `MATCH (x)-[${asOf !== undefined ? 'r' : ''}${typeExpression(types)}]-(y${labelExpression(kinds)})`,
      `WHERE ${['elementId(x) IN $frontier AND NOT elementId(y) IN $visited', ...validity.predicates].join(' AND ')}`,
      'WITH DISTINCT y',
      'ORDER BY y.id ASC',
      'LIMIT $room',
      `RETURN elementId(y) AS eid, y.id AS id, labels(y) AS labels, ${anyNodeProjection('y')} AS props`,
    ].join('\n'),
    params: { frontier: [...frontier], visited: [...visited], room: int(room), ...validity.params },
  };
}

/**
 * Every relationship of `types` (any type when undefined) whose both ends
 * are among the nodes with element ids `$eids`. Columns: relType, fromId,
 * toId, props.
 */
export function subgraphEdgesStatement(types: readonly RelationshipType[] | undefined, eids: readonly string[], asOf?: string): Neo4jStatement {
  const validity = validityClause(['e'], asOf);
  return {
    name: `neighbourhood.edges:${types === undefined ? '*' : types.join('|')}${asOf !== undefined ? ' asOf' : ''}`,
    text: [
      `MATCH (a)-[e${typeExpression(types)}]->(b)`,
      `WHERE ${['elementId(a) IN $eids AND elementId(b) IN $eids', ...validity.predicates].join(' AND ')}`,
      `RETURN type(e) AS relType, a.id AS fromId, b.id AS toId, ${edgeProjection('e')} AS props`,
    ].join('\n'),
    params: { eids: [...eids], ...validity.params },
  };
}

/** `:T1|T2`; any type (undefined) is every type of the registry, so a graph answer never reaches the records of implementation. */
function typeExpression(types: readonly RelationshipType[] | undefined): string {
  return `:${(types ?? RELATIONSHIP_TYPES).map(cypherName).join('|')}`;
}

function labelExpression(kinds: readonly NodeKind[] | undefined): string {
  return kinds === undefined ? '' : `:${kinds.map(cypherName).join('|')}`;
}
