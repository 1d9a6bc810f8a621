import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../../context';
import { DeadlineExceededError, ErrorCode } from '../../errors';

/** HTTP status of a response that carries a DEADLINE_EXCEEDED error. */
export const DEADLINE_EXCEEDED_STATUS = 504;
/** HTTP status of a response that carries an OVERLOADED error (with `Retry-After`). */
export const OVERLOADED_STATUS = 503;
/** `Retry-After` seconds when an OVERLOADED error names none. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Apollo plugin giving the retryable coded errors their HTTP status, set in
 * `willSendResponse` whatever raised them (a store adapter, the admission
 * queue, the request's deadline):
 *
 * - a request abandoned at its deadline (or by its client) whose work failed
 *   with DEADLINE_EXCEEDED answers ONE error naming the deadline, and no
 *   partial data, with HTTP 504;
 * - any other DEADLINE_EXCEEDED error (a store statement cut by the adapter's
 *   own timeout) gives HTTP 504, the partial answer kept;
 * - OVERLOADED gives HTTP 503 with `Retry-After` (the largest
 *   `extensions.retryAfterSeconds` of the errors, else 1 s).
 */
export function deadlinePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          const hasCode = (code: ErrorCode) => errors.some((e) => e.extensions?.code === code);
          if (hasCode(ErrorCode.OVERLOADED)) {
            response.http.status = OVERLOADED_STATUS;
            response.http.headers.set('retry-after', String(retryAfter(errors)));
            return;
          }
          if (!hasCode(ErrorCode.DEADLINE_EXCEEDED)) return;
          response.http.status = DEADLINE_EXCEEDED_STATUS;
          const { deadline } = contextValue;
          if (deadline.reason) {
            const error = new DeadlineExceededError(`The request was stopped: ${deadline.describe()}. Ask for less (smaller pages, fewer fields or aliases) or retry later.`);
            response.body.singleResult = {
              errors: [{ message: error.message, extensions: { ...error.extensions, ...(deadline.timeoutMs ? { timeoutMs: deadline.timeoutMs } : {}) } }],
            };
          }
        },
      };
    },
  };
}

function retryAfter(errors: readonly GraphQLFormattedError[]): number {
  const named = errors.map((e) => e.extensions?.retryAfterSeconds).filter((s): s is number => typeof s === 'number' && s > 0);
  return Math.ceil(Math.max(DEFAULT_RETRY_AFTER_SECONDS, ...named));
}
