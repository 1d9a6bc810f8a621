import type { Config } from '../config';
import { checkStoreCalls } from './checkStoreCalls';
import { openKuzuStore } from './kuzu/openKuzuStore';
import { openNeo4jStore } from './neo4j/openNeo4jStore';
import type { GraphStore } from './port';

/**
 * Opens the store the configuration selects: Neo4j when NEO4J_URI is set,
 * else the embedded Kùzu store; either behind {@link checkStoreCalls}, so
 * every port call's arguments are checked once, the same way.
 */
export async function openStore(config: Config['store']): Promise<GraphStore> {
  return checkStoreCalls(await openAdapter(config));
}

async function openAdapter(config: Config['store']): Promise<GraphStore> {
  if (config.kind === 'neo4j') {
    return openNeo4jStore({
      uri: config.uri,
      username: config.username,
      password: config.password,
      ...(config.database ? { database: config.database } : {}),
      maxConnectionPoolSize: config.maxConnectionPoolSize,
      connectionAcquisitionTimeoutMs: config.connectionAcquisitionTimeoutMs,
      connectionTimeoutMs: config.connectionTimeoutMs,
      maxTransactionRetryTimeMs: config.maxTransactionRetryTimeMs,
      transactionTimeoutMs: config.transactionTimeoutMs,
    });
  }
  return openKuzuStore({ path: config.dataDir, poolSize: config.poolSize });
}
