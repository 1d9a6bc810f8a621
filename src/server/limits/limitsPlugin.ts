import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationAnalysis } from './analyseOperation';
import type { OperationAnalyser } from './OperationAnalyser';

/**
 * The Apollo plugin that checks every operation, however it arrives (POST,
 * GET, the IDE, a gateway's `_entities`), once it is parsed, validated and
 * resolved to one operation, before any resolver runs:
 * - an operation type the schema lacks, or a `subscription` (served over
 *   WebSocket, src/server/live/), is BAD_REQUEST (400);
 *   queries and mutations are measured and costed alike (a mutation field's
 *   cost includes its write, see costModel.ts);
 * - over a limit it is OPERATION_LIMIT_EXCEEDED (400) naming the limit, the value and the maximum.
 * The token limit is graphql's own `parse(..., { maxTokens })` (see createApolloServer).
 * An accepted operation's estimated cost is reported in `extensions.cost: { estimated, limit }`.
 * The analysis is `analyser`'s, computed once per request and shared with admission.
 */
export function createLimitsPlugin<TContext extends object>(analyser: OperationAnalyser): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let analysis: OperationAnalysis | undefined;
      return {
        async didResolveOperation(requestContext) {
          analysis = analyser.analyse(requestContext);
        },
        async willSendResponse({ response }) {
          if (analysis?.cost === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimated: analysis.cost, limit: analyser.limits.maxCost } };
        },
      };
    },
  };
}
