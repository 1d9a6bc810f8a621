import { edgeMatch, describeEdgeSelection, type EdgeSelection } from './listEdges';
import type { Neo4jStatement } from './Neo4jStatement';

/** A grouping key of a relationship count and its column: relType, fromId, toId. */
export const EDGE_COUNT_COLUMNS = { type: 'relType', from: 'fromId', to: 'toId' } as const;

export type EdgeCountKey = keyof typeof EDGE_COUNT_COLUMNS;

/**
 * Relationship counts computed by Neo4j, one statement over the pattern of
 * {@link listEdgesStatements} ({@link edgeMatch}:
 * `(a:F1|F2)-[e:T1|T2]->(b:K1|K2)`, conditions on the end node), grouped by
 * the keys asked for, in their order:
 * `RETURN type(e) AS relType, a.id AS fromId, count(e) AS count`. Without
 * keys, one total (which may be zero).
 */
export function countEdgesStatement(selection: Omit<EdgeSelection, 'fromIds' | 'toIds'>, groupBy: readonly EdgeCountKey[]): Neo4jStatement {
  const { match, params } = edgeMatch(selection);
  const expressions: Record<EdgeCountKey, string> = { type: 'type(e)', from: 'a.id', to: 'b.id' };
  const keys = groupBy.map((key) => `${expressions[key]} AS ${EDGE_COUNT_COLUMNS[key]}`);
  return {
    name: `countEdges:${describeEdgeSelection(selection)} by ${groupBy.join(',') || 'nothing'}`,
    text: [...match, `RETURN ${[...keys, 'count(e) AS count'].join(', ')}`].join('\n'),
    params,
  };
}
