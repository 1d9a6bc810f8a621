import { isRelationshipType, type RelationshipType } from '../../../model/relationships';
import type { CallOptions, EdgeListQuery, EdgeRecord, Page } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { readEdgeRecord } from '../records/readEdgeRecord';
import { resolveCondition } from '../statements/conditions';
import { listEdgesStatements } from '../statements/listEdges';
import { endKinds, groupIdsByKind } from './kindsAndTypes';

/**
 * One page of relationships and the total count, in one pattern whose
 * start and end labels are narrowed by the ids given; nothing is sent when
 * no kind can match.
 */
export async function listEdges(connection: Neo4jConnection, query: EdgeListQuery, options?: CallOptions): Promise<Page<EdgeRecord>> {
  const doing = 'listEdges';
  const types: RelationshipType[] = [...new Set(query.types)];
  const allFrom = endKinds(types, 'from');
  const allTo = endKinds(types, 'to');
  const toWhere = (query.toWhere ?? []).map(resolveCondition);
  const fromIds = query.fromIds === undefined ? undefined : groupIdsByKind(query.fromIds);
  const toIds = query.toIds === undefined ? undefined : groupIdsByKind(query.toIds);
  const fromKinds = fromIds === undefined ? allFrom : allFrom.filter((kind) => fromIds.has(kind));
  const toKinds = toIds === undefined ? allTo : allTo.filter((kind) => toIds.has(kind));
  if (types.length === 0 || fromKinds.length === 0 || toKinds.length === 0) return { items: [], totalCount: 0 };
  const { count, page } = listEdgesStatements(
    {
      types,
      fromKinds,
      toKinds,
      ...(query.fromIds !== undefined ? { fromIds: [...new Set(query.fromIds)] } : {}),
      ...(query.toIds !== undefined ? { toIds: [...new Set(query.toIds)] } : {}),
      toWhere,
      asOf: query.asOf,
    },
    query.offset,
    query.limit,
  );
  return connection.read(
    doing,
    async (tx) => {
      const totalCount = countFromNeo4j((await tx.run(count)).records[0]?.get('total'), `${doing} total`);
      const items = (await tx.run(page)).records.map((r) => {
        const type = String(r.get('relType'));
        if (!isRelationshipType(type)) throw new TypeError(`${doing}: unexpected relationship type ${type} from Neo4j`);
        return readEdgeRecord(type, String(r.get('fromId')), String(r.get('toId')), r.get('props'));
      });
      return { items, totalCount };
    },
    options,
  );
}
