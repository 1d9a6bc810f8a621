import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { Connection, Database } from 'kuzu';
import { StoreUnavailableError } from '../../errors';
import { buildProjection } from './buildProjection';
import { claimDatabasePath } from './claimDatabasePath';
import { ConnectionPool } from './ConnectionPool';
import { ensureSchema } from './ensureSchema';
import { KindSizes } from './KindSizes';
import { KuzuConnection } from './KuzuConnection';
import { KuzuStore } from './KuzuStore';
import { validateKuzuStoreOptions, type KuzuStoreOptions } from './KuzuStoreOptions';
import { mapKuzuError } from './mapKuzuError';
import { ProjectionCache } from './ProjectionCache';

/** The database file inside the store's directory. */
export const DATABASE_FILE = 'graph.kuzu';

/**
 * Opens (creating if needed) the Kùzu store in `options.path`: validates the
 * options (ConfigError naming the bad one), creates the directory, claims it
 * for this process (StoreUnavailableError if a store is already open on it),
 * opens the database (StoreUnavailableError if another process holds it),
 * brings the schema up to the registries, reads the in-memory projection of
 * the graph's topology (see buildProjection), and opens one write connection
 * and `poolSize` read connections. Kùzu's auto-checkpoint is turned off: the store
 * checkpoints after writes with readers paused (see checkpointIfNeeded). On any failure everything opened so far is
 * closed and the directory released.
 */
export async function openKuzuStore(options: KuzuStoreOptions): Promise<KuzuStore> {
  const valid = validateKuzuStoreOptions(options);
  let directory: string;
  try {
    mkdirSync(valid.path, { recursive: true });
    directory = realpathSync(valid.path);
  } catch (error) {
    throw new StoreUnavailableError(`cannot create the Kùzu store directory ${valid.path}: ${(error as Error).message}`, { cause: error });
  }
  const release = claimDatabasePath(directory);
  let database: Database | undefined;
  const opened: KuzuConnection[] = [];
  try {
    const file = join(directory, DATABASE_FILE);
    // Auto-checkpoint is off: Kùzu's checkpoint inside COMMIT deadlocks with concurrent readers
    // for 5 s and then fails the COMMIT; the store checkpoints itself (see checkpointIfNeeded).
    database = new Database(file, valid.bufferPoolBytes ?? 0, true, false, 0, false);
    await database.init();
    const db = database;
    const connect = async (): Promise<KuzuConnection> => {
      const raw = new Connection(db);
      await raw.init();
      return new KuzuConnection(raw);
    };
    const writer = await connect();
    opened.push(writer);
    await ensureSchema(writer);
    const sizes = new KindSizes();
    await sizes.load(writer);
    const readers: KuzuConnection[] = [];
    for (let i = 0; i < valid.poolSize; i += 1) {
      const reader = await connect();
      opened.push(reader);
      readers.push(reader);
    }
    const writes = new ConnectionPool('write', [writer], connect);
    const projection = new ProjectionCache(() => writes.use((c) => buildProjection(c)), await buildProjection(writer));
    return new KuzuStore({
      database: db,
      reads: new ConnectionPool('read', readers, connect),
      writes,
      projection,
      searchScanCountRows: valid.searchScanCountRows,
      sizes,
      release,
      path: directory,
      walFile: `${file}.wal`,
    });
  } catch (error) {
    for (const connection of opened) await connection.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    release();
    throw mapKuzuError(error, `opening the Kùzu store in ${directory}`);
  }
}
