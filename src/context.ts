import { randomUUID } from 'node:crypto';
import type { Viewer } from './auth/viewer';
import type { LiveSource } from './live/LiveSource';
import type { Logger } from './logger';
import { createLoaders, type Loaders } from './loaders/createLoaders';
import { RequestDeadline } from './server/deadline/RequestDeadline';
import { countStoreCalls } from './store/countStoreCalls';
import { limitStoreCalls } from './store/limitStoreCalls';
import type { CallPriority, GraphStore } from './store/port';

/** What every resolver receives: the request's loaders, the store port, the logger and the viewer. */
export interface Context {
  readonly loaders: Loaders;
  readonly store: GraphStore;
  readonly logger: Logger;
  /** Store round-trips made by this request so far. */
  storeCalls(): number;
  /** The request's deadline and abort signal; every store call of the request runs under them. */
  readonly deadline: RequestDeadline;
  /** Resolves when none of this request's store calls is still running in the store. */
  storeIdle(): Promise<void>;
  /** The priority of this request's later store calls (admission makes a heavy operation's 'bulk'; see limitStoreCalls). */
  setStorePriority(priority: CallPriority): void;
  /** Who sent the request (src/auth/); null when anonymous. */
  readonly viewer: Viewer | null;
  /** A random id of this request (a UUID), kept in the history of the writes it makes and sent as `x-request-id`. */
  readonly requestId: string;
  /** What live subscriptions read from (committed changes, shared progress); null where subscriptions are not served (HTTP requests). */
  readonly live: LiveSource | null;
}

/**
 * Builds the context of one request, with fresh loaders over a view of
 * `store` that counts round-trips and runs every call under the request's
 * `deadline` (none given: unbounded). Calls refused after the request was
 * abandoned are not counted: they never reach the store. `live` is given
 * to the operations of a live connection (src/server/live/).
 */
export function createContext(
  store: GraphStore,
  logger: Logger,
  deadline: RequestDeadline = RequestDeadline.unbounded(),
  viewer: Viewer | null = null,
  live: LiveSource | null = null,
): Context {
  const counted = countStoreCalls(store);
  const limited = limitStoreCalls(counted.store, deadline.callOptions, () => deadline.describe());
  return {
    loaders: createLoaders(limited.store),
    store: limited.store,
    logger,
    storeCalls: counted.calls,
    deadline,
    storeIdle: limited.idle,
    setStorePriority: limited.setPriority,
    viewer,
    requestId: randomUUID(),
    live,
  };
}
