import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KuzuStore } from '../../src/store/kuzu/KuzuStore';
import type { KuzuStoreOptions } from '../../src/store/kuzu/KuzuStoreOptions';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import { describeAnalyticsContract } from './analyticsContract';

/** Temporary directories made by this file, removed after the suite. */
const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A store in a fresh temporary directory, with a 128 MiB buffer pool. */
function openFresh(options: Omit<KuzuStoreOptions, 'path' | 'bufferPoolBytes'>): Promise<KuzuStore> {
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-analytics-'));
  directories.push(directory);
  return openKuzuStore({ path: directory, bufferPoolBytes: 256 * 1024 * 1024, ...options });
}

describeAnalyticsContract('kuzu', () => openFresh({ poolSize: 4 }));

// The same contract with every table treated as large by search (read through the full-text index
// first, counted by a scan only when it holds more matches than the page): only the cost may differ.
describeAnalyticsContract('kuzu, search reading every table through the index first', () => openFresh({ poolSize: 2, searchScanCountRows: 0 }));
