import type { NodeKind } from '../../../model/kinds';
import type { SortDirection } from '../../port';
import type { Conditions } from './conditions';
import { quoteIdentifier, type Statement } from './Statement';

/** The count and page statements of one listNodes call. */
export interface ListNodesStatements {
  /** Rows `{ c }`: the number of matches. */
  readonly count: Statement;
  /** Rows `{ n }`: the page, sorted by the keys, then id. */
  readonly page: Statement;
}

/**
 * The statements of listNodes: `MATCH (n:Kind) WHERE <conditions>`, counted,
 * and one page of it `ORDER BY <keys>, n.id SKIP $pageSkip LIMIT $pageLimit`
 * (Kùzu sorts null as the largest value: last in ASC, first in DESC).
 *
 * @param order sort keys: property names of the kind (or `id`), checked
 */
export function listNodesStatements(
  kind: NodeKind,
  conditions: Extract<Conditions, { never: false }>,
  order: readonly { readonly property: string; readonly direction: SortDirection }[],
  offset: number,
  limit: number,
): ListNodesStatements {
  const match = `MATCH (n:${quoteIdentifier(kind)})${conditions.predicates.length ? ` WHERE ${conditions.predicates.join(' AND ')}` : ''}`;
  const keys = [...order.map((key) => `n.${quoteIdentifier(key.property)} ${key.direction}`), 'n.id ASC'];
  return {
    count: { text: `${match} RETURN count(*) AS c`, params: conditions.params, doing: `counting ${kind} nodes` },
    page: {
      text: `${match} RETURN n ORDER BY ${keys.join(', ')} SKIP $pageSkip LIMIT $pageLimit`,
      params: { ...conditions.params, pageSkip: offset, pageLimit: limit },
      doing: `listing ${kind} nodes`,
    },
  };
}
