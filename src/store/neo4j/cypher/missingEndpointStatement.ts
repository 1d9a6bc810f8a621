import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import { cypherName } from './cypherName';
import type { EdgeRow } from './mergeEdgesStatement';
import type { Neo4jStatement } from './Neo4jStatement';

/**
 * The first row of a relationship chunk whose start or end node does not
 * exist. Columns: fromId, toId, fromMissing, toMissing. Read-only; run inside
 * the upsert's transaction before it is rolled back.
 */
export function missingEndpointStatement(
  type: RelationshipType,
  fromKind: NodeKind,
  toKind: NodeKind,
  rows: readonly EdgeRow[],
): Neo4jStatement {
  return {
    name: `upsert.missingEndpoint:${fromKind}-${type}->${toKind}`,
    cypher: [
      'UNWIND $rows AS r',
      `OPTIONAL MATCH (a:${cypherName(fromKind)} {id: r.from})`,
      `OPTIONAL MATCH (b:${cypherName(toKind)} {id: r.to})`,
      'WITH r, a, b',
      'WHERE a IS NULL OR b IS NULL',
      'RETURN r.from AS fromId, r.to AS toId, a IS NULL AS fromMissing, b IS NULL AS toMissing',
      'ORDER BY r.i',
      'LIMIT 1',
    ].join('\n'),
    params: { rows },
  };
}
