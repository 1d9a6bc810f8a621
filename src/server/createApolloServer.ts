import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { OperationLimits, Posture } from '../config';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { createErrorFormatter } from '../errors';
import type { Logger } from '../logger';
import { buildSchema } from '../schema';
import { ClientErrorLog } from './errors/ClientErrorLog';
import { formatClientErrors } from './errors/formatClientErrors';
import { createLimitsPlugin } from './limits/limitsPlugin';
import { OperationAnalyser } from './limits/OperationAnalyser';
import type { AdmissionQueue } from './admission/AdmissionQueue';
import { admissionPlugin } from './admission/admissionPlugin';
import { deadlinePlugin } from './deadline/deadlinePlugin';
import { jitGateway, type ExecutorGateway } from './jitGateway';
import { refuseHttpSubscriptions } from './live/refuseHttpSubscriptions';
import { responseCachePlugin, type ResponseCacheOptions } from './responseCachePlugin';

/** Header carrying the number of store round-trips a GraphQL request made. */
export const ROUND_TRIPS_HEADER = 'x-store-round-trips';

/** Header carrying the request's id, the one its writes keep in the history. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The Apollo Server of the API: our schema, errors formatted and masked by
 * src/errors.ts, CSRF prevention on (Apollo's default), the store round-trips
 * of each request reported in a response header. The CDN-loaded landing page
 * is disabled (this machine has no internet access), and so is Apollo's
 * cache-control plugin: the API sets no cache hints, and the plugin's hook
 * on every field was ~3% of the server's time on a 700-object answer
 * (measured). Heavy operations wait for a place in `options.admission`
 * (when given); retryable coded errors get their HTTP status (deadlinePlugin).
 *
 * Every operation is checked against `limits` before it runs (tokens while
 * parsing, the rest in src/server/limits/: one analysis per request, which
 * admission reads too), client errors are coded and logged at info level,
 * throttled by `clientErrors` (src/server/errors/; the HTTP app shares it).
 * `posture` turns introspection, federated inline traces and APQ on or off.
 * Apollo does not watch SIGINT/SIGTERM: the process's shutdown stops it
 * (see startServer).
 */
export function createApolloServer(
  logger: Logger,
  options: {
    federation?: boolean;
    /** From the one Config (src/config.ts). */
    limits: OperationLimits;
    /** From the one Config (src/config.ts). */
    posture: Posture;
    /** The client-error log of the server (default: one of its own). */
    clientErrors?: ClientErrorLog;
    admission?: AdmissionQueue;
    /** Answers repeated queries from memory (see responseCachePlugin); off when absent. */
    responseCache?: ResponseCacheOptions;
    /** Executes with graphql-jit (see jitGateway) instead of graphql-js; default false. */
    jit?: boolean;
    /** The executable schema, when the caller shares it (the live endpoint does); default: built here. */
    schema?: GraphQLSchema;
  },
): ApolloServer<Context> {
  const { limits, posture } = options;
  const analyser = new OperationAnalyser(limits);
  return new ApolloServer<Context>({
    ...executor(options.schema ?? buildSchema({ federation: options.federation ?? true }), options.jit ?? false),
    logger,
    stopOnTerminationSignals: false,
    formatError: formatClientErrors(createErrorFormatter(logger), options.clientErrors ?? new ClientErrorLog(logger)),
    includeStacktraceInErrorResponses: false,
    introspection: posture.introspection,
    persistedQueries: posture.persistedQueries ? undefined : false,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(posture.inlineTraces ? [] : [ApolloServerPluginInlineTraceDisabled()]),
      createLimitsPlugin<Context>(analyser),
      refuseHttpSubscriptions<Context>(),
      deadlinePlugin(),
      ...(options.admission ? [admissionPlugin(options.admission, analyser)] : []),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set(ROUND_TRIPS_HEADER, String(contextValue.storeCalls()));
              response.http.headers.set(REQUEST_ID_HEADER, contextValue.requestId);
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
