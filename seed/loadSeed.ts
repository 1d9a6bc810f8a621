import { SeedValidationError } from '../src/errors';
import { checkValidity } from '../src/model/validityChecks/checkValidity';
import { describeProblems } from '../src/model/validityChecks/validityRecords';
import type { GraphBatch, GraphStore, UpsertResult } from '../src/store/port';
import { DEFAULT_LATER_FACTS_PATH, readLaterFacts } from './laterFacts/readLaterFacts';
import { toGraphBatch } from './laterFacts/toGraphBatch';
import { withLaterFacts } from './laterFacts/withLaterFacts';
import { DEFAULT_SEED_DIR, readSeed } from './readSeed';

/** Where the later facts come from: a later-facts JSON file, or `false` for none. */
export interface SeedOptions {
  /** Default: seed/sources/later-facts.json with the default plans folder, none with any other folder. */
  readonly laterFacts?: string | false;
}

/**
 * The graph the seed describes: every plan under `dir` (validated, see
 * readSeed), then the later facts about it (seed/laterFacts: new nodes and
 * relationships with their own provenance, and validity on the plan's
 * records), checked in time (src/model/validityChecks: dates and their sources,
 * succession cycles, successions against their ends, overlaps). Throws one
 * {@link SeedValidationError} listing every problem, each naming its record.
 */
export function readSeedGraph(dir: string = DEFAULT_SEED_DIR, options: SeedOptions = {}): GraphBatch {
  const plan = readSeed(dir);
  const factsFile = options.laterFacts ?? (dir === DEFAULT_SEED_DIR ? DEFAULT_LATER_FACTS_PATH : false);
  const batch = factsFile === false ? plan : withLaterFacts(plan, toGraphBatch(readLaterFacts(factsFile), plan));
  const problems = checkValidity(batch);
  if (problems.length > 0) throw new SeedValidationError(describeProblems(problems));
  return batch;
}

/**
 * Validates the seed (see readSeedGraph), then merges it into the store in
 * one transaction. A bad file or fact throws before anything is written;
 * loading the same seed twice leaves the graph unchanged (stable ids, MERGE
 * semantics).
 */
export async function loadSeed(store: GraphStore, dir: string = DEFAULT_SEED_DIR, options: SeedOptions = {}): Promise<UpsertResult> {
  return store.upsert(readSeedGraph(dir, options));
}
