import { StoreUnavailableError } from '../../../errors';
import type { CallOptions, GraphStats } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { pingStatement, statsStatements } from '../statements/stats';

/** Counts of all nodes and all relationships, in one READ transaction. */
export async function stats(connection: Neo4jConnection, options?: CallOptions): Promise<GraphStats> {
  const { nodes, edges } = statsStatements();
  return connection.read(
    'stats',
    async (tx) => ({
      nodes: countFromNeo4j((await tx.run(nodes)).records[0]?.get('nodes'), 'stats nodes'),
      edges: countFromNeo4j((await tx.run(edges)).records[0]?.get('edges'), 'stats edges'),
    }),
    options,
  );
}

/** Resolves when the database answers a trivial read; StoreUnavailableError otherwise. */
export async function ping(connection: Neo4jConnection, options?: CallOptions): Promise<void> {
  const ok = await connection.read('ping', async (tx) => countFromNeo4j((await tx.run(pingStatement())).records[0]?.get('ok'), 'ping'), options);
  if (ok !== 1) throw new StoreUnavailableError(`Neo4j store did not answer the ping (got ${ok})`);
}
