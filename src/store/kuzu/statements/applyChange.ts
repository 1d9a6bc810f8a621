import { CHANGE_LABEL, IDEMPOTENCY_LABEL } from '../../../model/history';
import { RECORD_KINDS, type RecordKind } from '../../../model/implementation';
import type { NodeKind } from '../../../model/kinds';
import type { PropertyValue } from '../../records';
import { returnChange } from './recordColumns';
import { quoteIdentifier as q, type Params, type Statement } from './Statement';

/**
 * The statements of applyChange on Kùzu. Values travel as parameters named
 * `p_<column>`; a column to clear is set to the literal NULL (the adapter
 * never sends a null parameter, see assertSafeParameters).
 */

/** Rows `{ fingerprint, changeId }`: the idempotency key with this stored id, if any. */
export function findIdempotencyKey(keyId: string): Statement {
  return {
    text: `MATCH (k:${q(IDEMPOTENCY_LABEL)} {id: $id}) RETURN k.fingerprint AS fingerprint, k.changeId AS changeId`,
    params: { id: keyId },
    doing: 'looking up an idempotency key',
  };
}

/** Rows of every column of a history entry (see returnChange): the entry with this id. */
export function changeById(id: string): Statement {
  return { text: `MATCH (h:${q(CHANGE_LABEL)} {id: $id}) RETURN ${returnChange()}`, params: { id }, doing: 'reading a history entry' };
}

/** Rows `{ c }`: 1 when a node of `label` (a kind of the registry) has the id. */
export function nodeExists(label: NodeKind, id: string): Statement {
  return {
    text: `MATCH (s:${q(label)} {id: $id}) RETURN count(*) AS c`,
    params: { id },
    doing: `checking that ${label} ${id} exists`,
  };
}

/**
 * Rows `{ seq }`: the history's last number (0 when empty). A read: Kùzu has
 * one writer, so the next number is this plus one, and no shared row is
 * updated (Kùzu 0.11.3 fails an update of a row whose earlier update was
 * rolled back with a spurious write-write conflict; see docs/kuzu-0.11.3.md).
 */
export function lastSeq(): Statement {
  return { text: `MATCH (h:${q(CHANGE_LABEL)}) RETURN coalesce(max(h.seq), 0) AS seq`, params: {}, doing: 'numbering a change' };
}

/** Creates a record (its columns, nulls left out) and its relationship from its subject, a node of `subjectKind`. */
export function createRecord(kind: RecordKind, subjectKind: NodeKind, columns: Readonly<Record<string, PropertyValue>>): Statement {
  const spec = RECORD_KINDS[kind];
  const { map, params } = propertyMap(columns);
  return {
    text: `MATCH (s:${q(subjectKind)} {id: $subject}) CREATE (s)-[:${q(spec.relationship)}]->(r:${q(kind)} ${map})`,
    params: { ...params, subject: String(columns.subject) },
    doing: `creating a ${kind}`,
  };
}

/** Sets every column of a stored record but its id (null columns to NULL). */
export function updateRecord(kind: RecordKind, columns: Readonly<Record<string, PropertyValue>>): Statement {
  const params: Params = { id: String(columns.id) };
  const sets = Object.entries(columns)
    .filter(([name]) => name !== 'id')
    .map(([name, value]) => {
      if (value === null) return `r.${q(name)} = NULL`;
      params[`p_${name}`] = value;
      return `r.${q(name)} = $p_${name}`;
    });
  return { text: `MATCH (r:${q(kind)} {id: $id}) SET ${sets.join(', ')}`, params, doing: `updating a ${kind}` };
}

/** Appends a history entry (its columns, nulls left out). */
export function appendChange(columns: Readonly<Record<string, PropertyValue>>): Statement {
  const { map, params } = propertyMap(columns);
  return { text: `CREATE (h:${q(CHANGE_LABEL)} ${map})`, params, doing: 'appending a history entry' };
}

/** Stores an idempotency key naming the change it made. */
export function createIdempotencyKey(keyId: string, fingerprint: string, changeId: string): Statement {
  return {
    text: `CREATE (k:${q(IDEMPOTENCY_LABEL)} {id: $id, fingerprint: $fingerprint, changeId: $changeId})`,
    params: { id: keyId, fingerprint, changeId },
    doing: 'storing an idempotency key',
  };
}

/** `{col: $p_col, ...}` of the non-null columns, and their parameters. */
function propertyMap(columns: Readonly<Record<string, PropertyValue>>): { map: string; params: Params } {
  const params: Params = {};
  const entries = Object.entries(columns)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => {
      params[`p_${name}`] = value as string | number | boolean;
      return `${q(name)}: $p_${name}`;
    });
  return { map: `{${entries.join(', ')}}`, params };
}
