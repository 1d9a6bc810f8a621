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
 * `MERGE (a)-[e:TYPE]->(b)`; a created relationship gets the given
 * properties at once (`ON CREATE SET e += r.props`), a matched one is
 * write-locked first (`ON MATCH SET e.ordinal = e.ordinal`, a write of the
 * value it holds), so that the comparison that follows reads what no other
 * transaction can change before this one commits; then `SET e += r.props`.
 * Columns: `merged` (distinct rows merged) and `updated` (distinct rows
 * whose relationship existed and held a different value for a given
 * property, see {@link differs}); a created relationship already holds the
 * given values when compared, so it is never `updated`, and the created
 * count comes from the summary counters. A row whose endpoint is missing
 * yields nothing, so `merged` falls short of the chunk size and the caller
 * looks for the culprit with {@link missingEndpointStatement}.
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
      '  ON CREATE SET e += r.props',
      '  ON MATCH SET e.ordinal = e.ordinal',
      `WITH r, e, ${differs('e')} AS changed`,
      'SET e += r.props',
      'RETURN count(DISTINCT r.i) AS merged, count(DISTINCT CASE WHEN changed THEN r.i END) AS updated',
    ].join('\n'),
    params: { rows },
  };
}

/**
 * True when a given property (a key of `r.props`) holds a different value
 * in `x`: two nulls (absent) are equal, a null and a value differ, two
 * values differ unless `=`. False when no property is given.
 */
function differs(x: string): string {
  return `any(k IN keys(r.props) WHERE NOT coalesce(${x}[k] = r.props[k], ${x}[k] IS NULL AND r.props[k] IS NULL))`;
}

/** One node row of an upsert: `{id, props}` with props already checked and converted. */
export interface NodeRow {
  readonly id: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/**
 * Merges a chunk of nodes of one kind by id and sets the given properties
 * (`SET n += r.props`: given ones replace stored ones, a null removes one,
 * others stay). As for relationships ({@link mergeEdgesStatement}), a
 * created node gets the given properties at once and a matched one is
 * write-locked (`ON MATCH SET n.id = r.id`, the id it holds) before its
 * properties are compared. Columns: `merged` (rows) and `updated` (rows
 * whose node existed and held a different value for a given property);
 * created nodes come from the summary counters.
 */
export function mergeNodesStatement(kind: NodeKind, rows: readonly NodeRow[]): Neo4jStatement {
  return {
    name: `upsert.nodes:${kind}`,
    text: [
      'UNWIND $rows AS r',
      `MERGE (n:${cypherName(kind)} {id: r.id})`,
      '  ON CREATE SET n += r.props',
      '  ON MATCH SET n.id = r.id',
      `WITH r, n, ${differs('n')} AS changed`,
      'SET n += r.props',
      'RETURN count(*) AS merged, count(CASE WHEN changed THEN 1 END) AS updated',
    ].join('\n'),
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
