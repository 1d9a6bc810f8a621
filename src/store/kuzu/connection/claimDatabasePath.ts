import { StoreUnavailableError } from '../../../errors';

/** Directories with an open Kùzu Database in this process. */
const open = new Set<string>();

/**
 * Claims a database directory for this process: Kùzu must never have two
 * Database objects on one path (no error, lost data, a crash at exit). Throws
 * {@link StoreUnavailableError} when the directory is already open; returns
 * the function that releases it (idempotent).
 *
 * @param directory an absolute, canonical (realpath) directory
 */
export function claimDatabasePath(directory: string): () => void {
  if (open.has(directory)) {
    throw new StoreUnavailableError(
      `a Kùzu store is already open on ${directory} in this process; close it before opening the directory again`,
    );
  }
  open.add(directory);
  let released = false;
  return () => {
    if (!released) open.delete(directory);
    released = true;
  };
}
