import { RECORD_KINDS, type RecordKind } from '../../../model/implementation';
import { returnRecord } from './recordColumns';
import { quoteIdentifier as q, type Statement } from './Statement';

/**
 * Rows of every stored column of the records of `kind` of these subjects
 * (never empty), over the kind's relationship from its subject kind;
 * retracted ones only when asked.
 */
export function recordsOfSubjects(kind: RecordKind, subjects: readonly string[], includeRetracted: boolean): Statement {
  const spec = RECORD_KINDS[kind];
  const retracted = includeRetracted ? '' : ' AND r.retracted = false';
  return {
    text: `MATCH (s:${q(spec.subjectKind)})-[:${q(spec.relationship)}]->(r:${q(kind)}) WHERE s.id IN $subjects${retracted} RETURN ${returnRecord(kind)}`,
    params: { subjects: [...subjects] },
    doing: `reading the ${kind} records of ${subjects.length} ${spec.subjectKind} nodes`,
  };
}
