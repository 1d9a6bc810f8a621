import { mkdirSync, realpathSync } from 'node:fs';
import type { Database } from 'kuzu';
import { StoreUnavailableError } from '../../errors';
import { buildProjection } from './projection/buildProjection';
import { claimDatabasePath } from './connection/claimDatabasePath';
import { ConnectionPool } from './connection/ConnectionPool';
import type { KuzuConnection } from './connection/KuzuConnection';
import { mapKuzuError } from './connection/mapKuzuError';
import { openDatabase } from './connection/openDatabase';
import { KuzuStore } from './KuzuStore';
import { validateKuzuStoreOptions, type KuzuStoreOptions } from './KuzuStoreOptions';
import { ProjectionCache } from './projection/ProjectionCache';
import { ensureSchema } from './schema/ensureSchema';
import { KindSizes } from './schema/KindSizes';

export { DATABASE_FILE } from './connection/openDatabase';

/** Read connections bulk calls (heavy operations) cannot take; see ConnectionPool. */
export const RESERVED_FOR_INTERACTIVE = 1;

/**
 * Opens (creating if needed) the Kùzu store in `options.path`: validates the
 * options (ConfigError naming the bad one), creates the directory, claims it
 * for this process (StoreUnavailableError if a store is already open on it),
 * opens the database with its buffer pool and thread cap (StoreUnavailableError
 * if another process holds it; see openDatabase), brings the schema up to the registries, reads the in-memory
 * projection of the graph's topology (see buildProjection), and opens one
 * write connection and `poolSize` read connections. Kùzu's auto-checkpoint
 * is turned off: the store checkpoints after writes with readers paused
 * (see checkpointIfNeeded). On any failure everything opened so far is
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
    const db = await openDatabase(directory, { bufferPoolBytes: valid.bufferPoolBytes, maxThreads: valid.maxThreads });
    database = db.database;
    const connect = db.connect;
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
      database: db.database,
      // One read connection stays for interactive calls (cheap requests, the readiness probe) whatever bulk work runs.
      reads: new ConnectionPool('read', readers, connect, readers.length > 1 ? RESERVED_FOR_INTERACTIVE : 0),
      writes,
      projection,
      searchScanCountRows: valid.searchScanCountRows,
      queryTimeoutMs: valid.queryTimeoutMs,
      sizes,
      release,
      path: directory,
      walFile: `${db.file}.wal`,
    });
  } catch (error) {
    for (const connection of opened) await connection.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    release();
    throw mapKuzuError(error, `opening the Kùzu store in ${directory}`);
  }
}
