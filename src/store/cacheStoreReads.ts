import { ByteBudgetLru } from '../cache/ByteBudgetLru';
import { estimateBytes } from '../cache/estimateBytes';
import type { CallOptions, EdgeKey, EdgeRecord, GraphStore, Neighbour, NeighbourQuery, NodeRecord } from './port';
import type { WriteClock } from './watchStoreWrites';

/** Port methods whose whole answer is kept, keyed by their query argument. */
const WHOLE_ANSWER_METHODS = [
  'listNodes',
  'listEdges',
  'search',
  'findPaths',
  'neighbourhood',
  'countNodes',
  'countEdges',
  'getRecords',
  'recordsOf',
  'listChanges',
  'listValidityChanges',
  'targetProgress',
  'taskProgress',
] as const;

/** Hit and miss counts of a {@link cacheStoreReads} cache (records for keyed methods, answers for the others). */
export interface StoreCacheStats {
  hits: number;
  misses: number;
  readonly bytes: number;
  readonly entries: number;
}

/** A store whose reads are served from memory when they can be. */
export interface CachedStore {
  readonly store: GraphStore;
  readonly stats: () => StoreCacheStats;
}

/**
 * A read-through cache in front of any GraphStore, bounded by `maxBytes`
 * (an estimate, see estimateBytes; least recently used entries go first).
 *
 * - `getNodes`, `getEdges` and `getNeighbours` are cached per key (a node id;
 *   a relationship's type and ends; a type, direction and id), so a batch
 *   sends only the keys not yet known, and "no such node" is remembered too;
 * - `listNodes`, `listEdges`, `search`, `findPaths`, `neighbourhood`,
 *   `countNodes`, `countEdges` and the reads of records of implementation
 *   (`getRecords`, `recordsOf`, `listChanges`, `targetProgress`,
 *   `taskProgress`) and `listValidityChanges` are cached per call, keyed by
 *   the query;
 * - the writes (`upsert`, `applyChange`), `stats`, `ping` and `close` always
 *   reach the store.
 *
 * Nothing read outlives a write: the cache is emptied at each tick of `clock`
 * (a write starting or ending), and an answer is kept only if no write
 * started or ran while it was read (see WriteClock). So `clock` must watch
 * every write to the database: use it only when this process is the
 * database's sole writer (embedded Kùzu holds a file lock; a Neo4j server may
 * have other writers). Errors are never cached; calls with arguments that are
 * not what the port takes go straight to the store, which refuses them.
 * Cached records are frozen, as are the answers built from them.
 */
export function cacheStoreReads(store: GraphStore, clock: WriteClock, maxBytes: number): CachedStore {
  const lru = new ByteBudgetLru<unknown>(maxBytes);
  const counts = { hits: 0, misses: 0 };
  clock.onChange(() => lru.clear());

  /** Reads the keys not cached with `fetch` (aligned with its keys) and returns every answer aligned with `keys`. */
  async function perKey<T>(keys: readonly string[], fetch: (positions: number[]) => Promise<readonly T[]>): Promise<T[]> {
    const generation = clock.generation;
    const result = new Array<T>(keys.length);
    const missing = new Map<string, number[]>();
    keys.forEach((key, i) => {
      const cached = lru.get(key);
      if (cached !== undefined) {
        counts.hits += 1;
        result[i] = cached as T;
        return;
      }
      const positions = missing.get(key);
      if (positions) positions.push(i);
      else missing.set(key, [i]);
    });
    if (missing.size === 0) return result;
    counts.misses += missing.size;
    const firsts = [...missing.values()].map((positions) => positions[0] as number);
    const answers = await fetch(firsts);
    const keep = clock.unchangedSince(generation);
    [...missing.entries()].forEach(([key, positions], j) => {
      const answer = deepFreeze(answers[j] as T);
      for (const position of positions) result[position] = answer;
      if (keep) lru.set(key, answer, estimateBytes(answer));
    });
    return result;
  }

  /** The whole answer of `method` for `query`, from the cache or the store. */
  async function whole<T>(method: string, query: unknown, read: () => Promise<T>): Promise<T> {
    let key: string;
    try {
      key = `${method}\u0000${JSON.stringify(query)}`;
    } catch {
      return read(); // not JSON (a cycle, a bigint): the store refuses it
    }
    const cached = lru.get(key);
    if (cached !== undefined) {
      counts.hits += 1;
      return cached as T;
    }
    counts.misses += 1;
    const generation = clock.generation;
    const answer = deepFreeze(await read());
    if (clock.unchangedSince(generation)) lru.set(key, answer, estimateBytes(answer));
    return answer;
  }

  const cached = Object.create(store) as GraphStore;
  const define = (name: keyof GraphStore, value: unknown) => Object.defineProperty(cached, name, { value });
  define('getNodes', (ids: readonly string[], options?: CallOptions): Promise<(NodeRecord | null)[]> => {
    if (!isStringList(ids)) return store.getNodes(ids, options);
    return perKey(
      ids.map((id) => `node\u0000${id}`),
      (positions) => store.getNodes(positions.map((i) => ids[i] as string), options),
    );
  });
  define('getEdges', (keys: readonly EdgeKey[], options?: CallOptions): Promise<(EdgeRecord | null)[]> => {
    if (!Array.isArray(keys) || !keys.every(isEdgeKey)) return store.getEdges(keys, options);
    return perKey(
      keys.map((k) => `edge\u0000${k.type}\u0000${k.from}\u0000${k.to}`),
      (positions) => store.getEdges(positions.map((i) => keys[i] as EdgeKey), options),
    );
  });
  define('getNeighbours', (query: NeighbourQuery, options?: CallOptions): Promise<Neighbour[][]> => {
    if (typeof query !== 'object' || query === null || !isStringList(query.ids)) return store.getNeighbours(query, options);
    const { ids, type, direction } = query;
    return perKey(
      ids.map((id) => `neighbours\u0000${String(type)}\u0000${String(direction)}\u0000${id}`),
      (positions) => store.getNeighbours({ ids: positions.map((i) => ids[i] as string), type, direction }, options),
    );
  });
  for (const method of WHOLE_ANSWER_METHODS) {
    const original = store[method] as (query: unknown, options?: CallOptions) => Promise<unknown>;
    define(method, (query: unknown, options?: CallOptions) => whole(method, query, () => original.call(store, query, options)));
  }
  return { store: cached, stats: () => ({ ...counts, bytes: lru.bytes, entries: lru.size }) };
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isEdgeKey(value: unknown): value is EdgeKey {
  if (typeof value !== 'object' || value === null) return false;
  const key = value as Record<string, unknown>;
  return typeof key.type === 'string' && typeof key.from === 'string' && typeof key.to === 'string';
}

/** Freezes a tree of plain objects and arrays (records are shared between requests once cached). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const item of Object.values(value as object)) deepFreeze(item);
  return value;
}
