import DataLoader from 'dataloader';
import type { RecordKind } from '../model/implementation';
import type { GraphStore, ImplementationRecord, TargetProgress, TaskProgress } from '../store/port';

/** Most keys one batch of records or progress sends to the store. */
export const MAX_RECORD_BATCH = 500;

/**
 * Per-request DataLoaders of the records of implementation: records by id,
 * a subject's records, and the progress of targets and tasks as of a date.
 * A write through the request (a mutation) must call {@link forget}: what
 * these loaders cached before it is stale after it.
 */
export interface RecordLoaders {
  readonly record: DataLoader<string, ImplementationRecord | null>;
  /** The records of `kind` of a subject id (or whose reference `field` names the id), retracted ones too when asked. */
  of(kind: RecordKind, includeRetracted: boolean, field?: string): DataLoader<string, readonly ImplementationRecord[]>;
  targetProgress(asOf: string): DataLoader<string, TargetProgress | null>;
  taskProgress(asOf: string): DataLoader<string, TaskProgress | null>;
  /** Empties every cache above (after a write). */
  forget(): void;
}

/** Creates the record loaders of one request over `store`. */
export function createRecordLoaders(store: GraphStore): RecordLoaders {
  const options = { maxBatchSize: MAX_RECORD_BATCH };
  const record = new DataLoader<string, ImplementationRecord | null>((ids) => store.getRecords(ids), options);
  const keyed = new Map<string, DataLoader<string, unknown>>();
  const memo = <T>(key: string, make: () => DataLoader<string, T>): DataLoader<string, T> => {
    let loader = keyed.get(key) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = make();
      keyed.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  };
  return {
    record,
    of: (kind, includeRetracted, field) =>
      memo(`of:${kind}:${String(includeRetracted)}:${field ?? ''}`, () =>
        new DataLoader<string, readonly ImplementationRecord[]>(async (subjects) => {
          const lists = await store.recordsOf({ kind, subjects, includeRetracted, ...(field !== undefined ? { field } : {}) });
          for (const list of lists) for (const r of list) record.prime(r.id, r);
          return lists;
        }, options),
      ),
    targetProgress: (asOf) => memo(`target:${asOf}`, () => new DataLoader<string, TargetProgress | null>((ids) => store.targetProgress({ ids, asOf }), options)),
    taskProgress: (asOf) => memo(`task:${asOf}`, () => new DataLoader<string, TaskProgress | null>((ids) => store.taskProgress({ ids, asOf }), options)),
    forget() {
      record.clearAll();
      keyed.clear();
    },
  };
}
