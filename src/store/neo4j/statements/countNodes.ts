import type { NodeKind } from '../../../model/kinds';
import { cypherName } from './cypherName';
import { describeConditions, whereClause, whereLine } from './whereClause';
import type { Neo4jStatement } from './Neo4jStatement';
import type { ResolvedCondition } from './conditions';
import { AS_OF_PARAMETER, validityClause } from './validAt';

/**
 * Node counts computed by Neo4j, one statement:
 * - with `groupBy` (a property of the one kind in `kinds`):
 *   `MATCH (n:Kind) WHERE ... RETURN n.p AS value, count(n) AS count`
 *   (nodes without the property form the group of null);
 * - without: one `MATCH (n:Kind) WHERE ... RETURN 'Kind' AS kind, count(n)
 *   AS count` per kind, joined by UNION ALL (unfiltered, Neo4j answers each
 *   from its count store).
 * Groups with a zero count come back too (an aggregation without grouping
 * keys always yields a row); the store drops them. With `asOf`, only nodes
 * valid on that date are counted.
 *
 * Per kind with `asOf` and no other condition, by subtraction: all the nodes
 * (the count store) less those starting after the date (`validFrom > $asOf`)
 * less those ended by it (`validTo <= $asOf`), each a count over a range
 * index of that property (schemaStatements), where testing every node would
 * read two properties of each (10x the unfiltered count at 100k nodes,
 * bench:asof). Exact because no node is in both sets: that would need
 * validTo < validFrom, which upsert refuses (checkBatch).
 */
export function countNodesStatement(kinds: readonly NodeKind[], conditions: readonly ResolvedCondition[], groupBy?: string, asOf?: string): Neo4jStatement {
  const clause = whereClause('n', conditions);
  const validity = validityClause(['n'], asOf);
  const params = { ...clause.params, ...validity.params };
  const match = (kind: NodeKind) => [`MATCH (n:${cypherName(kind)})`, ...whereLine([...clause.predicates, ...validity.predicates])];
  const where = describeConditions(conditions);
  const suffix = `${where ? ` where ${where}` : ''}${asOf !== undefined ? ' asOf' : ''}`;
  if (groupBy !== undefined) {
    const [kind, ...others] = kinds;
    if (kind === undefined || others.length > 0) throw new TypeError('countNodesStatement: grouping by a property needs exactly one kind');
    return {
      name: `countNodes:${kind} by ${groupBy}${suffix}`,
      text: [...match(kind), `RETURN n.${cypherName(groupBy)} AS value, count(n) AS count`].join('\n'),
      params,
    };
  }
  if (kinds.length === 0) throw new TypeError('countNodesStatement: needs at least one kind');
  if (asOf !== undefined && conditions.length === 0) return countValidBySubtraction(kinds, asOf);
  return {
    name: `countNodes:${kinds.length === 1 ? kinds.join('') : `${kinds.length} kinds`}${suffix}`,
    text: kinds.map((kind) => [...match(kind), `RETURN '${cypherName(kind)}' AS kind, count(n) AS count`].join('\n')).join('\nUNION ALL\n'),
    params,
  };
}

/** Rows `{ kind, count }`: the nodes of each kind valid on `asOf`, by subtraction (see countNodesStatement). */
function countValidBySubtraction(kinds: readonly NodeKind[], asOf: string): Neo4jStatement {
  return {
    name: `countNodes:${kinds.length === 1 ? kinds.join('') : `${kinds.length} kinds`} asOf by subtraction`,
    text: [validCountsCall(kinds), 'RETURN kind, sum(c) AS count'].join('\n'),
    params: { [AS_OF_PARAMETER]: asOf },
  };
}

/**
 * A `CALL () { ... }` whose rows (`kind`, `c`) sum, per kind, to the number of
 * nodes of that kind valid on `$asOf`: all of them (the count store), less
 * those starting after the date, less those ended by it, the last two over
 * the range indexes on validFrom and validTo. Exact because upsert refuses an
 * interval whose validTo is not after its validFrom (checkBatch), so no node
 * is in both. The caller adds its RETURN (a sum per kind, or one total).
 */
export function validCountsCall(kinds: readonly NodeKind[]): string {
  const parts = kinds.flatMap((kind) => {
    const label = cypherName(kind);
    return [
      `MATCH (n:${label}) RETURN '${label}' AS kind, count(n) AS c`,
      `MATCH (n:${label}) WHERE n.${cypherName('validFrom')} > $${AS_OF_PARAMETER} RETURN '${label}' AS kind, -count(n) AS c`,
      `MATCH (n:${label}) WHERE n.${cypherName('validTo')} <= $${AS_OF_PARAMETER} RETURN '${label}' AS kind, -count(n) AS c`,
    ];
  });
  return ['CALL () {', parts.join('\nUNION ALL\n'), '}'].join('\n');
}
