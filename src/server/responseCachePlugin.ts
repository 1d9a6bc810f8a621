import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { ByteBudgetLru } from '../cache/ByteBudgetLru';
import type { Context } from '../context';
import type { WriteClock } from '../store/watchStoreWrites';

/** Response header saying whether the answer came from the response cache (`hit`) or was executed (`miss`). */
export const RESPONSE_CACHE_HEADER = 'x-response-cache';

/** Request headers that name the caller; an answer is only ever served again to a request with the same values. */
export const CALLER_HEADERS = ['authorization', 'x-api-key', 'cookie'] as const;

/** Settings of {@link responseCachePlugin}. */
export interface ResponseCacheOptions {
  /** Ticks at every write to the store; the cache is emptied at each tick (see WriteClock). */
  readonly clock: WriteClock;
  /** Budget in bytes (the serialised answers, at two bytes a character); 0 turns the cache off. */
  readonly maxBytes: number;
}

/**
 * An Apollo Server plugin that answers a repeated query from memory. The key
 * is a SHA-256 of the document (Apollo's query hash), the operation name, the
 * day (the default of every `asOf`, today in Vietnam), the variables and the caller (the {@link CALLER_HEADERS}). Only complete
 * answers are kept: query operations whose result has no errors and whose
 * HTTP status is unset or 200, and only when no write started or ran while
 * they were executed (see WriteClock); the whole cache is emptied when a write
 * starts and when it ends, so a cached answer never outlives the data it was
 * built from. Answers are kept serialised (a hit parses a fresh copy, so
 * nothing downstream can alter a cached answer). Everything before execution
 * still runs on a hit (parsing, validation, other plugins' operation checks);
 * execution and the store are skipped. Sets {@link RESPONSE_CACHE_HEADER}.
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<Context> {
  const lru = new ByteBudgetLru<string>(options.maxBytes);
  options.clock.onChange(() => lru.clear());
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
      const generation = options.clock.generation;
      let key: string | undefined;
      return {
        async responseForOperation({ operation, operationName, queryHash, request, contextValue }) {
          if (operation.operation !== 'query' || queryHash === undefined) return null;
          const hash = createHash('sha256').update(queryHash).update('\u0000').update(operationName ?? '').update('\u0000');
          // "Today" is part of the question: an answer read as of today is not served again tomorrow.
          hash.update(contextValue.asOfDates.today).update('\u0000');
          hash.update(JSON.stringify(request.variables ?? {}));
          for (const name of CALLER_HEADERS) hash.update('\u0000').update(request.http?.headers.get(name) ?? '');
          key = hash.digest('base64');
          const cached = lru.get(key);
          if (cached === undefined) return null;
          key = undefined; // served from the cache: nothing to keep
          return {
            body: { kind: 'single', singleResult: JSON.parse(cached) as Record<string, unknown> },
            http: { status: undefined, headers: new HeaderMap([[RESPONSE_CACHE_HEADER, 'hit']]) },
          };
        },
        async willSendResponse({ response }) {
          if (key === undefined) return;
          response.http.headers.set(RESPONSE_CACHE_HEADER, 'miss');
          const body = response.body;
          if (body.kind !== 'single' || body.singleResult.errors !== undefined) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          if (!options.clock.unchangedSince(generation)) return;
          const serialised = JSON.stringify(body.singleResult);
          lru.set(key, serialised, serialised.length * 2);
        },
      };
    },
  };
}
