import { Authenticator } from './auth/Authenticator';
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { createLogger } from './logger';
import { SHUTDOWN_GRACE_MS, startServer } from './server/startServer';
import { checkFilesRemain } from './server/readiness/checkFilesRemain';
import { cacheStoreReads } from './store/cacheStoreReads';
import { openStore, storeFiles } from './store/openStore';
import { watchStoreWrites } from './store/watchStoreWrites';
import { loadSeed } from '../seed/loadSeed';

/** The longest a shutdown may take (requests' grace, then closing the store) before the process exits anyway, with code 1. */
const SHUTDOWN_DEADLINE_MS = SHUTDOWN_GRACE_MS + 15_000;

/**
 * Entry point of `npm start`: reads the configuration, opens the store,
 * loads the seed plans when the graph is empty, and serves the API until
 * SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  let config;
  let authenticator;
  try {
    config = loadConfig();
    // Reads AUTH_JWKS_FILE and AUTH_API_KEYS_FILE: a bad file stops the start like a bad setting.
    authenticator = await Authenticator.create(config.auth);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // Every write goes through `watched`, whose clock empties the caches (see README, Caches).
  const { store: watched, clock } = watchStoreWrites(await openStore(config.store));
  const store = config.cache.storeBytes > 0 ? cacheStoreReads(watched, clock, config.cache.storeBytes).store : watched;
  if (config.seedOnStart && (await store.stats()).nodes === 0) {
    const result = await loadSeed(store);
    logger.info({ ...result }, 'graph was empty: loaded the seed plans');
  }
  const server = await startServer({
    store,
    logger,
    config,
    readinessChecks: [checkFilesRemain(storeFiles(config.store))],
    responseCache: { clock, maxBytes: config.cache.responseBytes },
    authenticator,
  });
  logger.info(
    { url: `${server.url}/graphql`, store: store.name, anonymousRead: config.auth.anonymousRead, tokens: Boolean(config.auth.jwt.secret || config.auth.jwt.jwksFile), apiKeys: Boolean(config.auth.apiKeysFile) },
    'serving the plan knowledge graph',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A backstop: whatever hangs (a store that does not let go), the process ends.
    setTimeout(() => {
      logger.error({ signal }, `shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await server.stop();
    await store.close();
    logger.info({ signal }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
