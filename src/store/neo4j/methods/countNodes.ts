import { isNodeKind, NODE_KINDS } from '../../../model/kinds';
import type { CountGroup, NodeCountQuery } from '../../analytics';
import type { CallOptions } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j, toPropertyValue } from '../records/neo4jValueToJs';
import { groupOrder } from '../records/orderRecords';
import { resolveCondition } from '../statements/conditions';
import { countNodesStatement } from '../statements/countNodes';

/**
 * Node counts in one statement: of one kind, grouped by a property of it,
 * or per kind; groups with a zero count dropped, ordered by {@link groupOrder}.
 */
export async function countNodes(connection: Neo4jConnection, query: NodeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
  const doing = 'countNodes';
  const { kind, groupBy } = query;
  const where = (query.where ?? []).map(resolveCondition);
  const statement = countNodesStatement(kind !== undefined ? [kind] : NODE_KINDS, where, groupBy, query.asOf);
  const groups = await connection.read(
    doing,
    async (tx) =>
      (await tx.run(statement)).records.map((r): CountGroup => {
        const count = countFromNeo4j(r.get('count'), `${doing} count`);
        if (groupBy !== undefined) return { value: toPropertyValue(r.get('value'), `${doing} ${String(kind)}.${groupBy}`), count };
        if (kind !== undefined) return { count };
        const k = String(r.get('kind'));
        if (!isNodeKind(k)) throw new TypeError(`${doing}: unexpected kind ${k}`);
        return { kind: k, count };
      }),
    options,
  );
  return groups.filter((g) => g.count > 0).sort(groupOrder(groupBy !== undefined ? ['value'] : kind !== undefined ? [] : ['kind']));
}
