import { int } from 'neo4j-driver';
import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import { cypherName } from './cypherName';
import { describeConditions, whereClause, whereLine } from './whereClause';
import { edgeProjection } from './projections';
import type { Neo4jStatement } from './Neo4jStatement';
import type { ResolvedCondition } from './conditions';
import { validityClause } from './validAt';

/** What one page of relationships selects, already narrowed by the registry. */
export interface EdgeSelection {
  readonly types: readonly RelationshipType[];
  /** Kinds the start node may have (label disjunction). */
  readonly fromKinds: readonly NodeKind[];
  /** Kinds the end node may have (label disjunction). */
  readonly toKinds: readonly NodeKind[];
  /** Start ids to keep, or undefined for any. */
  readonly fromIds?: readonly string[];
  /** End ids to keep, or undefined for any. */
  readonly toIds?: readonly string[];
  /** Conditions on the end node. */
  readonly toWhere: readonly ResolvedCondition[];
  /** Only relationships valid on this date (YYYY-MM-DD) whose both ends are valid on it; absent: any. */
  readonly asOf?: string;
}

/**
 * The two statements of one page of relationships, run in one read
 * transaction: `count` (column total) and `page` (columns relType, fromId,
 * toId, props, toOrdinal, ordinal), in one pattern
 * `(a:F1|F2)-[e:T1|T2]->(b:K1|K2)` (label expressions of Neo4j 5), ordered
 * by type, end node ordinal, end id, relationship ordinal, start id (nulls
 * last, ascending).
 */
export function listEdgesStatements(
  selection: EdgeSelection,
  offset: number,
  limit: number,
): { count: Neo4jStatement; page: Neo4jStatement } {
  const { match, params: allParams } = edgeMatch(selection);
  const suffix = describeEdgeSelection(selection);
  return {
    count: {
      name: `listEdges.count:${suffix}`,
      text: [...match, 'RETURN count(e) AS total'].join('\n'),
      params: allParams,
    },
    page: {
      name: `listEdges.page:${suffix}`,
      text: [
        ...match,
        `RETURN type(e) AS relType, a.id AS fromId, b.id AS toId, ${edgeProjection('e')} AS props, b.ordinal AS toOrdinal, e.ordinal AS ordinal`,
        'ORDER BY relType ASC, toOrdinal ASC, toId ASC, ordinal ASC, fromId ASC',
        'SKIP $offset',
        'LIMIT $limit',
      ].join('\n'),
      params: { ...allParams, offset: int(offset), limit: int(limit) },
    },
  };
}

/**
 * The MATCH (and WHERE) lines of a relationship selection and their
 * parameters: `MATCH (a:F1|F2)-[e:T1|T2]->(b:K1|K2)`, then the start ids
 * (`$fromIds`), end ids (`$toIds`), end-node conditions (`$w0`...) and, with
 * a date, the validity of a, e and b on it (`$asOf`), ANDed.
 * Shared by lists and counts of relationships.
 */
export function edgeMatch(selection: EdgeSelection): { match: string[]; params: Record<string, unknown> } {
  const { predicates, params } = whereClause('b', selection.toWhere);
  const validity = validityClause(['a', 'e', 'b'], selection.asOf);
  const idPredicates: string[] = [];
  const idParams: Record<string, unknown> = {};
  if (selection.fromIds !== undefined) {
    idPredicates.push('a.id IN $fromIds');
    idParams.fromIds = [...selection.fromIds];
  }
  if (selection.toIds !== undefined) {
    idPredicates.push('b.id IN $toIds');
    idParams.toIds = [...selection.toIds];
  }
  const labels = (kinds: readonly NodeKind[]) => kinds.map(cypherName).join('|');
  const match = [
    `MATCH (a:${labels(selection.fromKinds)})-[e:${selection.types.map(cypherName).join('|')}]->(b:${labels(selection.toKinds)})`,
    ...whereLine([...idPredicates, ...predicates, ...validity.predicates]),
  ];
  return { match, params: { ...idParams, ...params, ...validity.params } };
}

/** A short label of a selection for statement names. */
export function describeEdgeSelection(s: EdgeSelection): string {
  const parts = [
    `${s.fromKinds.join('|')}-[${s.types.join('|')}]->${s.toKinds.join('|')}`,
    s.fromIds !== undefined ? 'fromIds' : '',
    s.toIds !== undefined ? 'toIds' : '',
    describeConditions(s.toWhere),
    s.asOf !== undefined ? 'asOf' : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}
