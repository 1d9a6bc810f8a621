import { isRelationshipType, type RelationshipType } from '../../../model/relationships';
import type { CountGroup, EdgeCountQuery } from '../../analytics';
import type { CallOptions } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { groupOrder } from '../records/orderRecords';
import { resolveCondition } from '../statements/conditions';
import { countEdgesStatement, EDGE_COUNT_COLUMNS } from '../statements/countEdges';
import { endKinds, kindsInRegistryOrder, typesInRegistryOrder } from './kindsAndTypes';

/**
 * Relationship counts in one statement over the pattern of listEdges,
 * grouped by type, start and/or end id; groups with a zero count dropped,
 * ordered by {@link groupOrder}. Nothing is sent when no kind can match.
 */
export async function countEdges(connection: Neo4jConnection, query: EdgeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
  const doing = 'countEdges';
  const types = typesInRegistryOrder(query.types);
  const groupBy = [...query.groupBy];
  const fromKindsAsked = query.fromKinds === undefined ? undefined : kindsInRegistryOrder(query.fromKinds);
  const allFrom = endKinds(types, 'from');
  const allTo = endKinds(types, 'to');
  const toWhere = (query.toWhere ?? []).map(resolveCondition);
  const fromKinds = fromKindsAsked === undefined ? allFrom : allFrom.filter((k) => fromKindsAsked.includes(k));
  if (types.length === 0 || fromKinds.length === 0 || allTo.length === 0) return [];
  const statement = countEdgesStatement({ types, fromKinds, toKinds: allTo, toWhere, asOf: query.asOf }, groupBy);
  const groups = await connection.read(
    doing,
    async (tx) =>
      (await tx.run(statement)).records.map((r): CountGroup => {
        const group: { type?: RelationshipType; from?: string; to?: string } = {};
        for (const key of groupBy) {
          const value = r.get(EDGE_COUNT_COLUMNS[key]);
          if (key === 'type') {
            const type = String(value);
            if (!isRelationshipType(type)) throw new TypeError(`${doing}: unexpected relationship type ${type} from Neo4j`);
            group.type = type;
          } else group[key] = String(value);
        }
        return { ...group, count: countFromNeo4j(r.get('count'), `${doing} count`) };
      }),
    options,
  );
  return groups.filter((g) => g.count > 0).sort(groupOrder(groupBy));
}
