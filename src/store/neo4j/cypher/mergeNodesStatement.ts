import type { NodeKind } from '../../../model/kinds';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';

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
    cypher: ['UNWIND $rows AS r', `MERGE (n:${cypherName(kind)} {id: r.id})`, 'SET n += r.props', 'RETURN count(*) AS merged'].join('\n'),
    params: { rows },
  };
}
