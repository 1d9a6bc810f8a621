import type { CallOptions, ChangeResult, GraphStore, RecordChange } from '../store/port';
import type { ChangeFeed } from './ChangeFeed';

/**
 * Wraps `store` so that every write of a record (`applyChange`) that
 * committed is published to `feed` once the store has answered: the store
 * answers after its one transaction committed, so a change is never
 * published before it is readable. A replayed write (`replayed`: the
 * idempotency key was seen before, nothing was written) and a write that
 * threw (refused, conflicted, rolled back) publish nothing. Every other
 * method is the store's own.
 */
export function publishCommittedChanges(store: GraphStore, feed: ChangeFeed): GraphStore {
  const published = Object.create(store) as GraphStore;
  Object.defineProperty(published, 'applyChange', {
    value: async (change: RecordChange, options?: CallOptions): Promise<ChangeResult> => {
      const result = await store.applyChange(change, options);
      if (!result.replayed) feed.publish(result.change);
      return result;
    },
  });
  return published;
}
