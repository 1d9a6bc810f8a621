import { groupBySubject } from '../../changes/sortRecords';
import type { ImplementationRecord, RecordsOfQuery } from '../../implementation';
import type { CallOptions } from '../../port';
import type { Neo4jConnection, Neo4jTransaction } from '../connection/Neo4jConnection';
import { readImplementationRecord } from '../records/readColumns';
import { recordsOfStatement } from '../statements/recordsOf';

/** GraphStore.recordsOf on Neo4j: one statement in a READ transaction, grouped and sorted by the shared rules (see groupBySubject). */
export async function recordsOf(connection: Neo4jConnection, query: RecordsOfQuery, options?: CallOptions): Promise<ImplementationRecord[][]> {
  if (query.subjects.length === 0) return [];
  const records = await connection.read(`recordsOf(${query.kind})`, (tx) => readRecordsOf(tx, query), options);
  return groupBySubject(query.subjects, records, query.field);
}

/** The records a query selects, read in `tx` (unsorted). */
export async function readRecordsOf(tx: Neo4jTransaction, query: RecordsOfQuery): Promise<ImplementationRecord[]> {
  const statement = recordsOfStatement(query.kind, [...new Set(query.subjects)], query.includeRetracted === true, query.field);
  return (await tx.run(statement)).records.map((row) => readImplementationRecord(query.kind, row));
}
