import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import { describeStoreContract } from './contract';

/** Temporary directories made by this file, removed after the suite. */
const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeStoreContract('kuzu', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-contract-'));
  directories.push(directory);
  return openKuzuStore({ path: directory, poolSize: 4, bufferPoolBytes: 256 * 1024 * 1024 });
});
