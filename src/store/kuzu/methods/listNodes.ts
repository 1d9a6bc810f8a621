import { StoreInputError } from '../../../errors';
import { isNodeKind } from '../../../model/kinds';
import { checkPage } from '../../checks/checkPage';
import { resolveProperty } from '../../checks/resolveProperty';
import type { NodeListQuery, NodeRecord, Page } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toNodeRecord } from '../records/toNodeRecord';
import { toCount } from '../records/toPropertyValue';
import { buildConditions } from '../statements/conditions';
import { listNodesStatements } from '../statements/listNodes';

/**
 * GraphStore.listNodes on Kùzu: one page of nodes of one kind matching all
 * conditions, sorted by the given keys then by id (null sorts as the largest
 * value: last in ASC, first in DESC), with the total count under the same
 * conditions. Two statements on one read connection (see
 * {@link listNodesStatements}); the page is not read when the count shows
 * it is empty.
 */
export async function listNodes(pool: ConnectionPool, query: NodeListQuery, limits?: CallLimits): Promise<Page<NodeRecord>> {
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
    return { property: spec.name, direction: key.direction };
  });
  if (conditions.never) return { items: [], totalCount: 0 };
  const statements = listNodesStatements(kind, conditions, order, offset, limit);
  return pool.use(async (c) => {
    const total = toCount(await c.run(statements.count, limits));
    if (total <= offset) return { items: [], totalCount: total };
    const rows = await c.run(statements.page, limits);
    return { items: rows.map((row) => toNodeRecord(row.n ?? null)), totalCount: total };
  });
}
