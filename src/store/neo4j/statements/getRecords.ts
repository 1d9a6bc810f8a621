import type { RecordKind } from '../../../model/implementation';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { returnRecord } from './recordColumns';

/** Records of one kind by id (the index of the kind's uniqueness constraint). Columns: every stored column (see returnRecord). */
export function getRecordsStatement(kind: RecordKind, ids: readonly string[]): Neo4jStatement {
  return {
    name: `getRecords:${kind}`,
    text: [`MATCH (r:${cypherName(kind)})`, 'WHERE r.id IN $ids', `RETURN ${returnRecord(kind)}`].join('\n'),
    params: { ids: [...ids] },
  };
}
