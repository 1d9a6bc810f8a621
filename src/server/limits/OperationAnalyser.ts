import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { OperationLimits } from '../../config';
import { BadRequestError, SUBSCRIPTION_OVER_HTTP } from '../../errors';
import { analyseOperation, type OperationAnalysis } from './analyseOperation';
import { createCostEstimator } from './costModel';

/** What the analyser reads of one request: Apollo's request context once the operation is resolved. */
export interface ResolvedRequest {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  /** Absent when Apollo could not pick the operation (it reports that itself). */
  readonly operation?: OperationDefinitionNode | undefined;
  readonly request: { readonly variables?: Record<string, unknown> };
}

type Outcome = { readonly analysis: OperationAnalysis | undefined } | { readonly refusal: unknown };

/**
 * The one analysis of each request (shape and estimated cost, see
 * {@link analyseOperation}), shared by every plugin that needs it: the limits
 * plugin refuses and reports the cost from it, admission classifies from it.
 * {@link analyse} computes it on its first call for a request (keyed by the
 * request's context object, which Apollo hands to every hook of the request)
 * and returns the same result, or throws the same refusal, on later calls,
 * whichever plugin calls first. One analyser per server: it keeps the cost
 * estimator of each schema.
 */
export class OperationAnalyser {
  private readonly estimators = new WeakMap<GraphQLSchema, ComplexityEstimator>();
  private readonly outcomes = new WeakMap<ResolvedRequest, Outcome>();
  private computed = 0;

  /**
   * @param subscriptions whether `subscription` operations are served where
   * this analyser checks (the WebSocket endpoint, src/server/live/); over
   * HTTP (false, the default) they are BAD_REQUEST, pointing to the WebSocket.
   */
  constructor(
    readonly limits: OperationLimits,
    private readonly subscriptions = false,
  ) {}

  /** Operations analysed so far: one per request that reached an operation (tests read it). */
  get analysed(): number {
    return this.computed;
  }

  /**
   * The analysis of `request`'s operation; undefined when there is none.
   * Throws BadRequestError for an operation type the schema lacks or this
   * transport does not serve (`subscription` over HTTP) and
   * OperationLimitError over a limit.
   */
  analyse(request: ResolvedRequest): OperationAnalysis | undefined {
    let outcome = this.outcomes.get(request);
    if (!outcome) {
      outcome = this.compute(request);
      this.outcomes.set(request, outcome);
    }
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.analysis;
  }

  private compute({ schema, document, operation, request }: ResolvedRequest): Outcome {
    if (!operation) return { analysis: undefined };
    this.computed += 1;
    try {
      if (!schema.getRootType(operation.operation)) {
        throw new BadRequestError(`This API answers queries and mutations only: the schema has no ${operation.operation} type.`);
      }
      if (operation.operation === 'subscription' && !this.subscriptions) {
        throw new BadRequestError(SUBSCRIPTION_OVER_HTTP);
      }
      return { analysis: analyseOperation({ schema, document, operation, variables: request.variables, limits: this.limits, estimator: this.estimatorFor(schema) }) };
    } catch (refusal) {
      return { refusal };
    }
  }

  private estimatorFor(schema: GraphQLSchema): ComplexityEstimator {
    let estimator = this.estimators.get(schema);
    if (!estimator) {
      estimator = createCostEstimator(schema);
      this.estimators.set(schema, estimator);
    }
    return estimator;
  }
}
