import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import { describeAnalyticsContract } from './analyticsContract';

/** Temporary directories made by this file, removed after the suite. */
const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeAnalyticsContract('kuzu', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-analytics-'));
  directories.push(directory);
  return openKuzuStore({ path: directory, poolSize: 4, bufferPoolBytes: 128 * 1024 * 1024 });
});

// The same contract with every table treated as large by search (read through the full-text index
// first, counted by a scan only when it holds more matches than the page): only the cost may differ.
describeAnalyticsContract('kuzu, search reading every table through the index first', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-analytics-large-'));
  directories.push(directory);
  return openKuzuStore({ path: directory, poolSize: 2, bufferPoolBytes: 128 * 1024 * 1024, searchScanCountRows: 0 });
});
