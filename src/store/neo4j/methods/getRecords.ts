import type { RecordKind } from '../../../model/implementation';
import { parseRecordId } from '../../../model/recordRules';
import type { ImplementationRecord } from '../../implementation';
import type { CallOptions } from '../../port';
import type { Neo4jConnection, Neo4jTransaction } from '../connection/Neo4jConnection';
import { readImplementationRecord } from '../records/readColumns';
import { getRecordsStatement } from '../statements/getRecords';

/** Records by id, aligned with `ids` (null for malformed, unknown or missing ids): one statement per record kind in one READ transaction. */
export async function getRecords(connection: Neo4jConnection, ids: readonly string[], options?: CallOptions): Promise<(ImplementationRecord | null)[]> {
  const byKind = recordIdsByKind(ids);
  if (byKind.size === 0) return ids.map(() => null);
  const found = await connection.read('getRecords', (tx) => readRecordsById(tx, byKind), options);
  return ids.map((id) => found.get(id) ?? null);
}

/** Well-formed record ids grouped by kind, without repeats. */
export function recordIdsByKind(ids: readonly string[]): Map<RecordKind, string[]> {
  const byKind = new Map<RecordKind, Set<string>>();
  for (const id of ids) {
    const parsed = parseRecordId(id);
    if (typeof parsed === 'string') continue;
    const set = byKind.get(parsed.kind) ?? new Set<string>();
    set.add(id);
    byKind.set(parsed.kind, set);
  }
  return new Map([...byKind].map(([kind, set]) => [kind, [...set]]));
}

/** The records of these ids, read in `tx`, by id. */
async function readRecordsById(tx: Neo4jTransaction, byKind: ReadonlyMap<RecordKind, readonly string[]>): Promise<Map<string, ImplementationRecord>> {
  const found = new Map<string, ImplementationRecord>();
  for (const [kind, kindIds] of byKind) {
    for (const row of (await tx.run(getRecordsStatement(kind, kindIds))).records) {
      const record = readImplementationRecord(kind, row);
      found.set(record.id, record);
    }
  }
  return found;
}
