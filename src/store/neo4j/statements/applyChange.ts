import { CHANGE_LABEL, IDEMPOTENCY_LABEL, LEDGER_ID, LEDGER_LABEL } from '../../../model/history';
import { RECORD_KINDS, type RecordKind } from '../../../model/implementation';
import type { NodeKind } from '../../../model/kinds';
import type { PropertyValue } from '../../records';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { returnChange, returnRecord, toNeo4jProperties } from './recordColumns';

const LEDGER = cypherName(LEDGER_LABEL);

/**
 * Takes the write lock of the ledger (creating it at the first write): a
 * write to it, held until the transaction ends, so every applyChange after
 * this point runs alone; the flag is removed by {@link nextSeqStatement}
 * (a rolled-back transaction never stored it). Column: none.
 */
export function lockLedgerStatement(): Neo4jStatement {
  return { name: 'applyChange.lockLedger', text: `MERGE (l:${LEDGER} {id: $id})\nSET l.lock = true`, params: { id: LEDGER_ID } };
}

/** The idempotency key with this stored id, if any. Columns: fingerprint, changeId. */
export function findIdempotencyKeyStatement(keyId: string): Neo4jStatement {
  return {
    name: 'applyChange.findIdempotencyKey',
    text: [`MATCH (k:${cypherName(IDEMPOTENCY_LABEL)} {id: $id})`, 'RETURN k.fingerprint AS fingerprint, k.changeId AS changeId'].join('\n'),
    params: { id: keyId },
  };
}

/** One history entry by id. Columns: see returnChange. */
export function changeByIdStatement(id: string): Neo4jStatement {
  return { name: 'applyChange.changeById', text: [`MATCH (h:${cypherName(CHANGE_LABEL)} {id: $id})`, `RETURN ${returnChange()}`].join('\n'), params: { id } };
}

/**
 * A record by id, read after taking its write lock (a flag set and removed:
 * the lock stays until the transaction ends), so its version cannot change
 * before this transaction writes it. Columns: see returnRecord.
 */
export function lockedRecordStatement(kind: RecordKind, id: string): Neo4jStatement {
  return {
    name: `applyChange.lockRecord:${kind}`,
    text: [`MATCH (r:${cypherName(kind)} {id: $id})`, 'SET r.lock = true', 'REMOVE r.lock', `RETURN ${returnRecord(kind)}`].join('\n'),
    params: { id },
  };
}

/** Whether a node of `label` (a kind of the registry) has the id: a record's subject, or a node a reference field names. Column: c (0 or 1). */
export function nodeExistsStatement(label: NodeKind, id: string): Neo4jStatement {
  return {
    name: `applyChange.nodeExists:${label}`,
    text: [`MATCH (s:${cypherName(label)} {id: $id})`, 'RETURN count(s) AS c'].join('\n'),
    params: { id },
  };
}

/** The history's next number, on the ledger locked by {@link lockLedgerStatement} (whose flag it removes). Column: seq. */
export function nextSeqStatement(): Neo4jStatement {
  return {
    name: 'applyChange.nextSeq',
    text: [`MATCH (l:${LEDGER} {id: $id})`, 'SET l.seq = coalesce(l.seq, 0) + 1', 'REMOVE l.lock', 'RETURN l.seq AS seq'].join('\n'),
    params: { id: LEDGER_ID },
  };
}

/** Creates a record with its columns and its relationship from its subject, a node of `subjectKind`. Column: none. */
export function createRecordStatement(kind: RecordKind, subjectKind: NodeKind, columns: Readonly<Record<string, PropertyValue>>): Neo4jStatement {
  const spec = RECORD_KINDS[kind];
  return {
    name: `applyChange.createRecord:${kind}:${subjectKind}`,
    text: [
      `MATCH (s:${cypherName(subjectKind)} {id: $subject})`,
      `CREATE (s)-[:${cypherName(spec.relationship)}]->(r:${cypherName(kind)})`,
      'SET r = $props',
    ].join('\n'),
    params: { subject: String(columns.subject), props: toNeo4jProperties(columns) },
  };
}

/** Replaces every property of a stored record by its columns (null ones are removed). Column: none. */
export function updateRecordStatement(kind: RecordKind, columns: Readonly<Record<string, PropertyValue>>): Neo4jStatement {
  return {
    name: `applyChange.updateRecord:${kind}`,
    text: [`MATCH (r:${cypherName(kind)} {id: $id})`, 'SET r = $props'].join('\n'),
    params: { id: String(columns.id), props: toNeo4jProperties(columns) },
  };
}

/** Appends a history entry. Column: none. */
export function appendChangeStatement(columns: Readonly<Record<string, PropertyValue>>): Neo4jStatement {
  return { name: 'applyChange.appendChange', text: [`CREATE (h:${cypherName(CHANGE_LABEL)})`, 'SET h = $props'].join('\n'), params: { props: toNeo4jProperties(columns) } };
}

/** Stores an idempotency key naming the change it made. Column: none. */
export function createIdempotencyKeyStatement(keyId: string, fingerprint: string, changeId: string): Neo4jStatement {
  return {
    name: 'applyChange.createIdempotencyKey',
    text: `CREATE (k:${cypherName(IDEMPOTENCY_LABEL)} {id: $id, fingerprint: $fingerprint, changeId: $changeId})`,
    params: { id: keyId, fingerprint, changeId },
  };
}
