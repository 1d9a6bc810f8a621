import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheStoreReads } from '../../src/store/cacheStoreReads';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { describeStoreContract } from './contract';

/** Temporary directories made by this file, removed after the suite. */
const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

// The whole port contract through the read-through cache: every write is followed by reads that must see it.
describeStoreContract('kuzu behind cacheStoreReads', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-cached-contract-'));
  directories.push(directory);
  const { store, clock } = watchStoreWrites(await openKuzuStore({ path: directory, poolSize: 4, bufferPoolBytes: 256 * 1024 * 1024 }));
  return cacheStoreReads(store, clock, 8 * 1024 * 1024).store;
});
