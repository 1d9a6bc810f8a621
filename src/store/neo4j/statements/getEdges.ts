import { int } from 'neo4j-driver';
import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import { cypherName } from './cypherName';
import { edgeProjection } from './projections';
import type { Neo4jStatement } from './Neo4jStatement';

/** One relationship key of a getEdges statement: its position `i` among the distinct keys asked for and both endpoint ids. */
export interface EdgeKeyRow {
  readonly i: number;
  readonly from: string;
  readonly to: string;
}

/**
 * Relationships of one type between one pair of kinds by key:
 * `UNWIND $keys AS k MATCH (a:From {id: k.from})-[e:TYPE]->(b:To {id: k.to})`,
 * both endpoints found by seeks on the index of their kind's uniqueness
 * constraint on `id`. Columns: i (the key's `i`, sent and returned as a neo4j
 * Integer), props. A key without such a relationship yields no row.
 */
export function getEdgesStatement(type: RelationshipType, fromKind: NodeKind, toKind: NodeKind, keys: readonly EdgeKeyRow[]): Neo4jStatement {
  return {
    name: `getEdges:${fromKind}-${type}->${toKind}`,
    text: [
      'UNWIND $keys AS k',
      `MATCH (a:${cypherName(fromKind)} {id: k.from})-[e:${cypherName(type)}]->(b:${cypherName(toKind)} {id: k.to})`,
      `RETURN k.i AS i, ${edgeProjection('e')} AS props`,
    ].join('\n'),
    params: { keys: keys.map((k) => ({ i: int(k.i), from: k.from, to: k.to })) },
  };
}
