import { targetProgressFromRows } from '../../changes/computeTargetProgress';
import type { ProgressQuery, TargetProgress } from '../../implementation';
import type { CallOptions } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { readColumns, readImplementationRecord } from '../records/readColumns';
import { targetProgressStatements } from '../statements/targetProgress';

/**
 * GraphStore.targetProgress on Neo4j: the targets, their actuals (not
 * retracted, ending by the as-of date) and their phases, three statements in
 * one READ transaction, then the shared arithmetic (targetProgressFromRows).
 */
export async function targetProgress(connection: Neo4jConnection, query: ProgressQuery, options?: CallOptions): Promise<(TargetProgress | null)[]> {
  if (query.ids.length === 0) return [];
  const statements = targetProgressStatements([...new Set(query.ids)], query.asOf);
  const rows = await connection.read(
    'targetProgress',
    async (tx) => ({
      targets: (await tx.run(statements.targets)).records.map((r) => readColumns(r, ['id', 'quantity', 'comparator', 'metric', 'year'], 'Target')),
      actuals: (await tx.run(statements.actuals)).records.map((r) => readImplementationRecord('Actual', r)),
      phases: (await tx.run(statements.phases)).records.map((r) => readColumns(r, ['target', 'id', 'startYear', 'endYear'], 'Phase')),
    }),
    options,
  );
  return targetProgressFromRows(query.ids, query.asOf, rows);
}
