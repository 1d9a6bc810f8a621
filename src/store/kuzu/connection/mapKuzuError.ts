import { StoreInputError, StoreUnavailableError } from '../../../errors';

/** Messages that mean the database cannot serve now (closed, I/O, memory, locks, busy writer). */
const UNAVAILABLE =
  /(connection is closed|database is closed|store is closed|IO exception|Buffer manager exception|out of memory|Could not set lock|lock on file|Interrupted|timeout|Only one write transaction|Cannot start a new write transaction)/i;

/** Messages that mean the data sent breaks a rule of the store. */
const BAD_INPUT = /(Runtime exception|Conversion exception|Overflow exception|duplicated primary key|violates|out of range|Copy exception)/i;

/**
 * The one place where errors raised by Kùzu (or its Node binding) become the
 * store errors of the port: {@link StoreUnavailableError} when the database
 * cannot answer, {@link StoreInputError} when the data broke a rule of the
 * store. Anything else (a parser or binder error means a bug in a generated
 * statement) stays an internal error that keeps the Kùzu message and cause.
 * Store errors raised by this adapter itself pass through unchanged.
 *
 * @param error what was thrown
 * @param doing a short description of the operation, for the message
 */
export function mapKuzuError(error: unknown, doing: string): Error {
  if (error instanceof StoreInputError || error instanceof StoreUnavailableError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (UNAVAILABLE.test(message)) {
    return new StoreUnavailableError(`Kùzu store unavailable while ${doing}: ${message}`, { cause: error });
  }
  if (BAD_INPUT.test(message)) {
    return new StoreInputError(`Kùzu rejected the data while ${doing}: ${message}`, { cause: error });
  }
  return new Error(`Kùzu failed while ${doing}: ${message}`, { cause: error });
}
