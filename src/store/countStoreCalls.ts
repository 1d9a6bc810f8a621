import { STORE_CALLS, type GraphStore, type StoreCall } from './port';

/** The store-port methods that reach the store (each call is one round-trip). */
const ROUND_TRIP_METHODS = Object.keys(STORE_CALLS) as StoreCall[];

/** A store wrapped so that every port call is counted. */
export interface CountedStore {
  readonly store: GraphStore;
  /** Port calls made through `store` since creation or the last reset. */
  calls(): number;
  /** Calls per method since creation or the last reset. */
  callsByMethod(): Readonly<Record<string, number>>;
  reset(): void;
}

/**
 * Wraps `store` so that every call through the port is counted. Used per
 * request to report store round-trips (header `x-store-round-trips`) and in
 * tests that bound them.
 */
export function countStoreCalls(store: GraphStore): CountedStore {
  let byMethod: Record<string, number> = {};
  const counted = Object.create(store) as GraphStore;
  for (const method of ROUND_TRIP_METHODS) {
    const original = store[method] as (...args: unknown[]) => unknown;
    Object.defineProperty(counted, method, {
      value: (...args: unknown[]) => {
        byMethod[method] = (byMethod[method] ?? 0) + 1;
        return original.apply(store, args);
      },
    });
  }
  return {
    store: counted,
    calls: () => Object.values(byMethod).reduce((a, b) => a + b, 0),
    callsByMethod: () => ({ ...byMethod }),
    reset: () => {
      byMethod = {};
    },
  };
}
