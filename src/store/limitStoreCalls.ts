import { StoreTimeoutError } from '../errors';
import type { CallOptions, GraphStore } from './port';

/**
 * The port's methods that reach the store, with the number of arguments that
 * come before the optional CallOptions. `upsert` and `applyChange` are
 * writes: they are refused before they start, but never answered early
 * (they may still commit).
 */
const LEADING_ARGUMENTS = {
  getNodes: 1,
  getEdges: 1,
  getNeighbours: 1,
  listNodes: 1,
  listEdges: 1,
  upsert: 1,
  stats: 0,
  ping: 0,
  search: 1,
  findPaths: 1,
  neighbourhood: 1,
  countNodes: 1,
  countEdges: 1,
  applyChange: 1,
  getRecords: 1,
  recordsOf: 1,
  listChanges: 1,
  targetProgress: 1,
  taskProgress: 1,
} as const satisfies Record<Exclude<keyof GraphStore, 'name' | 'close'>, number>;

type Method = keyof typeof LEADING_ARGUMENTS;

/** The methods that write: never answered before the store has (a write may still commit after the signal fired). */
const WRITES: ReadonlySet<Method> = new Set(['upsert', 'applyChange']);

/** A store view bound to one request's limits. */
export interface LimitedStore {
  readonly store: GraphStore;
  /** Resolves when none of the calls made through {@link store} is still running in the store. */
  idle(): Promise<void>;
}

/**
 * Wraps `store` for one request: every call gets `limits` (the request's
 * deadline and abort signal) as its CallOptions, merged with any the caller
 * passed; once the signal has fired or the deadline has passed, no call
 * starts (each rejects at once with StoreTimeoutError, so resolvers and
 * loaders fail fast instead of going on resolving); a read still running when
 * the signal fires is answered at once with StoreTimeoutError, while the
 * store winds it down through the same CallOptions ({@link LimitedStore.idle}
 * resolves when it has).
 *
 * @param describe names why the request was abandoned, for the error message
 */
export function limitStoreCalls(store: GraphStore, limits: CallOptions, describe: () => string = () => 'the request was abandoned'): LimitedStore {
  let running = 0;
  const waiters: (() => void)[] = [];
  const settled = (): void => {
    running -= 1;
    if (running === 0) for (const wake of waiters.splice(0)) wake();
  };
  const refusal = (method: string, started: boolean): StoreTimeoutError =>
    new StoreTimeoutError(`${method} ${started ? 'cut short' : 'not started'}: ${describe()}`);

  const limited = Object.create(store) as GraphStore;
  for (const method of Object.keys(LEADING_ARGUMENTS) as Method[]) {
    const original = store[method] as (...args: unknown[]) => Promise<unknown>;
    const leading = LEADING_ARGUMENTS[method];
    Object.defineProperty(limited, method, {
      value: (...args: unknown[]): Promise<unknown> => {
        const options = mergeCallOptions(limits, args[leading] as CallOptions | undefined);
        if (options.signal?.aborted || (options.deadline !== undefined && Date.now() >= options.deadline)) {
          return Promise.reject(refusal(method, false));
        }
        running += 1;
        const call = original.apply(store, [...args.slice(0, leading), options]);
        call.then(settled, settled);
        return WRITES.has(method) ? call : answerAtAbort(call, options.signal, () => refusal(method, true));
      },
    });
  }
  return {
    store: limited,
    idle: () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

/** Rejects with `error()` as soon as `signal` fires, else settles as `call` does. */
function answerAtAbort<T>(call: Promise<T>, signal: AbortSignal | undefined, error: () => Error): Promise<T> {
  if (!signal) return call;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(error());
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (reason: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(reason);
      },
    );
  });
}

/** The stricter of two CallOptions: the earlier deadline, and a signal that fires when either does. */
export function mergeCallOptions(a: CallOptions, b: CallOptions | undefined): CallOptions {
  if (!b) return a;
  const deadline = a.deadline === undefined ? b.deadline : b.deadline === undefined ? a.deadline : Math.min(a.deadline, b.deadline);
  const signal = a.signal && b.signal ? AbortSignal.any([a.signal, b.signal]) : (a.signal ?? b.signal);
  return { ...(deadline !== undefined ? { deadline } : {}), ...(signal ? { signal } : {}) };
}
