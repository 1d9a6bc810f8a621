import { NODE_KINDS, type NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import type { Conditions } from './conditions';
import { quoteIdentifier, type Statement } from './Statement';

/** The count statements: countNodes, countEdges, stats, and the node counts per kind of KindSizes. */

type Met = Extract<Conditions, { never: false }>;

/** Rows `{ c }`: the nodes of `kind` meeting the conditions. */
export function countOfKind(kind: NodeKind, conditions: Met): Statement {
  return { text: `${matchKind(kind, conditions)} RETURN count(*) AS c`, params: conditions.params, doing: `counting ${kind} nodes` };
}

/** Rows `{ v, c }`: the nodes of `kind` meeting the conditions, per value of `property` (implicit GROUP BY; null is a value). */
export function countOfKindBy(kind: NodeKind, conditions: Met, property: string): Statement {
  return {
    text: `${matchKind(kind, conditions)} RETURN n.${quoteIdentifier(property)} AS v, count(*) AS c`,
    params: conditions.params,
    doing: `counting ${kind} nodes by ${property}`,
  };
}

/**
 * Rows `{ kind, c }`: the nodes of every kind meeting the conditions (which
 * may only name properties every kind has), one UNION ALL of per-table counts.
 */
export function countPerKind(conditions: Met): Statement {
  const filter = conditions.predicates.length ? ` WHERE ${conditions.predicates.join(' AND ')}` : '';
  return {
    text: NODE_KINDS.map((kind) => `MATCH (n:${quoteIdentifier(kind)})${filter} RETURN '${kind}' AS kind, count(*) AS c`).join(' UNION ALL '),
    params: conditions.params,
    doing: 'counting nodes per kind',
  };
}

function matchKind(kind: NodeKind, conditions: Met): string {
  return `MATCH (n:${quoteIdentifier(kind)})${conditions.predicates.length ? ` WHERE ${conditions.predicates.join(' AND ')}` : ''}`;
}

/** Group keys of countEdges and the column each is read from. */
const KEYS = { type: 'label(e)', from: 'a.id', to: 'b.id' } as const;

/** A group key of countEdges. */
export type EdgeGroupKey = keyof typeof KEYS;

/**
 * Rows `{ k0, k1..., c }`: `MATCH (a:FromKinds)-[e:T1|T2]->(b) WHERE
 * <conditions on b> RETURN <keys>, count(*)` (implicit GROUP BY on the keys,
 * `kN` the Nth key of `keys`).
 *
 * @param startKinds the start kinds to keep; undefined: any
 */
export function countEdgesStatement(
  types: readonly RelationshipType[],
  startKinds: readonly NodeKind[] | undefined,
  conditions: Extract<Conditions, { never: false }>,
  keys: readonly EdgeGroupKey[],
): Statement {
  const from = startKinds ? `:${startKinds.map(quoteIdentifier).join(':')}` : '';
  const match =
    `MATCH (a${from})-[e:${types.map(quoteIdentifier).join('|')}]->(b)` +
    (conditions.predicates.length ? ` WHERE ${conditions.predicates.join(' AND ')}` : '');
  const columns = keys.map((key, i) => `${KEYS[key]} AS k${i}`);
  return { text: `${match} RETURN ${[...columns, 'count(*) AS c'].join(', ')}`, params: conditions.params, doing: 'counting relationships' };
}

/** Rows `{ c }`: every node of the graph. */
export function countAllNodes(): Statement {
  return { text: 'MATCH (n) RETURN count(n) AS c', params: {}, doing: 'counting nodes' };
}

/** Rows `{ c }`: every relationship of the graph. */
export function countAllEdges(): Statement {
  return { text: 'MATCH ()-[e]->() RETURN count(e) AS c', params: {}, doing: 'counting relationships' };
}

/** Rows `{ c }`: the nodes of `kind`. */
export function countNodesOf(kind: NodeKind): Statement {
  return { text: `MATCH (n:${quoteIdentifier(kind)}) RETURN count(*) AS c`, params: {}, doing: 'counting nodes' };
}
