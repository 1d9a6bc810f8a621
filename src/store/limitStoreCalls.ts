import { StoreTimeoutError } from '../errors';
import { onAbort } from './onAbort';
import { STORE_CALLS, type CallOptions, type CallPriority, type GraphStore, type StoreCall } from './port';

/**
 * Store calls one request runs at once once it is 'bulk' (a heavy operation,
 * see {@link LimitedStore.setPriority}); its other calls wait in order. With
 * HEAVY_CONCURRENCY=2 heavy operations, bulk work then holds at most 4 store
 * connections, and the Kùzu read pool keeps one of its own for interactive
 * calls besides (see ConnectionPool).
 */
export const BULK_CALLS_AT_ONCE = 2;

/** The methods that write: never answered before the store has (a write may still commit after the signal fired). */
const WRITES: ReadonlySet<StoreCall> = new Set(['upsert', 'applyChange']);

/** A store view bound to one request's limits. */
export interface LimitedStore {
  readonly store: GraphStore;
  /** Resolves when none of the calls made through {@link store} is still running in the store or waiting to start. */
  idle(): Promise<void>;
  /**
   * The priority of the calls made from now on (default 'interactive'),
   * passed to the store in their CallOptions; 'bulk' also lets at most
   * {@link BULK_CALLS_AT_ONCE} of them run at once, the others waiting in
   * order (refused unstarted if the request is abandoned meanwhile).
   */
  setPriority(priority: CallPriority): void;
}

/**
 * Wraps `store` for one request: every call gets `limits` (the request's
 * deadline and abort signal) as its CallOptions, merged with any the caller
 * passed; once the signal has fired or the deadline has passed, no call
 * starts (each rejects at once with StoreTimeoutError, so resolvers and
 * loaders fail fast instead of going on resolving); a read still running when
 * the signal fires is answered at once with StoreTimeoutError, while the
 * store winds it down through the same CallOptions ({@link LimitedStore.idle}
 * resolves when it has). However many calls run at once, the request's
 * signal gets one `abort` listener (see onAbort).
 *
 * @param describe names why the request was abandoned, for the error message
 */
export function limitStoreCalls(store: GraphStore, limits: CallOptions, describe: () => string = () => 'the request was abandoned'): LimitedStore {
  let priority: CallPriority = limits.priority ?? 'interactive';
  /** Calls accepted and not settled: running in the store or waiting for a bulk turn. */
  let pending = 0;
  let bulkRunning = 0;
  const bulkWaiting: (() => void)[] = [];
  const idleWaiters: (() => void)[] = [];
  const settled = (): void => {
    pending -= 1;
    if (pending === 0) for (const wake of idleWaiters.splice(0)) wake();
  };
  const refusal = (method: string, started: boolean): StoreTimeoutError =>
    new StoreTimeoutError(`${method} ${started ? 'cut short' : 'not started'}: ${describe()}`);
  const abandoned = (options: CallOptions): boolean =>
    options.signal?.aborted === true || (options.deadline !== undefined && Date.now() >= options.deadline);

  /** Starts `begin` now or at its turn among the bulk calls; refuses it unstarted if the call is abandoned before its turn. */
  const inBulkTurn = (begin: () => Promise<unknown>, options: CallOptions, method: string): Promise<unknown> => {
    const start = (): Promise<unknown> => {
      if (abandoned(options)) {
        bulkWaiting.shift()?.();
        return Promise.reject(refusal(method, false));
      }
      bulkRunning += 1;
      const call = begin();
      const next = (): void => {
        bulkRunning -= 1;
        bulkWaiting.shift()?.();
      };
      call.then(next, next);
      return call;
    };
    if (bulkRunning < BULK_CALLS_AT_ONCE) return start();
    return new Promise((resolve, reject) => {
      const turn = (): void => {
        leave();
        void start().then(resolve, reject);
      };
      // Abandoned while waiting: leave the line at once, unstarted.
      const leave = options.signal
        ? onAbort(options.signal, () => {
            bulkWaiting.splice(bulkWaiting.indexOf(turn), 1);
            reject(refusal(method, false));
          })
        : () => undefined;
      bulkWaiting.push(turn);
    });
  };

  const limited = Object.create(store) as GraphStore;
  for (const method of Object.keys(STORE_CALLS) as StoreCall[]) {
    const original = store[method] as (...args: unknown[]) => Promise<unknown>;
    const leading = STORE_CALLS[method];
    Object.defineProperty(limited, method, {
      value: (...args: unknown[]): Promise<unknown> => {
        const own = priority === 'interactive' ? limits : { ...limits, priority };
        const options = mergeCallOptions(own, args[leading] as CallOptions | undefined);
        if (abandoned(options)) return Promise.reject(refusal(method, false));
        pending += 1;
        const begin = (): Promise<unknown> => original.apply(store, [...args.slice(0, leading), options]);
        const call = options.priority === 'bulk' ? inBulkTurn(begin, options, method) : begin();
        call.then(settled, settled);
        return WRITES.has(method) ? call : answerAtAbort(call, options.signal, () => refusal(method, true));
      },
    });
  }
  return {
    store: limited,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    setPriority: (next) => {
      priority = next;
    },
  };
}

/** Rejects with `error()` as soon as `signal` fires, else settles as `call` does; one listener on `signal` for all such calls. */
function answerAtAbort<T>(call: Promise<T>, signal: AbortSignal | undefined, error: () => Error): Promise<T> {
  if (!signal) return call;
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(error()));
    call.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (reason: unknown) => {
        unsubscribe();
        reject(reason);
      },
    );
  });
}

/**
 * The stricter of two CallOptions: the earlier deadline, a signal that fires
 * when either does, and 'bulk' when either is.
 */
export function mergeCallOptions(a: CallOptions, b: CallOptions | undefined): CallOptions {
  if (!b) return a;
  const deadline = a.deadline === undefined ? b.deadline : b.deadline === undefined ? a.deadline : Math.min(a.deadline, b.deadline);
  const signal = a.signal && b.signal ? AbortSignal.any([a.signal, b.signal]) : (a.signal ?? b.signal);
  const priority = a.priority === 'bulk' || b.priority === 'bulk' ? 'bulk' : (a.priority ?? b.priority);
  return { ...(deadline !== undefined ? { deadline } : {}), ...(signal ? { signal } : {}), ...(priority ? { priority } : {}) };
}
