import { StoreTimeoutError } from '../../../errors';
import { onAbort } from '../../onAbort';
import type { CallOptions } from '../../port';

/**
 * Throws {@link StoreTimeoutError} naming `doing` when the call may start no
 * more work: its signal is aborted or its deadline has passed. Checked
 * before a session opens, before each attempt of a transaction function (so
 * the driver's retries stop at the deadline) and before each statement.
 */
export function checkCallLimits(options: CallOptions | undefined, doing: string): void {
  if (options?.signal?.aborted === true) throw new StoreTimeoutError(`Neo4j store call abandoned before ${doing} (the request was aborted)`);
  if (options?.deadline !== undefined && Date.now() >= options.deadline) {
    throw new StoreTimeoutError(`Neo4j store call reached its deadline before ${doing}`);
  }
}

/**
 * The timeout of a transaction in milliseconds: the time left before the
 * call's deadline (rounded up, at least 1: 0 would mean no limit to Neo4j),
 * or `defaultMs` (the store's NEO4J_TRANSACTION_TIMEOUT_MS) without a
 * deadline.
 */
export function transactionTimeoutMs(options: CallOptions | undefined, defaultMs: number): number {
  if (options?.deadline === undefined) return defaultMs;
  return Math.max(1, Math.ceil(options.deadline - Date.now()));
}

/** The longest delay setTimeout honours (a longer one fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A promise that rejects when the call's limits are reached while it runs; `dispose` clears its timer and listener. */
export interface LimitWatch {
  readonly reached: Promise<never>;
  dispose(): void;
}

/**
 * Watches the signal and the deadline of a running call: `reached` rejects
 * with {@link StoreTimeoutError} on abort or at the deadline, so the caller
 * stops waiting (and closes the session, which cancels a retry the driver
 * has scheduled). Undefined when the call has neither.
 */
export function watchCallLimits(options: CallOptions | undefined, doing: string): LimitWatch | undefined {
  const { signal, deadline } = options ?? {};
  if (signal === undefined && deadline === undefined) return undefined;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  const reached = new Promise<never>((_, reject) => {
    const left = deadline === undefined ? undefined : Math.max(0, deadline - Date.now());
    // A deadline beyond what a timer can hold (about 24.8 days) is left to the transaction timeout.
    if (left !== undefined && left <= MAX_TIMER_MS) {
      timer = setTimeout(() => reject(new StoreTimeoutError(`Neo4j store call reached its deadline while ${doing}`)), left);
    }
    if (signal !== undefined) {
      // One listener on the request's signal for all its calls (see onAbort).
      unsubscribe = onAbort(signal, () => reject(new StoreTimeoutError(`Neo4j store call abandoned while ${doing} (the request was aborted)`)));
    }
  });
  reached.catch(() => undefined);
  return {
    reached,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
    },
  };
}
