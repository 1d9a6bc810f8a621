import { join } from 'node:path';
import { Connection, Database } from 'kuzu';
import { KuzuConnection } from './KuzuConnection';

/** The database file inside the store's directory. */
export const DATABASE_FILE = 'graph.kuzu';

/** How the database of a store directory is opened. */
export interface DatabaseSettings {
  /** Kùzu's buffer pool in bytes; 0: Kùzu's default (a share of the machine's memory). */
  readonly bufferPoolBytes: number;
  /** The most threads one query may use (Connection.setMaxNumThreadForExec); 0: Kùzu's default. */
  readonly maxThreads: number;
  /** Kùzu's own checkpoint inside COMMIT; default off (see below). Only a bulk load with no readers turns it on. */
  readonly autoCheckpoint?: boolean;
}

/**
 * Opens the Kùzu database of a store directory (the directory must be
 * claimed first, see claimDatabasePath), by default with auto-checkpoint OFF: Kùzu's
 * checkpoint inside COMMIT deadlocks with concurrent readers for 5 s and
 * then fails the COMMIT; the store checkpoints itself (see
 * checkpointIfNeeded). Returns the database and the way to open connections
 * on it, each capped at `maxThreads`.
 */
export async function openDatabase(
  directory: string,
  settings: DatabaseSettings,
): Promise<{ database: Database; file: string; connect: () => Promise<KuzuConnection> }> {
  const file = join(directory, DATABASE_FILE);
  const database = new Database(file, settings.bufferPoolBytes, true, false, 0, settings.autoCheckpoint ?? false);
  try {
    await database.init();
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  const connect = async (): Promise<KuzuConnection> => {
    const raw = new Connection(database);
    await raw.init();
    if (settings.maxThreads > 0) raw.setMaxNumThreadForExec(settings.maxThreads);
    return new KuzuConnection(raw);
  };
  return { database, file, connect };
}
