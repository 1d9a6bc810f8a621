import { RECORD_KIND_NAMES, RECORD_KINDS, referenceFieldsOf } from '../../model/implementation';
import type { ChangeListQuery } from '../implementation';
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
} from './statements/applyChange';
import { getRecordsStatement } from './statements/getRecords';
import { listChangesStatements } from './statements/listChanges';
import type { Neo4jStatement } from './statements/Neo4jStatement';
import { recordsOfStatement } from './statements/recordsOf';
import { targetProgressStatements } from './statements/targetProgress';
import { taskProgressStatements } from './statements/taskProgress';

/**
 * Every statement of the records of implementation the adapter can send:
 * per record kind, getRecords, recordsOf (with and without the retracted
 * ones) and the record statements of applyChange; the ledger, key and
 * history statements; listChanges with no filter, each filter alone and
 * every filter at once (each filter is a fixed fragment, ANDed); the reads
 * of targetProgress and taskProgress.
 */
export function allRecordStatements(): Neo4jStatement[] {
  const out: Neo4jStatement[] = [];
  for (const kind of RECORD_KIND_NAMES) {
    const id = `${kind}:sample`;
    out.push(
      getRecordsStatement(kind, [id]),
      recordsOfStatement(kind, ['x'], false),
      recordsOfStatement(kind, ['x'], true),
      lockedRecordStatement(kind, id),
      updateRecordStatement(kind, { id, subject: `${RECORD_KINDS[kind].subjectKinds[0]}:sample`, version: 1 }),
    );
    for (const subjectKind of RECORD_KINDS[kind].subjectKinds) {
      out.push(createRecordStatement(kind, subjectKind, { id, subject: `${subjectKind}:sample`, version: 1 }));
    }
    for (const spec of referenceFieldsOf(kind)) out.push(recordsOfStatement(kind, ['x'], false, spec.name), recordsOfStatement(kind, ['x'], true, spec.name));
  }
  const existenceLabels = new Set(RECORD_KIND_NAMES.flatMap((kind) => [...RECORD_KINDS[kind].subjectKinds, ...referenceFieldsOf(kind).flatMap((spec) => spec.refersTo ?? [])]));
  for (const label of existenceLabels) out.push(nodeExistsStatement(label, 'x'));
  out.push(
    lockLedgerStatement(),
    nextSeqStatement(),
    findIdempotencyKeyStatement('k'),
    changeByIdStatement('Change:1'),
    appendChangeStatement({ id: 'Change:1', seq: 1 }),
    createIdempotencyKeyStatement('k', 'f', 'Change:1'),
  );
  const every: ChangeListQuery = { recordId: 'Actual:x', subject: 'Target:x', actor: 'a', recordKind: 'Actual', action: 'CREATE', from: '2020-01-01', to: '2030-01-01', offset: 0, limit: 10 };
  const filters = ['recordId', 'subject', 'actor', 'recordKind', 'action', 'from', 'to'] as const;
  const queries: ChangeListQuery[] = [{ offset: 0, limit: 10 }, every, ...filters.map((name) => ({ offset: 0, limit: 10, [name]: every[name] }))];
  for (const query of queries) {
    const { page, count } = listChangesStatements(query);
    out.push(page, count);
  }
  const target = targetProgressStatements(['Target:sample'], '2025-12-31');
  const task = taskProgressStatements(['Task:sample'], 2025);
  out.push(target.targets, target.actuals, target.phases, task.tasks, task.reports);
  return out;
}
