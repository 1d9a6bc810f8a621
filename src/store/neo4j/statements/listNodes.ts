import { int } from 'neo4j-driver';
import type { NodeKind } from '../../../model/kinds';
import type { SortDirection } from '../../port';
import { cypherName } from './cypherName';
import { describeConditions, whereClause, whereLine } from './whereClause';
import type { Neo4jStatement } from './Neo4jStatement';
import { nodeProjection } from './projections';
import type { ResolvedCondition } from './conditions';
import { validCountsCall } from './countNodes';
import { validityClause } from './validAt';

/** A sort key checked against the registry. */
export interface ResolvedSortKey {
  readonly property: string;
  readonly direction: SortDirection;
}

/**
 * The two statements of one page of nodes, run in one read transaction:
 * `count` (column total) and `page` (columns id, props), sorted by the keys
 * then by id ascending (unless a key already sorts on id). Neo4j puts nulls
 * last in ASC and first in DESC (null sorts as the greatest value); it
 * orders stored strings by code point (their UTF-8 bytes; seen on Neo4j
 * 5.26 with U+E000, U+FFFF and U+1F600), as compareCodePoints does. SKIP
 * and LIMIT take neo4j Integers: a JavaScript number would travel as a float,
 * which Neo4j refuses there. With `asOf`, only nodes valid on that date
 * (count and page); without other conditions the count is made by
 * subtraction over the validity indexes (validCountsCall): testing every node
 * of the kind made the count of 36,720 tasks 3.3x slower than without a date
 * at 1M nodes (bench:asof).
 */
export function listNodesStatements(
  kind: NodeKind,
  conditions: readonly ResolvedCondition[],
  orderBy: readonly ResolvedSortKey[],
  offset: number,
  limit: number,
  asOf?: string,
): { count: Neo4jStatement; page: Neo4jStatement } {
  const where = whereClause('n', conditions);
  const validity = validityClause(['n'], asOf);
  const params = { ...where.params, ...validity.params };
  const match = [`MATCH (n:${cypherName(kind)})`, ...whereLine([...where.predicates, ...validity.predicates])];
  const keys = orderBy.some((k) => k.property === 'id') ? orderBy : [...orderBy, { property: 'id', direction: 'ASC' as const }];
  const suffix = `${describe(conditions, orderBy)}${asOf !== undefined ? ' asOf' : ''}`;
  return {
    count:
      asOf !== undefined && conditions.length === 0
        ? {
            name: `listNodes.count:${kind}${suffix} by subtraction`,
            text: [validCountsCall([kind]), 'RETURN sum(c) AS total'].join('\n'),
            params: validity.params,
          }
        : {
            name: `listNodes.count:${kind}${suffix}`,
            text: [...match, 'RETURN count(n) AS total'].join('\n'),
            params,
          },
    page: {
      name: `listNodes.page:${kind}${suffix}`,
      text: [
        ...match,
        `RETURN n.id AS id, ${nodeProjection('n', kind)} AS props`,
        `ORDER BY ${keys.map((k) => `n.${cypherName(k.property)} ${k.direction === 'DESC' ? 'DESC' : 'ASC'}`).join(', ')}`,
        'SKIP $offset',
        'LIMIT $limit',
      ].join('\n'),
      params: { ...params, offset: int(offset), limit: int(limit) },
    },
  };
}

function describe(conditions: readonly ResolvedCondition[], orderBy: readonly ResolvedSortKey[]): string {
  const where = describeConditions(conditions);
  const order = [...orderBy.slice(0, 3).map((k) => `${k.property} ${k.direction}`), ...(orderBy.length > 3 ? [`+${orderBy.length - 3} more`] : [])].join(', ');
  return `${where ? ` where ${where}` : ''}${order ? ` order ${order}` : ''}`;
}
