import type { Page } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import type { Row } from '../connection/KuzuConnection';
import { toCount } from '../records/toPropertyValue';
import type { Statement } from '../statements/Statement';

/**
 * Reads one page (`page`, with SKIP `offset` LIMIT `limit`) and the total
 * number of matches (`count`) on one read connection, page first. A page that
 * holds rows but fewer than `limit`, or that starts at 0, tells the total
 * itself (offset + its length), and then the count statement is not sent: a
 * page of a small list (the coordination matrix, the agencies) costs one
 * statement instead of two. Otherwise the count is read after the page.
 */
export async function readPage<T>(
  pool: ConnectionPool,
  statements: { readonly count: Statement; readonly page: Statement },
  window: { readonly offset: number; readonly limit: number },
  toItem: (row: Row) => T,
  limits?: CallLimits,
): Promise<Page<T>> {
  return pool.use(async (c) => {
    const rows = await c.run(statements.page, limits);
    const complete = rows.length < window.limit && (rows.length > 0 || window.offset === 0);
    const totalCount = complete ? window.offset + rows.length : toCount(await c.run(statements.count, limits));
    return { items: rows.map(toItem), totalCount };
  }, limits);
}
