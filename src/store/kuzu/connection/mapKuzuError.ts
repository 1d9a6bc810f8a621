import { StoreConflictError, StoreInputError, StoreOverloadedError, StoreTimeoutError, StoreUnavailableError } from '../../../errors';

/** Kùzu's answer to a statement that ran past the connection's query timeout (measured: "Interrupted."). */
const INTERRUPTED = /^Interrupted\.?$|\binterrupted\b/i;

/**
 * The buffer pool is full ("Buffer manager exception: Unable to allocate
 * memory! The buffer pool is full and no memory could be freed!", measured):
 * the query needed more than the pool holds now; the store itself is fine.
 */
const OVERLOADED = /(Buffer manager exception|Unable to allocate memory|buffer pool is full)/i;

/** Messages that mean the database cannot serve now (closed, I/O, locks, busy writer). */
const UNAVAILABLE =
  /(connection is closed|database is closed|store is closed|IO exception|out of memory|Could not set lock|lock on file|timeout|Only one write transaction|Cannot start a new write transaction)/i;

/** Messages that mean the data sent breaks a rule of the store. */
const BAD_INPUT = /(Runtime exception|Conversion exception|Overflow exception|duplicated primary key|violates|out of range|Copy exception)/i;

/**
 * The one place where errors raised by Kùzu (or its Node binding) become the
 * store errors of the port: {@link StoreTimeoutError} when a statement was
 * cut short at its query timeout (the time left until the call's deadline,
 * see CallLimits), {@link StoreOverloadedError} when the buffer pool is full
 * (retryable), {@link StoreUnavailableError} when the database cannot
 * answer, {@link StoreInputError} when the data broke a rule of the store.
 * Anything else (a parser or binder error means a bug in a generated
 * statement) stays an internal error that keeps the Kùzu message and cause.
 * Store errors raised by this adapter itself pass through unchanged.
 *
 * @param error what was thrown
 * @param doing a short description of the operation, for the message
 */
export function mapKuzuError(error: unknown, doing: string): Error {
  if (
    error instanceof StoreInputError ||
    error instanceof StoreConflictError ||
    error instanceof StoreUnavailableError ||
    error instanceof StoreTimeoutError ||
    error instanceof StoreOverloadedError
  ) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (INTERRUPTED.test(message)) {
    return new StoreTimeoutError(`Kùzu cut the statement short at its time limit while ${doing}: ${message}`, { cause: error });
  }
  if (OVERLOADED.test(message)) {
    return new StoreOverloadedError(`Kùzu's buffer pool is full while ${doing} (retry later, or raise KUZU_BUFFER_POOL_MB): ${message}`, { cause: error });
  }
  if (UNAVAILABLE.test(message)) {
    return new StoreUnavailableError(`Kùzu store unavailable while ${doing}: ${message}`, { cause: error });
  }
  if (BAD_INPUT.test(message)) {
    return new StoreInputError(`Kùzu rejected the data while ${doing}: ${message}`, { cause: error });
  }
  return new Error(`Kùzu failed while ${doing}: ${message}`, { cause: error });
}
