import { RECORD_KINDS, type RecordKind } from '../../../model/implementation';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { returnRecord } from './recordColumns';

/** The records of a kind of these subjects, over the kind's relationship; retracted ones only when asked. Columns: see returnRecord. */
export function recordsOfStatement(kind: RecordKind, subjects: readonly string[], includeRetracted: boolean): Neo4jStatement {
  const spec = RECORD_KINDS[kind];
  return {
    name: `recordsOf:${kind}${includeRetracted ? ':all' : ''}`,
    text: [
      `MATCH (s:${cypherName(spec.subjectKind)})-[:${cypherName(spec.relationship)}]->(r:${cypherName(kind)})`,
      `WHERE s.id IN $subjects${includeRetracted ? '' : ' AND r.retracted = false'}`,
      `RETURN ${returnRecord(kind)}`,
    ].join('\n'),
    params: { subjects: [...subjects] },
  };
}
