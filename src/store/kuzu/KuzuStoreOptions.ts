import { resolve } from 'node:path';
import { ConfigError } from '../../errors';

/** Options of {@link openKuzuStore}. */
export interface KuzuStoreOptions {
  /** A directory for the database files; created if missing. One open store per directory per process. */
  readonly path: string;
  /** Read connections (each runs one query at a time; waiters queue). An integer from 1 to 64; default 4. */
  readonly poolSize?: number;
  /** Kùzu buffer pool size in bytes; an integer >= 16 MiB. Default: Kùzu's own (a share of the machine's memory). */
  readonly bufferPoolBytes?: number;
  /**
   * Search counts the matches of node tables up to this many rows by a scan
   * before reading them, and reads larger ones through the full-text index
   * first (see search.ts). A non-negative integer; default 50,000. Only the
   * cost changes, never the answer (the tests run the search contract with 0).
   */
  readonly searchScanCountRows?: number;
}

/** {@link KuzuStoreOptions} after validation, with defaults applied and the path made absolute. */
export interface ValidKuzuStoreOptions {
  readonly path: string;
  readonly poolSize: number;
  readonly bufferPoolBytes: number | undefined;
  readonly searchScanCountRows: number;
}

const KEYS = ['path', 'poolSize', 'bufferPoolBytes', 'searchScanCountRows'];
export const DEFAULT_SEARCH_SCAN_COUNT_ROWS = 50_000;
const MIN_BUFFER_POOL = 16 * 1024 * 1024;

/**
 * Validates the options once, at open. Throws {@link ConfigError} naming the
 * option and the bad value (unknown keys included, to catch typos).
 */
export function validateKuzuStoreOptions(options: KuzuStoreOptions): ValidKuzuStoreOptions {
  if (typeof options !== 'object' || options === null) throw new ConfigError('Kùzu store options must be an object with a path');
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) throw new ConfigError(`Kùzu store option ${JSON.stringify(key)} is unknown (known: ${KEYS.join(', ')})`);
  }
  const { path, poolSize = 4, bufferPoolBytes, searchScanCountRows = DEFAULT_SEARCH_SCAN_COUNT_ROWS } = options;
  if (typeof path !== 'string' || path.trim() === '' || path.includes('\0') || path === ':memory:') {
    throw new ConfigError(`Kùzu store option path must be a directory path, got ${show(path)}`);
  }
  if (typeof poolSize !== 'number' || !Number.isInteger(poolSize) || poolSize < 1 || poolSize > 64) {
    throw new ConfigError(`Kùzu store option poolSize must be an integer from 1 to 64, got ${show(poolSize)}`);
  }
  if (
    bufferPoolBytes !== undefined &&
    (typeof bufferPoolBytes !== 'number' || !Number.isSafeInteger(bufferPoolBytes) || bufferPoolBytes < MIN_BUFFER_POOL)
  ) {
    throw new ConfigError(`Kùzu store option bufferPoolBytes must be an integer >= ${MIN_BUFFER_POOL} (16 MiB), got ${show(bufferPoolBytes)}`);
  }
  if (typeof searchScanCountRows !== 'number' || !Number.isSafeInteger(searchScanCountRows) || searchScanCountRows < 0) {
    throw new ConfigError(`Kùzu store option searchScanCountRows must be a non-negative integer, got ${show(searchScanCountRows)}`);
  }
  return { path: resolve(path), poolSize, bufferPoolBytes, searchScanCountRows };
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : `${String(value)} (${typeof value})`;
}
