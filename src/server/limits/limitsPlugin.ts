import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { OperationLimits } from '../../config';
import { BadRequestError } from '../../errors';
import { analyseOperation, type OperationAnalysis } from './analyseOperation';
import { createCostEstimator } from './costModel';

/**
 * The Apollo plugin that checks every operation, however it arrives (POST,
 * GET, the IDE, a gateway's `_entities`), once it is parsed, validated and
 * resolved to one operation, before any resolver runs:
 * - an operation type the schema lacks (`subscription`) is BAD_REQUEST (400);
 *   queries and mutations are measured and costed alike (a mutation field's
 *   cost includes its write, see costModel.ts);
 * - over a limit it is OPERATION_LIMIT_EXCEEDED (400) naming the limit, the value and the maximum.
 * The token limit is graphql's own `parse(..., { maxTokens })` (see createApolloServer).
 * An accepted operation's estimated cost is reported in `extensions.cost: { estimated, limit }`.
 */
export function createLimitsPlugin<TContext extends object>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  const estimators = new WeakMap<GraphQLSchema, ComplexityEstimator>();
  const estimatorFor = (schema: GraphQLSchema): ComplexityEstimator => {
    let estimator = estimators.get(schema);
    if (!estimator) {
      estimator = createCostEstimator(schema);
      estimators.set(schema, estimator);
    }
    return estimator;
  };
  return {
    async requestDidStart() {
      let analysis: OperationAnalysis | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo reports the unknown or ambiguous operation name itself.
          if (!schema.getRootType(operation.operation)) {
            throw new BadRequestError(`This API answers queries and mutations only: the schema has no ${operation.operation} type.`);
          }
          analysis = analyseOperation({ schema, document, operation, variables: request.variables, limits, estimator: estimatorFor(schema) });
        },
        async willSendResponse({ response }) {
          if (analysis?.cost === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimated: analysis.cost, limit: limits.maxCost } };
        },
      };
    },
  };
}
