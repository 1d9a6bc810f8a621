import type { CallOptions, NodeListQuery, NodeRecord, Page } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { readNodeRecord } from '../records/readNodeRecord';
import { resolveCondition } from '../statements/conditions';
import { listNodesStatements } from '../statements/listNodes';

/** One page of nodes of one kind and the total count: count then page, in one READ transaction. */
export async function listNodes(connection: Neo4jConnection, query: NodeListQuery, options?: CallOptions): Promise<Page<NodeRecord>> {
  const kind = query.kind;
  const doing = `listNodes(${kind})`;
  const conditions = (query.where ?? []).map(resolveCondition);
  const orderBy = (query.orderBy ?? []).map((key) => ({ property: key.property, direction: key.direction }));
  const { count, page } = listNodesStatements(kind, conditions, orderBy, query.offset, query.limit, query.asOf);
  return connection.read(
    doing,
    async (tx) => {
      const totalCount = countFromNeo4j((await tx.run(count)).records[0]?.get('total'), `${doing} total`);
      const items = (await tx.run(page)).records.map((r) => readNodeRecord(kind, r.get('id'), r.get('props')));
      return { items, totalCount };
    },
    options,
  );
}
