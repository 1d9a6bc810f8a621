import { idempotencyKeyId } from '../../../model/history';
import { fingerprintChange } from '../../changes/fingerprintChange';
import { changeFromColumns, changeToColumns, recordToColumns } from '../../changes/fromColumns';
import { planChange, referencesOf, subjectKindOf } from '../../changes/planChange';
import { replayedChangeId, replayResult } from '../../changes/replay';
import type { ChangeResult, RecordChange } from '../../implementation';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { inTransaction } from '../connection/inTransaction';
import type { KuzuConnection, Runner } from '../connection/KuzuConnection';
import { toColumns } from '../records/toColumns';
import { toCount } from '../records/toPropertyValue';
import {
  appendChange,
  changeById,
  createIdempotencyKey,
  createRecord,
  findIdempotencyKey,
  lastSeq,
  nodeExists,
  updateRecord,
} from '../statements/applyChange';
import { getRecords } from './getRecords';
import { recordsOf } from './recordsOf';

/**
 * GraphStore.applyChange on Kùzu, on the single write connection (Kùzu has
 * one writer; writes queue for the connection, so they are serialised and
 * none can change the record between the version check and the write):
 *
 * 1. with an idempotency key seen before from the same actor, the first
 *    result is read back and returned, and no transaction is opened;
 * 2. in ONE transaction: the record, its subject, the subject's other
 *    records and the history's last number are read; the shared rules decide
 *    (planChange: conflicts, rules of the record and of its siblings); only
 *    then are the record (with its relationship, on CREATE), the history
 *    entry and the key written. Any error rolls all of it back.
 *
 * Kùzu 0.11.3 mishandles the rollback of a transaction that updated a row:
 * later updates of that row fail with "Write-write conflict" (or the process
 * crashes) until the next checkpoint (measured, see docs/kuzu-0.11.3.md). So
 * every check comes before the first write; the writes, once started, run
 * without the call's deadline (three small statements, like COMMIT, are not
 * cut half-way); and when a transaction that wrote is rolled back anyway,
 * `recover` checkpoints before the error is raised. A "Write-write conflict"
 * (with one writer, only that glitch) is retried once after `recover`.
 *
 * After a commit, `afterCommit` runs on the write connection, still held
 * (the store checkpoints there when the log is large).
 */
export async function applyChange(
  writes: ConnectionPool,
  change: RecordChange,
  hooks: { afterCommit(writer: KuzuConnection): Promise<unknown>; recover(writer: KuzuConnection): Promise<unknown> },
  limits?: CallLimits,
): Promise<ChangeResult> {
  return writes.use(async (c) => {
    // BEGIN and COMMIT run without the call's limits (a cut COMMIT would leave the writer in doubt): check them first.
    limits?.check('writing');
    const fingerprint = fingerprintChange(change);
    const keyId = change.idempotencyKey === undefined ? undefined : idempotencyKeyId(change.actor, change.idempotencyKey);
    if (keyId !== undefined) {
      const replay = await replayOf(c, keyId, fingerprint, change, limits);
      if (replay) return replay;
    }
    const attempt = async (): Promise<ChangeResult> => {
      const progress = { wrote: false };
      try {
        return await inTransaction(c, () => write(c, change, keyId, fingerprint, progress, limits));
      } catch (error) {
        if (progress.wrote) await hooks.recover(c);
        throw error;
      }
    };
    let result: ChangeResult;
    try {
      result = await attempt();
    } catch (error) {
      if (!SPURIOUS_CONFLICT.test(error instanceof Error ? error.message : '')) throw error;
      await hooks.recover(c);
      limits?.check('writing again after a spurious conflict');
      result = await attempt();
    }
    await hooks.afterCommit(c);
    return result;
  });
}

/** Kùzu's message for a conflict between writers, which with one writer can only be its rollback glitch. */
const SPURIOUS_CONFLICT = /Write-write conflict/;

/** The reads, the decision and the writes of one change, inside the caller's transaction; `progress.wrote` turns true at the first write. */
async function write(
  c: KuzuConnection,
  change: RecordChange,
  keyId: string | undefined,
  fingerprint: string,
  progress: { wrote: boolean },
  limits: CallLimits | undefined,
): Promise<ChangeResult> {
  const run: Runner = (statement, l) => c.run(statement, l);
  const [current = null] = await getRecords(run, [change.id], limits);
  const subject = change.action === 'CREATE' ? change.subject : current?.subject;
  const exists = change.action === 'CREATE' && subject !== undefined ? toCount(await c.run(nodeExists(subjectKindOf(subject), subject), limits)) > 0 : true;
  const missingReferences = new Set<string>();
  for (const reference of referencesOf(change, current)) {
    if (toCount(await c.run(nodeExists(reference.kind, reference.id), limits)) === 0) missingReferences.add(reference.id);
  }
  const siblings = subject === undefined ? [] : ((await recordsOf(run, { kind: change.kind, subjects: [subject], includeRetracted: true }, limits))[0] ?? []);
  const seq = toCount(await c.run(lastSeq(), limits), 'seq') + 1;
  const planned = planChange(change, {
    current,
    subjectExists: exists,
    missingReferences,
    siblings: siblings.filter((s) => s.id !== change.id),
    seq,
    at: new Date().toISOString(),
  });
  limits?.check('writing the change');
  progress.wrote = true;
  const columns = recordToColumns(planned.record);
  await c.run(change.action === 'CREATE' ? createRecord(change.kind, subjectKindOf(planned.record.subject), columns) : updateRecord(change.kind, columns));
  await c.run(appendChange(changeToColumns(planned.entry)));
  if (keyId !== undefined) await c.run(createIdempotencyKey(keyId, fingerprint, planned.entry.id));
  return { record: planned.record, change: planned.entry, replayed: false };
}

/** The first result of the change that stored this key, or undefined when the key is new; the key with another change is StoreInputError. */
async function replayOf(c: KuzuConnection, keyId: string, fingerprint: string, change: RecordChange, limits: CallLimits | undefined): Promise<ChangeResult | undefined> {
  const [key] = await c.run(findIdempotencyKey(keyId), limits);
  if (!key) return undefined;
  const changeId = replayedChangeId({ fingerprint: key.fingerprint, changeId: key.changeId }, fingerprint, change);
  const [row] = await c.run(changeById(changeId), limits);
  return replayResult(row ? changeFromColumns(toColumns(row, 'Change')) : undefined, changeId);
}
