import { ConfigError } from '../../errors';
import { createNeo4jDriver } from './connection/createNeo4jDriver';
import { mapNeo4jError } from './connection/mapNeo4jError';
import { Neo4jConnection } from './connection/Neo4jConnection';
import type { Neo4jDriverPort } from './connection/Neo4jDriverPort';
import { Neo4jStore } from './Neo4jStore';
import { maskUserInfo, NEO4J_OPTION_VARIABLES, validateNeo4jStoreOptions, type Neo4jStoreOptions } from './Neo4jStoreOptions';
import { ensureSchema } from './schema/ensureSchema';

/** What {@link openNeo4jStore} can be given instead of the real driver (tests). */
export interface Neo4jStoreDependencies {
  readonly createDriver?: (options: Neo4jStoreOptions) => Neo4jDriverPort;
}

/**
 * Opens the Neo4j 5 store:
 * 1. validates the options once ({@link validateNeo4jStoreOptions}; a
 *    {@link ConfigError} names each bad variable);
 * 2. creates ONE driver (neo4j-driver 6), closed by the store's `close()`;
 * 3. `verifyConnectivity({database})` (server reachable, credentials and
 *    database accepted), then `verifyAuthentication({database})` (false means
 *    bad credentials; servers older than 5.5 that cannot re-authenticate are
 *    accepted since step 3 already logged in);
 * 4. creates the constraints and indexes if missing ({@link ensureSchema})
 *    through the store's {@link Neo4jConnection}, then returns the store on it.
 * On any failure the driver is closed and the error is mapped by
 * {@link mapNeo4jError} (unreachable: StoreUnavailableError; credentials:
 * ConfigError naming NEO4J_USERNAME / NEO4J_PASSWORD).
 */
export async function openNeo4jStore(options: Neo4jStoreOptions, dependencies: Neo4jStoreDependencies = {}): Promise<Neo4jStore> {
  const valid = validateNeo4jStoreOptions(options);
  const driver = (dependencies.createDriver ?? createNeo4jDriver)(valid);
  const database = options.database;
  const target = database !== undefined ? { database } : {};
  try {
    try {
      await driver.verifyConnectivity(target);
    } catch (error) {
      throw mapNeo4jError(error, `connecting to ${maskUserInfo(options.uri)}`);
    }
    let authenticated: boolean;
    try {
      authenticated = await driver.verifyAuthentication(target);
    } catch (error) {
      if (!isReAuthUnsupported(error)) throw mapNeo4jError(error, 'verifying authentication');
      authenticated = true;
    }
    if (!authenticated) {
      throw new ConfigError(
        `Neo4j at ${maskUserInfo(options.uri)} refused the credentials of user "${options.username}"; check ${NEO4J_OPTION_VARIABLES.username} and ${NEO4J_OPTION_VARIABLES.password}`,
      );
    }
    const connection = new Neo4jConnection(driver, database, valid.transactionTimeoutMs);
    await ensureSchema(connection);
    return new Neo4jStore(connection);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}

/** neo4j-driver's answer when the server (before Neo4j 5.5) cannot re-authenticate a connection. */
function isReAuthUnsupported(error: unknown): boolean {
  return error instanceof Error && /does not support user switch/i.test(error.message);
}
