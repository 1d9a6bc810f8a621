import { changeFromColumns } from '../../changes/fromColumns';
import type { ChangeEntry, ChangeListQuery } from '../../implementation';
import type { Page } from '../../records';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toColumns } from '../records/toColumns';
import { toCount } from '../records/toPropertyValue';
import { listChangesStatements } from '../statements/listChanges';

/** GraphStore.listChanges on Kùzu: the page and its count, two statements on one read connection. */
export async function listChanges(pool: ConnectionPool, query: ChangeListQuery, limits?: CallLimits): Promise<Page<ChangeEntry>> {
  const { page, count } = listChangesStatements(query);
  return pool.use(async (c) => {
    const items = (await c.run(page, limits)).map((row) => changeFromColumns(toColumns(row, 'Change')));
    const totalCount = toCount(await c.run(count, limits));
    return { items, totalCount };
  });
}
