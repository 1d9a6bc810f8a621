import { auth, driver as neo4jDriver } from 'neo4j-driver';
import type { Neo4jDriverPort } from './Neo4jDriverPort';
import type { Neo4jStoreOptions } from '../Neo4jStoreOptions';

/**
 * Creates the one neo4j-driver 6 `Driver` of a store from validated options.
 * Integers stay lossless (`disableLosslessIntegers: false`, no BigInt): the
 * adapter converts each neo4j `Integer` itself and refuses unsafe ones (see
 * neo4jValueToJs in records/). The driver connects lazily; nothing is sent here.
 */
export function createNeo4jDriver(options: Neo4jStoreOptions): Neo4jDriverPort {
  return neo4jDriver(options.uri, auth.basic(options.username, options.password), {
    disableLosslessIntegers: false,
    useBigInt: false,
    userAgent: 'plan-knowledge-graph',
    ...(options.maxConnectionPoolSize !== undefined ? { maxConnectionPoolSize: options.maxConnectionPoolSize } : {}),
    ...(options.connectionAcquisitionTimeoutMs !== undefined
      ? { connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs }
      : {}),
    ...(options.connectionTimeoutMs !== undefined ? { connectionTimeout: options.connectionTimeoutMs } : {}),
    ...(options.maxTransactionRetryTimeMs !== undefined ? { maxTransactionRetryTime: options.maxTransactionRetryTimeMs } : {}),
  });
}
