import type { CallOptions, ChangeResult, GraphBatch, GraphStore, RecordChange, UpsertResult } from './port';

/**
 * Tells caches whether the graph may have changed. Every write through the
 * watched store ticks {@link generation} when it starts and again when it
 * ends (committed or not), and listeners hear both ticks. A value read while
 * `unchangedSince(g)` held at the start (g = generation then) and still holds
 * at the end was read with no write before it was complete or overlapping it,
 * so it may be kept until the next tick.
 */
export class WriteClock {
  private tick = 0;
  private writing = 0;
  private readonly listeners = new Set<() => void>();

  /** Changes whenever a write starts or ends. */
  get generation(): number {
    return this.tick;
  }

  /** True when no write is running and none started since `generation` was read. */
  unchangedSince(generation: number): boolean {
    return this.writing === 0 && this.tick === generation;
  }

  /** Calls `listener` (synchronously) at every tick; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `write` between two ticks. */
  async around<T>(write: () => Promise<T>): Promise<T> {
    this.writing += 1;
    this.advance();
    try {
      return await write();
    } finally {
      this.writing -= 1;
      this.advance();
    }
  }

  private advance(): void {
    this.tick += 1;
    for (const listener of this.listeners) listener();
  }
}

/** A store whose writes a {@link WriteClock} watches. */
export interface WatchedStore {
  readonly store: GraphStore;
  readonly clock: WriteClock;
}

/**
 * Wraps `store` so that every write (`upsert`, `applyChange`) runs between
 * two ticks of a {@link WriteClock}; every other method is the store's own.
 * A replayed applyChange (an idempotency key seen before) writes nothing but
 * ticks too: the wrapper cannot know beforehand.
 * Caches in front of the store (cacheStoreReads, the response cache) key on
 * or flush at the clock. Only writes through this wrapper are seen: a cache
 * must not be used when another process writes to the same database (Neo4j).
 */
export function watchStoreWrites(store: GraphStore, clock: WriteClock = new WriteClock()): WatchedStore {
  const watched = Object.create(store) as GraphStore;
  Object.defineProperty(watched, 'upsert', {
    value: (batch: GraphBatch, options?: CallOptions): Promise<UpsertResult> => clock.around(() => store.upsert(batch, options)),
  });
  Object.defineProperty(watched, 'applyChange', {
    value: (change: RecordChange, options?: CallOptions): Promise<ChangeResult> => clock.around(() => store.applyChange(change, options)),
  });
  return { store: watched, clock };
}
