import { startStandaloneServer } from '@apollo/server/standalone';
import { loadSeed } from '../../seed/loadSeed';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startServer } from '../server/startServer';
import { openStore } from '../store/openStore';
import { ARCHIVE_TYPE_DEFS } from './archiveSubgraph';
import { planSubgraphTypeDefs } from './composeSupergraph';
import { createGateway } from './createGateway';
import { startArchiveSubgraph } from './startArchiveSubgraph';

/**
 * `npm run supergraph`: the knowledge graph subgraph on PORT+1, the example
 * archive subgraph on PORT+2, and an Apollo Gateway on PORT composing both.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore(config.store);
  if (config.seedOnStart && (await store.stats()).nodes === 0) await loadSeed(store);
  const plan = await startServer({ store, logger, config: { ...config, port: config.port + 1, host: '127.0.0.1', federation: true } });
  const archive = await startArchiveSubgraph(config.port + 2);
  const gateway = createGateway([
    { name: 'plan-knowledge-graph', url: `${plan.url}/graphql`, typeDefs: planSubgraphTypeDefs() },
    { name: 'document-archive', url: archive.url, typeDefs: ARCHIVE_TYPE_DEFS },
  ]);
  const { url } = await startStandaloneServer(gateway, { listen: { port: config.port, host: config.host } });
  logger.info({ gateway: url, plan: `${plan.url}/graphql`, archive: archive.url }, 'supergraph serving');
  process.stdout.write(
    `\nTry a query that starts in the archive and joins the knowledge graph:\n` +
      `curl -s ${url} -H 'content-type: application/json' \\\n` +
      `  -d '{"query":"{ archivedDocuments { number archive { shelfMark } name issuedOn basedOn { number } } }"}'\n\n`,
  );
  const shutdown = async () => {
    await gateway.stop();
    await archive.stop();
    await plan.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start the supergraph: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
