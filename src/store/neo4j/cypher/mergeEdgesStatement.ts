import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';

/** One relationship row of an upsert: its position `i` in the chunk, both endpoint ids, its props. */
export interface EdgeRow {
  readonly i: number;
  readonly from: string;
  readonly to: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/**
 * Merges a chunk of relationships of one type between one pair of kinds:
 * both endpoints are MATCHed by id (index seeks), then
 * `MERGE (a)-[e:TYPE]->(b) SET e += r.props`. A row whose endpoint is missing
 * yields nothing, so column `merged` (distinct rows merged) falls short of
 * the chunk size and the caller looks for the culprit with
 * {@link missingEndpointStatement}.
 */
export function mergeEdgesStatement(
  type: RelationshipType,
  fromKind: NodeKind,
  toKind: NodeKind,
  rows: readonly EdgeRow[],
): Neo4jStatement {
  return {
    name: `upsert.edges:${fromKind}-${type}->${toKind}`,
    cypher: [
      'UNWIND $rows AS r',
      `MATCH (a:${cypherName(fromKind)} {id: r.from})`,
      `MATCH (b:${cypherName(toKind)} {id: r.to})`,
      `MERGE (a)-[e:${cypherName(type)}]->(b)`,
      'SET e += r.props',
      'RETURN count(DISTINCT r.i) AS merged',
    ].join('\n'),
    params: { rows },
  };
}
