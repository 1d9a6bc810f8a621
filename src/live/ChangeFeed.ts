import type { ChangeEntry } from '../store/port';

/** Hears one committed change. */
export type ChangeListener = (change: ChangeEntry) => void;

/**
 * The in-process feed of committed changes that live subscriptions listen
 * to. It is fed by {@link publishCommittedChanges} once a write's transaction
 * has committed, and only then: a write that failed or rolled back, and a
 * replayed write (an idempotency key seen before: nothing written), publish
 * nothing. Listeners are called synchronously, in commit order of this
 * process. A listener that throws does not stop the others and does not
 * fail the write that published (the feed ignores the error: listeners
 * handle their own).
 * Only writes through this process are seen (with Neo4j, another process
 * writing to the same database is not).
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  /** Listeners now (tests and the bench read it). */
  get size(): number {
    return this.listeners.size;
  }

  /** Calls `listener` at every committed change from now on; returns the way to stop. */
  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tells every listener about `change` (committed). */
  publish(change: ChangeEntry): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // A listener's failure is its own (see the class): the write has committed.
      }
    }
  }
}
