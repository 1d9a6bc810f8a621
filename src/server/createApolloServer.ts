import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { createErrorFormatter } from '../errors';
import type { Logger } from '../logger';
import { buildSchema } from '../schema';
import { jitGateway, type ExecutorGateway } from './jitGateway';
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
  options: {
    federation?: boolean;
    /** Answers repeated queries from memory (see responseCachePlugin); off when absent. */
    responseCache?: ResponseCacheOptions;
    /** Executes with graphql-jit (see jitGateway) instead of graphql-js; default false. */
    jit?: boolean;
  } = {},
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    ...executor(buildSchema({ federation: options.federation ?? true }), options.jit ?? false),
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

/** Apollo's schema option (graphql-js executes), or the gateway slot carrying graphql-jit. */
function executor(schema: GraphQLSchema, jit: boolean): { schema: GraphQLSchema; gateway?: undefined } | { gateway: ExecutorGateway; schema?: undefined } {
  return jit ? { gateway: jitGateway(schema) } : { schema };
}
