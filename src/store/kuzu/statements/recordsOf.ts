import { RECORD_KINDS, type RecordKind } from '../../../model/implementation';
import { returnRecord } from './recordColumns';
import { quoteIdentifier as q, type Statement } from './Statement';

/**
 * Rows of every stored column of the records of `kind` of these subjects
 * (never empty), over the kind's relationship from its subject kind (any of
 * them when the kind has several); retracted ones only when asked. With
 * `field` (a reference field of the kind, checked in front of the adapter):
 * the records whose field names one of the ids instead.
 */
export function recordsOfSubjects(kind: RecordKind, subjects: readonly string[], includeRetracted: boolean, field?: string): Statement {
  const spec = RECORD_KINDS[kind];
  const retracted = includeRetracted ? '' : ' AND r.retracted = false';
  const kinds = spec.subjectKinds as readonly string[];
  const match =
    field !== undefined
      ? `MATCH (r:${q(kind)}) WHERE r.${q(field)} IN $subjects`
      : `MATCH (s${kinds.length === 1 ? `:${q(kinds[0] as string)}` : ''})-[:${q(spec.relationship)}]->(r:${q(kind)}) WHERE s.id IN $subjects`;
  return {
    text: `${match}${retracted} RETURN ${returnRecord(kind)}`,
    params: { subjects: [...subjects] },
    doing: `reading the ${kind} records of ${subjects.length} ${field === undefined ? kinds.join('/') : `${field}`} nodes`,
  };
}
