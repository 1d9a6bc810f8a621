import { int } from 'neo4j-driver';
import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import type { ValidityPosition } from '../../validityCursor';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { anyNodeProjection, edgeProjection } from './projections';

/** What one listValidityChanges call selects. */
export interface ValidityChangeSelection {
  /** Node kinds whose changes are listed (may be empty). */
  readonly kinds: readonly NodeKind[];
  /** Relationship types whose changes are listed (may be empty). */
  readonly types: readonly RelationshipType[];
  /** First date included (absent: open). */
  readonly from?: string;
  /** First date excluded (absent: open). */
  readonly to?: string;
}

/** The CALL subquery: one UNION ALL branch per side (STARTS, ENDS) of the nodes and of the relationships; columns date, change, key, node, rel. */
function changes(selection: ValidityChangeSelection): { lines: string[]; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  if (selection.from !== undefined) params.vcFrom = selection.from;
  if (selection.to !== undefined) params.vcTo = selection.to;
  const inWindow = (column: string) =>
    [`${column} IS NOT NULL`, ...(selection.from !== undefined ? [`${column} >= $vcFrom`] : []), ...(selection.to !== undefined ? [`${column} < $vcTo`] : [])].join(' AND ');
  const branches: string[] = [];
  for (const [side, change] of [
    ['validFrom', 'STARTS'],
    ['validTo', 'ENDS'],
  ] as const) {
    if (selection.kinds.length > 0) {
      branches.push(
        `MATCH (n:${selection.kinds.map(cypherName).join('|')}) WHERE ${inWindow(`n.${side}`)} ` +
          `RETURN n.${side} AS date, '${change}' AS change, n.id AS key, n AS node, null AS rel`,
      );
    }
    if (selection.types.length > 0) {
      branches.push(
        `MATCH (a)-[r:${selection.types.map(cypherName).join('|')}]->(b) WHERE ${inWindow(`r.${side}`)} ` +
          `RETURN r.${side} AS date, '${change}' AS change, a.id + ' ' + type(r) + ' ' + b.id AS key, null AS node, r AS rel`,
      );
    }
  }
  return { lines: ['CALL {', ...branches.map((b, i) => (i === 0 ? `  ${b}` : `  UNION ALL\n  ${b}`)), '}'], params };
}

function describe(selection: ValidityChangeSelection): string {
  const kinds = selection.kinds.length === 0 ? 'no kind' : `${selection.kinds.length} kinds`;
  const types = selection.types.length === 0 ? 'no type' : `${selection.types.length} types`;
  return `${kinds}, ${types}${selection.from !== undefined ? ' from' : ''}${selection.to !== undefined ? ' to' : ''}`;
}

/**
 * The statements of one page of validity changes (at least one kind or
 * type): `count` (column total: the changes in the range, whatever the
 * cursor) and `page`: the changes after `after`, ordered by date, key
 * (a node's id; a relationship's `from type to`), then ENDS before STARTS,
 * at most `first`; columns date, change, nodeId, labels, nodeProps (null for
 * a relationship), relType, fromId, toId, relProps (null for a node).
 */
export function validityChangesStatements(
  selection: ValidityChangeSelection,
  after: ValidityPosition | undefined,
  first: number,
): { count: Neo4jStatement; page: Neo4jStatement } {
  const { lines, params } = changes(selection);
  const cursor = after
    ? ['WITH date, change, key, node, rel', 'WHERE date > $vcDate OR (date = $vcDate AND (key > $vcKey OR (key = $vcKey AND change > $vcChange)))']
    : [];
  const name = describe(selection);
  return {
    count: { name: `validityChanges.count:${name}`, text: [...lines, 'RETURN count(*) AS total'].join('\n'), params },
    page: {
      name: `validityChanges.page:${name}${after ? ' after' : ''}`,
      text: [
        ...lines,
        ...cursor,
        'WITH date, change, key, node, rel',
        'ORDER BY date ASC, key ASC, change ASC',
        'LIMIT $first',
        `RETURN date, change, node.id AS nodeId, labels(node) AS labels, CASE WHEN node IS NULL THEN null ELSE ${anyNodeProjection('node')} END AS nodeProps, ` +
          `type(rel) AS relType, startNode(rel).id AS fromId, endNode(rel).id AS toId, CASE WHEN rel IS NULL THEN null ELSE ${edgeProjection('rel')} END AS relProps`,
      ].join('\n'),
      params: { ...params, ...(after ? { vcDate: after.date, vcKey: after.key, vcChange: after.change } : {}), first: int(first) },
    },
  };
}
