import type { GraphStore, UpsertResult } from '../src/store/port';
import { DEFAULT_SEED_DIR, readSeed } from './readSeed';

/**
 * Validates every seed file under `dir`, then merges them into the store in
 * one transaction. A bad file throws before anything is written; loading the
 * same files twice leaves the graph unchanged (stable ids, MERGE semantics).
 */
export async function loadSeed(store: GraphStore, dir: string = DEFAULT_SEED_DIR): Promise<UpsertResult> {
  const batch = readSeed(dir);
  return store.upsert(batch);
}
