import { groupBySubject } from '../../changes/sortRecords';
import { recordFromColumns } from '../../changes/fromColumns';
import type { ImplementationRecord, RecordsOfQuery } from '../../implementation';
import type { CallLimits } from '../connection/CallLimits';
import type { Runner } from '../connection/KuzuConnection';
import { toColumns } from '../records/toColumns';
import { recordsOfSubjects } from '../statements/recordsOf';

/** GraphStore.recordsOf on Kùzu: one statement, grouped and sorted by the shared rules (see groupBySubject). */
export async function recordsOf(run: Runner, query: RecordsOfQuery, limits?: CallLimits): Promise<ImplementationRecord[][]> {
  if (query.subjects.length === 0) return [];
  const statement = recordsOfSubjects(query.kind, [...new Set(query.subjects)], query.includeRetracted === true, query.field);
  const records = (await run(statement, limits)).map((row) => recordFromColumns(query.kind, toColumns(row, query.kind)));
  return groupBySubject(query.subjects, records, query.field);
}
