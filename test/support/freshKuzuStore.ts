import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KuzuStore } from '../../src/store/kuzu/KuzuStore';
import type { KuzuStoreOptions } from '../../src/store/kuzu/KuzuStoreOptions';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';

const MiB = 1024 * 1024;

/**
 * Directories made here, removed when the test process exits (and each store's own directory when
 * the store closes: a store with the plan loaded takes about 220 MB on disk after its checkpoint).
 */
const directories: string[] = [];
process.on('exit', () => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

let template: Promise<string> | undefined;

/**
 * An empty database with the whole schema (every table and search index), made
 * once per test process by the real openKuzuStore and closed. Creating the
 * schema is most of the cost of opening a fresh store (about 0.75 s of CPU
 * against 0.3-0.5 s to open a copy, measured 2026-12-02), and the contract
 * suites open one store per test.
 */
function schemaTemplate(): Promise<string> {
  template ??= (async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kuzu-template-'));
    directories.push(directory);
    const store = await openKuzuStore({ path: directory, bufferPoolBytes: 256 * MiB, poolSize: 1 });
    await store.close();
    return directory;
  })();
  return template;
}

/**
 * A fresh temporary directory holding an empty database with the whole schema
 * (a copy of the schema template), for a test that opens, closes and reopens
 * it itself. Removed when the process exits (the run's directory holds it in
 * any case: test/support/run/runTemp.js).
 */
export async function freshKuzuDirectory(): Promise<string> {
  const source = await schemaTemplate();
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-test-'));
  directories.push(directory);
  cpSync(source, directory, { recursive: true });
  return directory;
}

/**
 * Opens an empty Kùzu store in a fresh directory (freshKuzuDirectory), opened
 * by openKuzuStore with `options` (its schema check runs as on any existing
 * database). A 256 MiB buffer pool unless given. The directory is removed
 * when the store closes (or, failing that, when the process exits).
 */
export async function openFreshKuzuStore(options: Omit<KuzuStoreOptions, 'path'> = {}): Promise<KuzuStore> {
  const directory = await freshKuzuDirectory();
  const store = await openKuzuStore({ bufferPoolBytes: 256 * MiB, ...options, path: directory });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    rmSync(directory, { recursive: true, force: true });
  };
  return store;
}
