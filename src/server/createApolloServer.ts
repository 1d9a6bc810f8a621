import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from '../context';
import { createErrorFormatter } from '../errors';
import type { Logger } from '../logger';
import { buildSchema } from '../schema';
import type { AdmissionQueue } from './admission/AdmissionQueue';
import { admissionPlugin } from './admission/admissionPlugin';
import { deadlinePlugin } from './deadline/deadlinePlugin';

/** Header carrying the number of store round-trips a GraphQL request made. */
export const ROUND_TRIPS_HEADER = 'x-store-round-trips';

/**
 * The Apollo Server of the API: our schema, errors formatted and masked by
 * src/errors.ts, CSRF prevention on (Apollo's default), the store round-trips
 * of each request reported in a response header. The CDN-loaded landing page
 * is disabled (this machine has no internet access), and so is Apollo's
 * cache-control plugin: the API sets no cache hints, and the plugin's hook
 * on every field was ~3% of the server's time on a 700-object answer
 * (measured). Heavy operations wait for a place in `options.admission`
 * (when given); retryable coded errors get their HTTP status (deadlinePlugin).
 */
export function createApolloServer(logger: Logger, options: { federation?: boolean; admission?: AdmissionQueue } = {}): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: buildSchema({ federation: options.federation ?? true }),
    logger,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      deadlinePlugin(),
      ...(options.admission ? [admissionPlugin(options.admission)] : []),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set(ROUND_TRIPS_HEADER, String(contextValue.storeCalls()));
            },
          };
        },
      },
    ],
  });
}
