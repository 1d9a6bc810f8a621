import { resolve } from 'node:path';
import { ConfigError } from '../../errors';

const MiB = 1024 * 1024;

/**
 * The range and default of every numeric option, defined once: the options
 * are checked against it here, and src/config.ts reads its KUZU_* settings
 * against the same ranges (KUZU_BUFFER_POOL_MB in MiB).
 */
export const KUZU_OPTION_RANGES = {
  /** Read connections. */
  poolSize: { min: 1, max: 64, default: 4 },
  /**
   * Kùzu's buffer pool in bytes (whole MiB). 512 MiB by default: the plan and
   * the 100k-node bench run in it, and it leaves room for other processes on
   * a 2-core, 24 GiB machine (Kùzu's own default is ~80% of the machine's
   * memory). The schema alone holds about 63 MiB of the pool once a store is
   * open (38 tables at ~1.8 MiB each, read with `CALL bm_info()`), and four
   * concurrent 25-branch reads on a 128 MiB pool failed once in CI with
   * "the buffer pool is full": hence the 256 MiB floor.
   */
  bufferPoolBytes: { min: 256 * MiB, max: 1024 * 1024 * MiB, default: 512 * MiB },
  /** The most threads one query may use (Connection.setMaxNumThreadForExec). */
  maxThreads: { min: 1, max: 64, default: 2 },
  /** The query timeout of a statement whose call has no deadline; 0: none. */
  queryTimeoutMs: { min: 0, max: 86_400_000, default: 30_000 },
  /** See {@link KuzuStoreOptions.searchScanCountRows}. */
  searchScanCountRows: { min: 0, max: Number.MAX_SAFE_INTEGER, default: 50_000 },
} as const;

type NumericOption = keyof typeof KUZU_OPTION_RANGES;

/** Options of {@link openKuzuStore}; the ranges and defaults are in {@link KUZU_OPTION_RANGES}. */
export interface KuzuStoreOptions {
  /** A directory for the database files; created if missing. One open store per directory per process. */
  readonly path: string;
  /** Read connections (each runs one query at a time; waiters queue). Default 4. */
  readonly poolSize?: number;
  /** Kùzu buffer pool size in bytes, whole MiB; default 512 MiB. A full pool fails a query with StoreOverloadedError. */
  readonly bufferPoolBytes?: number;
  /** Threads one query may use; default 2. */
  readonly maxThreads?: number;
  /**
   * Milliseconds a statement may run when its call has no deadline (0: no
   * limit); default 30,000. With a deadline, a statement runs for the time
   * left, at most this long.
   */
  readonly queryTimeoutMs?: number;
  /**
   * Search counts the matches of node tables up to this many rows by a scan
   * before reading them, and reads larger ones through the full-text index
   * first (see methods/search.ts). Default 50,000. Only the cost changes,
   * never the answer (the tests run the search contract with 0).
   */
  readonly searchScanCountRows?: number;
}

/** {@link KuzuStoreOptions} after validation, with defaults applied and the path made absolute. */
export type ValidKuzuStoreOptions = { readonly path: string } & { readonly [K in NumericOption]: number };

const KEYS = ['path', ...Object.keys(KUZU_OPTION_RANGES)];

/**
 * Validates the options once, at open. Throws {@link ConfigError} naming the
 * option, the bad value and the range (unknown keys included, to catch typos).
 */
export function validateKuzuStoreOptions(options: KuzuStoreOptions): ValidKuzuStoreOptions {
  if (typeof options !== 'object' || options === null) throw new ConfigError('Kùzu store options must be an object with a path');
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) throw new ConfigError(`Kùzu store option ${JSON.stringify(key)} is unknown (known: ${KEYS.join(', ')})`);
  }
  const { path } = options;
  if (typeof path !== 'string' || path.trim() === '' || path.includes('\0') || path === ':memory:') {
    throw new ConfigError(`Kùzu store option path must be a directory path, got ${show(path)}`);
  }
  const valid = { path: resolve(path) } as { path: string } & Record<NumericOption, number>;
  for (const name of Object.keys(KUZU_OPTION_RANGES) as NumericOption[]) {
    const { min, max, default: fallback } = KUZU_OPTION_RANGES[name];
    const value: unknown = options[name] ?? fallback;
    const whole = name === 'bufferPoolBytes' ? Number(value) % MiB === 0 : true;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max || !whole) {
      throw new ConfigError(`Kùzu store option ${name} must be ${describeRange(name)}, got ${show(value)}`);
    }
    valid[name] = value;
  }
  return valid;
}

/** "an integer from 1 to 64", in MiB for the buffer pool. */
export function describeRange(name: NumericOption): string {
  const { min, max } = KUZU_OPTION_RANGES[name];
  if (name === 'bufferPoolBytes') return `a whole number of MiB from ${min / MiB} to ${max / MiB} MiB (in bytes)`;
  return max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : `${String(value)} (${typeof value})`;
}
