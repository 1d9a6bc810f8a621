import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KuzuConnection } from '../../src/store/kuzu/connection/KuzuConnection';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import { describeChangesContract } from './changesContract';
import { describeEventsContract } from './eventsContract';

/** Temporary directories made by this file, removed after the suite. */
const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeChangesContract(
  'kuzu',
  async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kuzu-changes-'));
    directories.push(directory);
    return openKuzuStore({ path: directory, poolSize: 2, bufferPoolBytes: 256 * 1024 * 1024 });
  },
  () => {
    const original = KuzuConnection.prototype.run;
    const spy = jest.spyOn(KuzuConnection.prototype, 'run').mockImplementation(function (this: KuzuConnection, statement, limits) {
      if (statement.doing === 'appending a history entry') return Promise.reject(new Error('injected failure while appending the history entry'));
      return original.call(this, statement, limits);
    });
    return { restore: () => spy.mockRestore() };
  },
);

describeEventsContract('kuzu', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'kuzu-events-'));
  directories.push(directory);
  return openKuzuStore({ path: directory, poolSize: 2, bufferPoolBytes: 256 * 1024 * 1024 });
});
