import type { NodeListQuery, NodeRecord, Page } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toNodeRecord } from '../records/toNodeRecord';
import { buildConditions } from '../statements/conditions';
import { listNodesStatements } from '../statements/listNodes';
import { validOn } from '../statements/validOn';
import { readPage } from './readPage';

/**
 * GraphStore.listNodes on Kùzu (arguments checked by checkStoreCalls): one
 * page of nodes of one kind matching all conditions, sorted by the given
 * keys then by id (null sorts as the largest value: last in ASC, first in
 * DESC), with the total count under the same conditions. The page, then the
 * count only when the page does not tell it (see {@link readPage}), on one
 * read connection. With `asOf`, only nodes valid on that date (page and count).
 */
export async function listNodes(pool: ConnectionPool, query: NodeListQuery, limits?: CallLimits): Promise<Page<NodeRecord>> {
  const conditions = validOn(buildConditions('n', query.where, 'w'), ['n'], query.asOf);
  if (conditions.never) return { items: [], totalCount: 0 };
  const statements = listNodesStatements(query.kind, conditions, query.orderBy ?? [], query.offset, query.limit);
  return readPage(pool, statements, query, (row) => toNodeRecord(row.n ?? null), limits);
}
