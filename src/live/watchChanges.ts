import { OverloadedError } from '../errors';
import type { ChangeEntry } from '../store/port';
import type { ChangeFeed } from './ChangeFeed';
import { matchesChange, type ChangeFilter } from './matchesChange';

/** Changes that may wait for a slow consumer before its subscription is ended. */
export const MAX_PENDING_CHANGES = 1000;

/**
 * The stream of the committed changes published on `feed` from now on that
 * pass `filter` (see matchesChange), in commit order. Changes wait for the
 * consumer in a queue of at most `maxPending`: a consumer that falls further
 * behind (a client that does not read its socket) gets OVERLOADED, naming
 * the last change it was sent, so it can read the rest from `auditLog` and
 * subscribe again. `return()` stops listening at once.
 */
export function watchChanges(feed: ChangeFeed, filter: ChangeFilter, maxPending = MAX_PENDING_CHANGES): AsyncIterableIterator<ChangeEntry> {
  const queue: ChangeEntry[] = [];
  let waiting: { resolve(result: IteratorResult<ChangeEntry>): void; reject(error: unknown): void } | undefined;
  let failure: Error | undefined;
  let lastSent = 0;
  let closed = false;

  const stop = feed.listen((change) => {
    if (closed || failure || !matchesChange(filter, change)) return;
    if (waiting) {
      const pending = waiting;
      waiting = undefined;
      lastSent = change.seq;
      pending.resolve({ value: change, done: false });
      return;
    }
    if (queue.length >= maxPending) {
      failure = new OverloadedError(
        `This subscription fell ${maxPending} changes behind and was ended; the last change sent was seq ${lastSent}: read the rest with auditLog and subscribe again.`,
      );
      stop();
      return;
    }
    queue.push(change);
  });
  const finish = (): IteratorResult<ChangeEntry> => {
    closed = true;
    stop();
    const pending = waiting;
    waiting = undefined;
    pending?.resolve({ value: undefined, done: true });
    return { value: undefined, done: true };
  };

  return {
    next(): Promise<IteratorResult<ChangeEntry>> {
      if (closed) return Promise.resolve({ value: undefined, done: true });
      const change = queue.shift();
      if (change) {
        lastSent = change.seq;
        return Promise.resolve({ value: change, done: false });
      }
      if (failure) {
        const error = failure;
        finish();
        return Promise.reject(error);
      }
      if (waiting) return Promise.reject(new Error('watchChanges: next() called again before the previous one settled'));
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    return(): Promise<IteratorResult<ChangeEntry>> {
      return Promise.resolve(finish());
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
