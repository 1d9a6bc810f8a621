import type { RecordKind } from '../model/implementation';
import type { ChangeFeed } from './ChangeFeed';

/** Reads the current value of each subject, aligned with `ids`; null where there is none. */
export type ReadSubjects<T> = (ids: readonly string[]) => Promise<readonly (T | null)[]>;

/**
 * The stream of a live subscription to some subjects (targets or tasks): first
 * the current value of each subject (read by `read`, in one call), then, each
 * time a committed change of a record of `recordKind` of one of them is
 * published on `feed`, that subject's value read again.
 *
 * Values are read only when the consumer asks for the next one: changes that
 * arrive while it is busy (a slow socket) are gathered, and each subject they
 * touched is read once, in one call, when it asks again. So memory stays
 * bounded by the number of subjects whatever the rate of writes, and the
 * consumer always ends with the latest value. Subjects with no value (null)
 * are skipped. `return()` (the client completed, or the socket closed) stops
 * listening at once, also while waiting for a change; a failed read ends the
 * stream with its error.
 */
export function watchSubjects<T>(feed: ChangeFeed, subjects: readonly string[], recordKind: RecordKind, read: ReadSubjects<T>): AsyncIterableIterator<T> {
  const watched = new Set(subjects);
  const dirty = new Set(subjects);
  const ready: T[] = [];
  let waiting: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void } | undefined;
  let reading = false;
  let closed = false;

  const finish = (): IteratorResult<T> => {
    closed = true;
    stop();
    const pending = waiting;
    waiting = undefined;
    pending?.resolve({ value: undefined, done: true });
    return { value: undefined, done: true };
  };
  const deliver = (): void => {
    if (!waiting || ready.length === 0) return;
    const pending = waiting;
    waiting = undefined;
    pending.resolve({ value: ready.shift() as T, done: false });
  };
  const pump = (): void => {
    if (closed || reading || !waiting || ready.length > 0 || dirty.size === 0) return;
    const ids = [...dirty];
    dirty.clear();
    reading = true;
    read(ids).then(
      (values) => {
        reading = false;
        if (closed) return;
        for (const value of values) if (value !== null) ready.push(value);
        deliver();
        pump();
      },
      (error: unknown) => {
        reading = false;
        const pending = waiting;
        waiting = undefined;
        finish();
        pending?.reject(error);
      },
    );
  };
  const stop = feed.listen((change) => {
    if (change.recordKind !== recordKind || !watched.has(change.subject)) return;
    dirty.add(change.subject);
    pump();
  });

  return {
    next(): Promise<IteratorResult<T>> {
      if (closed) return Promise.resolve({ value: undefined, done: true });
      if (ready.length > 0) return Promise.resolve({ value: ready.shift() as T, done: false });
      if (waiting) return Promise.reject(new Error('watchSubjects: next() called again before the previous one settled'));
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        pump();
      });
    },
    return(): Promise<IteratorResult<T>> {
      return Promise.resolve(finish());
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
