import { statSync } from 'node:fs';
import type { ConnectionPool } from './ConnectionPool';
import type { KuzuConnection } from './KuzuConnection';

/** Checkpoint once the write-ahead log holds this much (Kùzu's own default threshold). */
export const CHECKPOINT_WAL_BYTES = 16 * 1024 * 1024;

/**
 * Checkpoints the database when its write-ahead log has grown past
 * {@link CHECKPOINT_WAL_BYTES}, with every read connection held so that no
 * read runs meanwhile. The store opens Kùzu with auto-checkpoint OFF because
 * Kùzu 0.11.3 checkpoints inside COMMIT while holding a lock that finishing
 * readers need: with concurrent reads the COMMIT waits 5 s, then fails
 * ("Timeout waiting for active transactions to leave the system before
 * checkpointing") although the data was committed. A failed checkpoint here
 * changes nothing that was committed (the log stays and is replayed on open);
 * it is retried after the next write, so its error is not raised.
 *
 * @param writer the write connection, held by the caller (no write runs meanwhile)
 * @param reads the read pool, paused during the checkpoint
 * @param walFile the database's write-ahead log (`<database file>.wal`)
 * @returns true when a checkpoint was made
 */
export async function checkpointIfNeeded(writer: KuzuConnection, reads: ConnectionPool, walFile: string): Promise<boolean> {
  if (walBytes(walFile) < CHECKPOINT_WAL_BYTES) return false;
  return checkpoint(writer, reads);
}

/**
 * Checkpoints now, with every read connection held (see
 * {@link checkpointIfNeeded}); false when it failed (nothing committed is
 * lost). Also the repair after a rolled-back transaction that wrote: Kùzu
 * 0.11.3 then fails later updates of the rows it touched ("Write-write
 * conflict") until a checkpoint (measured, docs/kuzu-0.11.3.md).
 */
export async function checkpoint(writer: KuzuConnection, reads: ConnectionPool): Promise<boolean> {
  try {
    await reads.exclusive(() => writer.run({ text: 'CHECKPOINT', params: {}, doing: 'checkpointing' }));
    return true;
  } catch {
    return false;
  }
}

function walBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
