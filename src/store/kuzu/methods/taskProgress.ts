import { taskProgressFromRows } from '../../changes/computeTaskProgress';
import { recordFromColumns } from '../../changes/fromColumns';
import type { ProgressQuery, TaskProgress } from '../../implementation';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toColumns } from '../records/toColumns';
import { taskProgressStatements } from '../statements/taskProgress';

/**
 * GraphStore.taskProgress on Kùzu: the tasks with their plan's years and
 * their reports (not retracted, up to the as-of year), two statements on one
 * read connection, then the shared rules (taskProgressFromRows).
 */
export async function taskProgress(pool: ConnectionPool, query: ProgressQuery, limits?: CallLimits): Promise<(TaskProgress | null)[]> {
  if (query.ids.length === 0) return [];
  const statements = taskProgressStatements([...new Set(query.ids)], Number(query.asOf.slice(0, 4)));
  return pool.use(async (c) => {
    const tasks = (await c.run(statements.tasks, limits)).map((row) => toColumns(row, 'Task'));
    const reports = (await c.run(statements.reports, limits)).map((row) => recordFromColumns('TaskReport', toColumns(row, 'TaskReport')));
    return taskProgressFromRows(query.ids, query.asOf, { tasks, reports });
  });
}
