import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from '../context';
import { createErrorFormatter } from '../errors';
import type { Logger } from '../logger';
import { buildSchema } from '../schema';
import { responseCachePlugin, type ResponseCacheOptions } from './responseCachePlugin';

/** Header carrying the number of store round-trips a GraphQL request made. */
export const ROUND_TRIPS_HEADER = 'x-store-round-trips';

/**
 * The Apollo Server of the API: our schema, errors formatted and masked by
 * src/errors.ts, CSRF prevention on (Apollo's default), the store round-trips
 * of each request reported in a response header. The CDN-loaded landing page
 * is disabled (this machine has no internet access), and so is Apollo's
 * cache-control plugin: the API sets no cache hints, and the plugin's hook
 * on every field was ~3% of the server's time on a 700-object answer
 * (measured).
 */
export function createApolloServer(
  logger: Logger,
  options: { federation?: boolean; /** Answers repeated queries from memory (see responseCachePlugin); off when absent. */ responseCache?: ResponseCacheOptions } = {},
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: buildSchema({ federation: options.federation ?? true }),
    logger,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set(ROUND_TRIPS_HEADER, String(contextValue.storeCalls()));
            },
          };
        },
      },
      ...(options.responseCache && options.responseCache.maxBytes > 0 ? [responseCachePlugin(options.responseCache)] : []),
    ],
  });
}
