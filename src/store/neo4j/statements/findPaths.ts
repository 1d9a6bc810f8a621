import { int } from 'neo4j-driver';
import type { NodeKind } from '../../../model/kinds';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../../model/relationships';
import { ANALYTICS_LIMITS } from '../../analytics';
import { anyNodeProjection, edgeProjection } from './projections';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { AS_OF_PARAMETER, validAt } from './validAt';

/** What both path statements share: the end nodes, their kinds (from their ids) and the types to follow (undefined: any). */
export interface PathEnds {
  readonly from: string;
  readonly to: string;
  readonly fromKind: NodeKind;
  readonly toKind: NodeKind;
  readonly types: readonly RelationshipType[] | undefined;
  /** Only paths whose every node and relationship is valid on this date (YYYY-MM-DD); absent: any. */
  readonly asOf?: string;
}

/**
 * The shortest paths between `$from` and `$to` (both matched by id on their
 * label, an index seek), following relationships in either direction:
 * `allShortestPaths((a)-[:T1|T2*1..maxDepth]-(b))` (breadth-first from both
 * ends; a shortest path never repeats a node). The start and end must
 * differ: Neo4j refuses a shortest path from a node to itself. Columns:
 * nodes, edges (see {@link PATH_COLUMNS}); at most `$limit` paths ordered
 * by {@link PATH_ORDER}.
 */
export function shortestPathsStatement(ends: PathEnds, maxDepth: number, limit: number): Neo4jStatement {
  const depth = pathLength(maxDepth);
  return {
    name: `paths.shortest:${describe(ends)}:1..${depth}`,
    text: [
      ...matchEnds(ends),
      `MATCH p = allShortestPaths((a)-[${relationships(ends.types)}*1..${depth}]-(b))`,
      ...(ends.asOf !== undefined ? [`WHERE ${PATH_VALID}`] : []),
      ...PATH_TAIL,
    ].join('\n'),
    params: params(ends, limit),
  };
}

/**
 * Every path of exactly `length` relationships between `$from` and `$to`,
 * in either direction, without repeated nodes (Cypher already never repeats
 * a relationship within a pattern); at most `$limit` ordered by
 * {@link PATH_ORDER}. The store asks for lengths 1, 2, ... in turn until it
 * has enough paths, so short paths are found without expanding long ones.
 */
export function pathsOfLengthStatement(ends: PathEnds, length: number, limit: number): Neo4jStatement {
  const k = pathLength(length);
  return {
    name: `paths.all:${describe(ends)}:${k}`,
    text: [
      ...matchEnds(ends),
      `MATCH p = (a)-[${relationships(ends.types)}*${k}..${k}]-(b)`,
      `WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))${ends.asOf !== undefined ? ` AND ${PATH_VALID}` : ''}`,
      ...PATH_TAIL,
    ].join('\n'),
    params: params(ends, limit),
  };
}

/**
 * How paths of equal length are ordered: by the ids of their nodes from
 * start to end, then the types of their relationships, then the start ids
 * of their relationships (two paths through the same nodes differ in a
 * relationship's type or direction). Lists compare element by element,
 * strings as Neo4j 5 compares them: stored ones by code point (their UTF-8
 * bytes), computed ones (type(e)) by UTF-16 unit; ids and type names are
 * ASCII, so both orders are code-point order here.
 */
export const PATH_ORDER = 'nodeIds ASC, relTypes ASC, relStarts ASC';

/** Columns of a path row: `nodes` ({id, labels, props} from start to end) and `edges` ({type, from, to, props}, real direction). */
export const PATH_COLUMNS = ['nodes', 'edges'] as const;

const PATH_TAIL = [
  'WITH p, [n IN nodes(p) | n.id] AS nodeIds, [e IN relationships(p) | type(e)] AS relTypes, [e IN relationships(p) | startNode(e).id] AS relStarts',
  `ORDER BY ${PATH_ORDER}`,
  'LIMIT $limit',
  `RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: ${anyNodeProjection('n')}}] AS nodes, ` +
    `[e IN relationships(p) | {type: type(e), from: startNode(e).id, to: endNode(e).id, props: ${edgeProjection('e')}}] AS edges`,
];

/** With a date: every node and relationship of path `p` valid on `$asOf` (Neo4j checks these universal predicates while it expands, shortest paths included). */
const PATH_VALID = `all(n IN nodes(p) WHERE ${validAt('n')}) AND all(r IN relationships(p) WHERE ${validAt('r')})`;

function params(ends: PathEnds, limit: number): Record<string, unknown> {
  return { from: ends.from, to: ends.to, limit: int(limit), ...(ends.asOf !== undefined ? { [AS_OF_PARAMETER]: ends.asOf } : {}) };
}

function matchEnds(ends: PathEnds): string[] {
  const valid = (variable: string) => (ends.asOf !== undefined ? ` WHERE ${validAt(variable)}` : '');
  return [`MATCH (a:${cypherName(ends.fromKind)} {id: $from})${valid('a')}`, `MATCH (b:${cypherName(ends.toKind)} {id: $to})${valid('b')}`];
}

/**
 * `:T1|T2`; any type (undefined) is every type of the registry, so a path
 * never walks into the records of implementation (HAS_ACTUAL, HAS_REPORT).
 */
function relationships(types: readonly RelationshipType[] | undefined): string {
  return `:${(types ?? RELATIONSHIP_TYPES).map(cypherName).join('|')}`;
}

/**
 * A path length checked to be an integer from 1 to
 * {@link ANALYTICS_LIMITS.maxPathDepth}, for the Cypher text (Cypher takes
 * no parameter in a variable-length bound). The store has already checked
 * it; this makes sure nothing else ever reaches the text.
 */
export function pathLength(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > ANALYTICS_LIMITS.maxPathDepth) {
    throw new TypeError(`a path length must be an integer from 1 to ${ANALYTICS_LIMITS.maxPathDepth} (got ${String(n)})`);
  }
  return n;
}

function describe(ends: PathEnds): string {
  return `${ends.fromKind}-[${ends.types === undefined ? '*' : ends.types.join('|')}]-${ends.toKind}${ends.asOf !== undefined ? ' asOf' : ''}`;
}
