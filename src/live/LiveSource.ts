import type { GraphStore, TargetProgress, TaskProgress } from '../store/port';
import type { ChangeFeed } from './ChangeFeed';
import { SharedReads } from './SharedReads';

/** What live subscriptions read from: the feed of committed changes, and the progress values they share. */
export interface LiveSource {
  readonly feed: ChangeFeed;
  /** Targets' progress, dropped when an actual of the target is written. */
  readonly targetProgress: SharedReads<TargetProgress>;
  /** Tasks' progress, dropped when a report of the task is written. */
  readonly taskProgress: SharedReads<TaskProgress>;
}

/** The live source of a server: `store` is the one it serves (the writes through it are published to `feed`). */
export function createLiveSource(store: GraphStore, feed: ChangeFeed): LiveSource {
  return {
    feed,
    targetProgress: new SharedReads(feed, 'Actual', (ids, asOf) => store.targetProgress({ ids, asOf })),
    taskProgress: new SharedReads(feed, 'TaskReport', (ids, asOf) => store.taskProgress({ ids, asOf })),
  };
}
