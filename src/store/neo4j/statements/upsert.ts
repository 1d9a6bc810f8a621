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
    text: [
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

/** One node row of an upsert: `{id, props}` with props already checked and converted. */
export interface NodeRow {
  readonly id: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/**
 * Merges a chunk of nodes of one kind by id and sets the given properties
 * (`SET n += r.props`: given ones replace stored ones, a null removes one,
 * others stay). Column: merged (rows seen); created nodes come from the
 * summary counters.
 */
export function mergeNodesStatement(kind: NodeKind, rows: readonly NodeRow[]): Neo4jStatement {
  return {
    name: `upsert.nodes:${kind}`,
    text: ['UNWIND $rows AS r', `MERGE (n:${cypherName(kind)} {id: r.id})`, 'SET n += r.props', 'RETURN count(*) AS merged'].join('\n'),
    params: { rows },
  };
}

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
    text: [
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
