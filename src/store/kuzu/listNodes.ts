import { StoreInputError } from '../../errors';
import { isNodeKind } from '../../model/kinds';
import type { NodeListQuery, NodeRecord, Page } from '../port';
import { buildConditions } from './buildConditions';
import { checkPage } from './checkPage';
import type { ConnectionPool } from './ConnectionPool';
import { quoteIdentifier } from './quoteIdentifier';
import { resolveProperty } from './resolveProperty';
import { toCount } from './toCount';
import { toNodeRecord } from './toNodeRecord';

/**
 * GraphStore.listNodes on Kùzu: one page of nodes of one kind matching all
 * conditions, sorted by the given keys then by id (null sorts as the largest
 * value: last in ASC, first in DESC), with the total count under the same
 * conditions. Two statements on one read connection.
 */
export async function listNodes(pool: ConnectionPool, query: NodeListQuery): Promise<Page<NodeRecord>> {
  const kind: unknown = query?.kind;
  if (typeof kind !== 'string' || !isNodeKind(kind)) throw new StoreInputError(`listNodes: unknown kind ${JSON.stringify(kind)}`);
  const owner = `listNodes(${kind})`;
  const { offset, limit } = checkPage(owner, query.offset, query.limit);
  const conditions = buildConditions(owner, 'n', [kind], query.where, 'w');
  const order = (query.orderBy ?? []).map((key) => {
    const spec = resolveProperty(owner, [kind], key?.property);
    if (key.direction !== 'ASC' && key.direction !== 'DESC') {
      throw new StoreInputError(`${owner}: sort direction must be ASC or DESC, got ${JSON.stringify(key.direction)}`);
    }
    return `n.${quoteIdentifier(spec.name)} ${key.direction}`;
  });
  if (conditions.never) return { items: [], totalCount: 0 };
  const match = `MATCH (n:${quoteIdentifier(kind)})${conditions.predicates.length ? ` WHERE ${conditions.predicates.join(' AND ')}` : ''}`;
  return pool.use(async (c) => {
    const total = toCount(await c.run(`${match} RETURN count(*) AS c`, conditions.params, `counting ${kind} nodes`));
    if (total <= offset) return { items: [], totalCount: total };
    const rows = await c.run(
      `${match} RETURN n ORDER BY ${[...order, 'n.id ASC'].join(', ')} SKIP $pageSkip LIMIT $pageLimit`,
      { ...conditions.params, pageSkip: offset, pageLimit: limit },
      `listing ${kind} nodes`,
    );
    return { items: rows.map((row) => toNodeRecord(row.n ?? null)), totalCount: total };
  });
}
