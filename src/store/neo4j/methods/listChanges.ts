import type { ChangeEntry, ChangeListQuery } from '../../implementation';
import type { CallOptions, Page } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { readChangeEntry } from '../records/readColumns';
import { listChangesStatements } from '../statements/listChanges';

/** GraphStore.listChanges on Neo4j: the page and its count in one READ transaction. */
export async function listChanges(connection: Neo4jConnection, query: ChangeListQuery, options?: CallOptions): Promise<Page<ChangeEntry>> {
  const { page, count } = listChangesStatements(query);
  return connection.read(
    'listChanges',
    async (tx) => {
      const items = (await tx.run(page)).records.map(readChangeEntry);
      const totalCount = countFromNeo4j((await tx.run(count)).records[0]?.get('c'), 'listChanges count');
      return { items, totalCount };
    },
    options,
  );
}
