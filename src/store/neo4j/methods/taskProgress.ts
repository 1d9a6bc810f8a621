import { taskProgressFromRows } from '../../changes/computeTaskProgress';
import type { ProgressQuery, TaskProgress } from '../../implementation';
import type { CallOptions } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { readColumns, readImplementationRecord } from '../records/readColumns';
import { taskProgressStatements } from '../statements/taskProgress';

/**
 * GraphStore.taskProgress on Neo4j: the tasks with their plan's years and
 * their reports (not retracted, up to the as-of year), two statements in one
 * READ transaction, then the shared rules (taskProgressFromRows).
 */
export async function taskProgress(connection: Neo4jConnection, query: ProgressQuery, options?: CallOptions): Promise<(TaskProgress | null)[]> {
  if (query.ids.length === 0) return [];
  const statements = taskProgressStatements([...new Set(query.ids)], Number(query.asOf.slice(0, 4)));
  const rows = await connection.read(
    'taskProgress',
    async (tx) => ({
      tasks: (await tx.run(statements.tasks)).records.map((r) => readColumns(r, ['id', 'dueYear', 'recurring', 'planStartYear', 'planEndYear'], 'Task')),
      reports: (await tx.run(statements.reports)).records.map((r) => readImplementationRecord('TaskReport', r)),
    }),
    options,
  );
  return taskProgressFromRows(query.ids, query.asOf, rows);
}
