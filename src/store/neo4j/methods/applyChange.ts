import { idempotencyKeyId } from '../../../model/history';
import { fingerprintChange } from '../../changes/fingerprintChange';
import { changeToColumns, recordToColumns } from '../../changes/fromColumns';
import { planChange, referencesOf, subjectKindOf } from '../../changes/planChange';
import { replayedChangeId, replayResult } from '../../changes/replay';
import type { ChangeResult, RecordChange } from '../../implementation';
import type { CallOptions } from '../../port';
import type { Neo4jConnection, Neo4jTransaction } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { readChangeEntry, readImplementationRecord } from '../records/readColumns';
import {
  appendChangeStatement,
  changeByIdStatement,
  createIdempotencyKeyStatement,
  createRecordStatement,
  findIdempotencyKeyStatement,
  lockedRecordStatement,
  lockLedgerStatement,
  nextSeqStatement,
  nodeExistsStatement,
  updateRecordStatement,
} from '../statements/applyChange';
import { readRecordsOf } from './recordsOf';

/** Thrown inside the transaction to roll it back when a request is a replay: nothing of it may be written. */
class Replay extends Error {
  constructor(readonly result: ChangeResult) {
    super('replayed');
  }
}

/**
 * GraphStore.applyChange on Neo4j, in ONE `executeWrite` transaction (the
 * driver retries it whole on a transient error such as a deadlock):
 *
 * 1. the ledger's write lock is taken first, so every applyChange runs alone
 *    from here to its commit (the history is numbered in commit order, and
 *    no two writers can pass the version check on the same version);
 * 2. an idempotency key seen before from the same actor: the transaction is
 *    rolled back and the first result read in it is returned;
 * 3. the record is read under its own write lock, then its subject and the
 *    subject's other records; the shared rules decide (planChange);
 * 4. the record (with its relationship on CREATE), the history entry and the
 *    key are written. Any error rolls all of it back.
 */
export async function applyChange(connection: Neo4jConnection, change: RecordChange, options?: CallOptions): Promise<ChangeResult> {
  const fingerprint = fingerprintChange(change);
  const keyId = change.idempotencyKey === undefined ? undefined : idempotencyKeyId(change.actor, change.idempotencyKey);
  try {
    return await connection.write(
      `applyChange(${change.action} ${change.id})`,
      async (tx): Promise<ChangeResult> => {
        await tx.run(lockLedgerStatement());
        if (keyId !== undefined) await throwIfReplay(tx, keyId, fingerprint, change);
        const currentRow = (await tx.run(lockedRecordStatement(change.kind, change.id))).records[0];
        const current = currentRow ? readImplementationRecord(change.kind, currentRow) : null;
        const subject = change.action === 'CREATE' ? change.subject : current?.subject;
        const exists =
          change.action === 'CREATE' && subject !== undefined
            ? countFromNeo4j((await tx.run(nodeExistsStatement(subjectKindOf(subject), subject))).records[0]?.get('c'), 'subject') > 0
            : true;
        const missingReferences = new Set<string>();
        for (const reference of referencesOf(change, current)) {
          const found = countFromNeo4j((await tx.run(nodeExistsStatement(reference.kind, reference.id))).records[0]?.get('c'), 'reference');
          if (found === 0) missingReferences.add(reference.id);
        }
        const siblings = subject === undefined ? [] : await readRecordsOf(tx, { kind: change.kind, subjects: [subject], includeRetracted: true });
        const seq = countFromNeo4j((await tx.run(nextSeqStatement())).records[0]?.get('seq'), 'seq');
        const planned = planChange(change, {
          current,
          subjectExists: exists,
          missingReferences,
          siblings: siblings.filter((s) => s.id !== change.id),
          seq,
          at: new Date().toISOString(),
        });
        const columns = recordToColumns(planned.record);
        await tx.run(change.action === 'CREATE' ? createRecordStatement(change.kind, subjectKindOf(planned.record.subject), columns) : updateRecordStatement(change.kind, columns));
        await tx.run(appendChangeStatement(changeToColumns(planned.entry)));
        if (keyId !== undefined) await tx.run(createIdempotencyKeyStatement(keyId, fingerprint, planned.entry.id));
        return { record: planned.record, change: planned.entry, replayed: false };
      },
      options,
    );
  } catch (error) {
    if (error instanceof Replay) return error.result;
    throw error;
  }
}

/** Throws {@link Replay} with the first result when the key was stored; the key with another change is StoreInputError. */
async function throwIfReplay(tx: Neo4jTransaction, keyId: string, fingerprint: string, change: RecordChange): Promise<void> {
  const key = (await tx.run(findIdempotencyKeyStatement(keyId))).records[0];
  if (!key) return;
  const changeId = replayedChangeId({ fingerprint: key.get('fingerprint'), changeId: key.get('changeId') }, fingerprint, change);
  const row = (await tx.run(changeByIdStatement(changeId))).records[0];
  throw new Replay(replayResult(row ? readChangeEntry(row) : undefined, changeId));
}
