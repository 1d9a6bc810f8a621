import type { NodeListQuery, NodeRecord, Page } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toNodeRecord } from '../records/toNodeRecord';
import { toCount } from '../records/toPropertyValue';
import { buildConditions } from '../statements/conditions';
import { listNodesStatements } from '../statements/listNodes';

/**
 * GraphStore.listNodes on Kùzu (arguments checked by checkStoreCalls): one
 * page of nodes of one kind matching all conditions, sorted by the given
 * keys then by id (null sorts as the largest value: last in ASC, first in
 * DESC), with the total count under the same conditions. Two statements on
 * one read connection (see {@link listNodesStatements}); the page is not
 * read when the count shows it is empty.
 */
export async function listNodes(pool: ConnectionPool, query: NodeListQuery, limits?: CallLimits): Promise<Page<NodeRecord>> {
  const conditions = buildConditions('n', query.where, 'w');
  if (conditions.never) return { items: [], totalCount: 0 };
  const statements = listNodesStatements(query.kind, conditions, query.orderBy ?? [], query.offset, query.limit);
  return pool.use(async (c) => {
    const total = toCount(await c.run(statements.count, limits));
    if (total <= query.offset) return { items: [], totalCount: total };
    const rows = await c.run(statements.page, limits);
    return { items: rows.map((row) => toNodeRecord(row.n ?? null)), totalCount: total };
  });
}
