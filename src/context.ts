import type { Logger } from './logger';
import { createLoaders, type Loaders } from './loaders/createLoaders';
import { countStoreCalls } from './store/countStoreCalls';
import type { GraphStore } from './store/port';

/** What every resolver receives: the request's loaders, the store port and the logger. */
export interface Context {
  readonly loaders: Loaders;
  readonly store: GraphStore;
  readonly logger: Logger;
  /** Store round-trips made by this request so far. */
  storeCalls(): number;
}

/** Builds the context of one request, with fresh loaders over a call-counting view of `store`. */
export function createContext(store: GraphStore, logger: Logger): Context {
  const counted = countStoreCalls(store);
  return { loaders: createLoaders(counted.store), store: counted.store, logger, storeCalls: counted.calls };
}
