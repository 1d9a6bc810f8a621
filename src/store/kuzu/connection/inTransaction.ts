import type { KuzuConnection } from './KuzuConnection';

/**
 * Runs `work` between BEGIN TRANSACTION and COMMIT on `connection`, which
 * must be the store's single write connection (Kùzu fails a second writer at
 * once rather than waiting). A failing BEGIN or COMMIT leaves the connection
 * in a doubtful state (a query after a failed BEGIN has crashed Kùzu): it is
 * marked broken, so its pool replaces it. Any other failure is followed by a
 * ROLLBACK; Kùzu has already rolled back when a statement failed and answers
 * that ROLLBACK with "no active transaction", which is ignored.
 */
export async function inTransaction<T>(connection: KuzuConnection, work: () => Promise<T>): Promise<T> {
  try {
    await connection.run({ text: 'BEGIN TRANSACTION', params: {}, doing: 'starting a write transaction' });
  } catch (error) {
    connection.markBroken();
    throw error;
  }
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await connection.run({ text: 'ROLLBACK', params: {}, doing: 'rolling back' }).catch(() => undefined);
    throw error;
  }
  try {
    await connection.run({ text: 'COMMIT', params: {}, doing: 'committing' });
  } catch (error) {
    connection.markBroken();
    throw error;
  }
  return value;
}
