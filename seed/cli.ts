import { loadConfig } from '../src/config';
import { SeedValidationError } from '../src/errors';
import { openStore } from '../src/store/openStore';
import { loadSeed, readSeedGraph } from './loadSeed';
import { DEFAULT_SEED_DIR } from './readSeed';

/**
 * `npm run seed` merges the seed plans (and the later facts about them) into the configured store (one
 * transaction; safe to repeat). `npm run seed -- --check` only validates the
 * files and prints what they hold. Exit code 1 on invalid seed data.
 */
async function main(argv: readonly string[]): Promise<void> {
  const dir = argv.find((a) => !a.startsWith('--')) ?? DEFAULT_SEED_DIR;
  if (argv.includes('--check')) {
    const batch = readSeedGraph(dir);
    process.stdout.write(`seed OK: ${batch.nodes.length} nodes, ${batch.edges.length} relationships in ${dir}\n`);
    return;
  }
  const store = await openStore(loadConfig().store);
  try {
    const result = await loadSeed(store, dir);
    const stats = await store.stats();
    process.stdout.write(`${JSON.stringify({ ...result, graph: stats })}\n`);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof SeedValidationError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
