import type { RecordKind } from '../model/implementation';
import type { ChangeFeed } from './ChangeFeed';

/** Reads the values of some subjects as of a date, aligned with `ids` (null where there is none). */
export type ReadAsOf<T> = (ids: readonly string[], asOf: string) => Promise<readonly (T | null)[]>;

/**
 * The values of subjects (a target's or a task's progress) shared by every
 * live subscription of the server: after a write, the subscribers of one
 * target cause one store read, not one each. A value is kept until a
 * committed change of a record of `recordKind` of its subject is published
 * on `feed` (or the date changes); the subjects missing from one call are
 * read in one store call, and a read still running is shared. A failed read
 * is not kept.
 *
 * Build it before any subscription listens to `feed`: the feed calls its
 * listeners in the order they listened, so a value is dropped before any
 * subscriber hears of the change and reads it again. Memory is bounded by
 * the subjects subscriptions may name (existing targets and tasks).
 */
export class SharedReads<T> {
  private readonly kept = new Map<string, { readonly asOf: string; readonly value: Promise<T | null> }>();

  constructor(
    feed: ChangeFeed,
    recordKind: RecordKind,
    private readonly read: ReadAsOf<T>,
  ) {
    feed.listen((change) => {
      if (change.recordKind === recordKind) this.kept.delete(change.subject);
    });
  }

  /** The values of `ids` as of `asOf`, aligned with them. */
  async load(ids: readonly string[], asOf: string): Promise<(T | null)[]> {
    const missing = ids.filter((id) => this.kept.get(id)?.asOf !== asOf);
    if (missing.length > 0) {
      const batch = this.read(missing, asOf);
      missing.forEach((id, i) => {
        const entry = { asOf, value: batch.then((values) => values[i] ?? null) };
        this.kept.set(id, entry);
        entry.value.catch(() => {
          if (this.kept.get(id) === entry) this.kept.delete(id);
        });
      });
    }
    return Promise.all(ids.map((id) => (this.kept.get(id) as { value: Promise<T | null> }).value));
  }
}
