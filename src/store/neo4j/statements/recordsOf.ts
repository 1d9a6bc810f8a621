import { RECORD_KINDS, type RecordKind } from '../../../model/implementation';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { returnRecord } from './recordColumns';

/**
 * The records of a kind of these subjects, over the kind's relationship
 * from its subject kind (any of them when the kind has several); retracted
 * ones only when asked. With `field` (a reference field of the kind, checked
 * in front of the adapter): the records whose field names one of the ids
 * instead. Columns: see returnRecord.
 */
export function recordsOfStatement(kind: RecordKind, subjects: readonly string[], includeRetracted: boolean, field?: string): Neo4jStatement {
  const spec = RECORD_KINDS[kind];
  const kinds = spec.subjectKinds as readonly string[];
  const match =
    field !== undefined
      ? [`MATCH (r:${cypherName(kind)})`, `WHERE r.${cypherName(field)} IN $subjects`]
      : [`MATCH (s${kinds.length === 1 ? `:${cypherName(kinds[0] as string)}` : ''})-[:${cypherName(spec.relationship)}]->(r:${cypherName(kind)})`, 'WHERE s.id IN $subjects'];
  return {
    name: `recordsOf:${kind}${field !== undefined ? `:by-${field}` : ''}${includeRetracted ? ':all' : ''}`,
    text: [...match.slice(0, 1), `${match[1]}${includeRetracted ? '' : ' AND r.retracted = false'}`, `RETURN ${returnRecord(kind)}`].join('\n'),
    params: { subjects: [...subjects] },
  };
}
