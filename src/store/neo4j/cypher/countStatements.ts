import type { NodeKind } from '../../../model/kinds';
import { cypherName } from './cypherName';
import { describeConditions } from './describeConditions';
import { describeEdgeSelection, edgeMatch, type EdgeSelection } from './listEdgesStatements';
import type { Neo4jStatement } from './Neo4jStatement';
import type { ResolvedCondition } from './resolveCondition';
import { whereClause, whereLine } from './whereClause';

/**
 * Node counts computed by Neo4j, one statement:
 * - with `groupBy` (a property of the one kind in `kinds`):
 *   `MATCH (n:Kind) WHERE ... RETURN n.p AS value, count(n) AS count`
 *   (nodes without the property form the group of null);
 * - without: one `MATCH (n:Kind) WHERE ... RETURN 'Kind' AS kind, count(n)
 *   AS count` per kind, joined by UNION ALL (unfiltered, Neo4j answers each
 *   from its count store).
 * Groups with a zero count come back too (an aggregation without grouping
 * keys always yields a row); the store drops them.
 */
export function countNodesStatement(kinds: readonly NodeKind[], conditions: readonly ResolvedCondition[], groupBy?: string): Neo4jStatement {
  const { predicates, params } = whereClause('n', conditions);
  const match = (kind: NodeKind) => [`MATCH (n:${cypherName(kind)})`, ...whereLine(predicates)];
  const where = describeConditions(conditions);
  const suffix = where ? ` where ${where}` : '';
  if (groupBy !== undefined) {
    const [kind, ...others] = kinds;
    if (kind === undefined || others.length > 0) throw new TypeError('countNodesStatement: grouping by a property needs exactly one kind');
    return {
      name: `countNodes:${kind} by ${groupBy}${suffix}`,
      cypher: [...match(kind), `RETURN n.${cypherName(groupBy)} AS value, count(n) AS count`].join('\n'),
      params,
    };
  }
  if (kinds.length === 0) throw new TypeError('countNodesStatement: needs at least one kind');
  return {
    name: `countNodes:${kinds.length === 1 ? kinds.join('') : `${kinds.length} kinds`}${suffix}`,
    cypher: kinds.map((kind) => [...match(kind), `RETURN '${cypherName(kind)}' AS kind, count(n) AS count`].join('\n')).join('\nUNION ALL\n'),
    params,
  };
}

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
    cypher: [...match, `RETURN ${[...keys, 'count(e) AS count'].join(', ')}`].join('\n'),
    params,
  };
}
