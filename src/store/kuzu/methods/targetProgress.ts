import { targetProgressFromRows } from '../../changes/computeTargetProgress';
import { recordFromColumns } from '../../changes/fromColumns';
import type { ProgressQuery, TargetProgress } from '../../implementation';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toColumns } from '../records/toColumns';
import { targetProgressStatements } from '../statements/targetProgress';

/**
 * GraphStore.targetProgress on Kùzu: the targets, their actuals (not
 * retracted, ending by the as-of date) and their phases, three statements on
 * one read connection, then the shared arithmetic (targetProgressFromRows).
 */
export async function targetProgress(pool: ConnectionPool, query: ProgressQuery, limits?: CallLimits): Promise<(TargetProgress | null)[]> {
  if (query.ids.length === 0) return [];
  const statements = targetProgressStatements([...new Set(query.ids)], query.asOf);
  return pool.use(async (c) => {
    const targets = (await c.run(statements.targets, limits)).map((row) => toColumns(row, 'Target'));
    const actuals = (await c.run(statements.actuals, limits)).map((row) => recordFromColumns('Actual', toColumns(row, 'Actual')));
    const phases = (await c.run(statements.phases, limits)).map((row) => toColumns(row, 'Phase'));
    return targetProgressFromRows(query.ids, query.asOf, { targets, actuals, phases });
  });
}
