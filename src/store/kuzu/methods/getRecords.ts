import { parseRecordId } from '../../../model/recordRules';
import type { RecordKind } from '../../../model/implementation';
import { recordFromColumns } from '../../changes/fromColumns';
import type { ImplementationRecord } from '../../implementation';
import type { CallLimits } from '../connection/CallLimits';
import type { Runner } from '../connection/KuzuConnection';
import { toColumns } from '../records/toColumns';
import { recordsById } from '../statements/getRecords';

/**
 * GraphStore.getRecords on Kùzu: ids grouped by the record kind they name,
 * one statement per kind; aligned with `ids`, null for malformed, unknown or
 * missing ids. `run` is a pool's runner or, inside a write, the write
 * connection's.
 */
export async function getRecords(run: Runner, ids: readonly string[], limits?: CallLimits): Promise<(ImplementationRecord | null)[]> {
  const byKind = new Map<RecordKind, string[]>();
  for (const id of ids) {
    const parsed = parseRecordId(id);
    if (typeof parsed === 'string') continue;
    const list = byKind.get(parsed.kind) ?? [];
    list.push(id);
    byKind.set(parsed.kind, list);
  }
  const found = new Map<string, ImplementationRecord>();
  await Promise.all(
    [...byKind].map(async ([kind, kindIds]) => {
      for (const row of await run(recordsById(kind, [...new Set(kindIds)]), limits)) {
        const record = recordFromColumns(kind, toColumns(row, kind));
        found.set(record.id, record);
      }
    }),
  );
  return ids.map((id) => found.get(id) ?? null);
}
