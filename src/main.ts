import { Authenticator } from './auth/Authenticator';
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { createLogger } from './logger';
import { startServer } from './server/startServer';
import { checkFilesRemain } from './server/readiness/checkFilesRemain';
import { cacheStoreReads } from './store/cacheStoreReads';
import { openStore, storeFiles } from './store/openStore';
import { watchStoreWrites } from './store/watchStoreWrites';
import { loadSeed } from '../seed/loadSeed';

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
    port: config.port,
    host: config.host,
    federation: config.federation,
    ideEnabled: config.ideEnabled,
    limits: config.limits,
    posture: config.posture,
    execution: config.execution,
    readiness: { ...config.readiness, checks: [checkFilesRemain(storeFiles(config.store))] },
    responseCache: { clock, maxBytes: config.cache.responseBytes },
    jit: config.jit,
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
    await server.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
