import { constants, statSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { ReadinessCheck } from './ReadinessProbe';

/**
 * A readiness check that the store's files are still the ones it opened:
 * each path must exist, be the same file (device, inode and birth time as when this
 * check was made: a directory deleted and recreated is not the database) and
 * be readable and writable by the process. An embedded store keeps its files
 * open, so reads go on answering from a deleted directory until the process
 * restarts; only the file system tells. Paths missing when the check is made
 * make it fail at once.
 */
export function checkFilesRemain(paths: readonly string[]): ReadinessCheck {
  const opened = new Map(paths.map((p) => [p, identity(p)]));
  return async () => {
    for (const [file, was] of opened) {
      let now: string;
      try {
        const info = await stat(file);
        now = `${info.dev}:${info.ino}:${info.birthtimeMs}`;
        await access(file, constants.R_OK | constants.W_OK);
      } catch (error) {
        throw new Error(`the store file ${file} cannot be used: ${(error as Error).message}`, { cause: error });
      }
      if (now !== was) throw new Error(`the store file ${file} was replaced since the store opened it`);
    }
  };
}

function identity(file: string): string | undefined {
  try {
    const info = statSync(file);
    return `${info.dev}:${info.ino}:${info.birthtimeMs}`;
  } catch {
    return undefined;
  }
}
