import { propertyOf, type NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import type { Conditions } from './conditions';
import { quoteIdentifier, type Params, type Statement } from './Statement';

/** The count and page statements of one listEdges call. */
export interface ListEdgesStatements {
  /** Rows `{ c }`: the number of matches. */
  readonly count: Statement;
  /** Rows `{ relType, src, dst, edge }`: the page, in the port's order. */
  readonly page: Statement;
}

/** What a listEdges call asks for, checked. */
export interface ListEdgesSpec {
  /** Distinct types, at least one. */
  readonly types: readonly RelationshipType[];
  /** The end kinds the types can reach (decides whether the end node's ordinal is a sort key). */
  readonly toKinds: readonly NodeKind[];
  /** Conditions on the end node `b`. */
  readonly conditions: Extract<Conditions, { never: false }>;
  /** Start ids to keep (absent: any); never empty. */
  readonly fromIds: readonly string[] | undefined;
  /** End ids to keep (absent: any); never empty. */
  readonly toIds: readonly string[] | undefined;
  readonly offset: number;
  readonly limit: number;
}

/**
 * The statements of listEdges: one multi-type pattern
 * `MATCH (a)-[e:T1|T2]->(b) WHERE <conditions on b> AND a.id IN $fromIds AND b.id IN $toIds`,
 * counted, and one page of it ordered by type name, then the end node's
 * ordinal (when its kind has one; nulls last) and id, then the
 * relationship's ordinal (nulls last) and start id.
 */
export function listEdgesStatements(spec: ListEdgesSpec): ListEdgesStatements {
  const predicates = [...spec.conditions.predicates];
  const params: Params = { ...spec.conditions.params };
  if (spec.fromIds) {
    predicates.push('a.id IN $fromIds');
    params.fromIds = [...spec.fromIds];
  }
  if (spec.toIds) {
    predicates.push('b.id IN $toIds');
    params.toIds = [...spec.toIds];
  }
  const match =
    `MATCH (a)-[e:${spec.types.map(quoteIdentifier).join('|')}]->(b)` + (predicates.length ? ` WHERE ${predicates.join(' AND ')}` : '');
  const endOrdinal = spec.toKinds.some((kind) => propertyOf(kind, 'ordinal')) ? ['b.ordinal'] : [];
  const order = ['label(e)', ...endOrdinal, 'b.id', 'e.ordinal', 'a.id'].join(', ');
  return {
    count: { text: `${match} RETURN count(*) AS c`, params, doing: 'counting relationships' },
    page: {
      text: `${match} RETURN label(e) AS relType, a.id AS src, b.id AS dst, e AS edge ORDER BY ${order} SKIP $pageSkip LIMIT $pageLimit`,
      params: { ...params, pageSkip: spec.offset, pageLimit: spec.limit },
      doing: 'listing relationships',
    },
  };
}
