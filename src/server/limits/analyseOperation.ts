import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { OperationLimits } from '../../config';
import { OperationLimitError } from '../../errors';
import { measureOperation, type OperationShape } from './measureOperation';

/** The environment variable of each limit, named in refusals. */
export const LIMIT_SETTINGS = {
  depth: 'LIMIT_MAX_DEPTH',
  aliases: 'LIMIT_MAX_ALIASES',
  rootFields: 'LIMIT_MAX_ROOT_FIELDS',
  directives: 'LIMIT_MAX_DIRECTIVES',
  tokens: 'LIMIT_MAX_TOKENS',
  fields: 'LIMIT_MAX_FIELDS',
  cost: 'LIMIT_MAX_COST',
} as const;

/** What an accepted operation measured. */
export interface OperationAnalysis extends OperationShape {
  /** Estimated cost; undefined when the variables could not be coerced (execution then reports them). */
  readonly cost: number | undefined;
}

type ShapeKey = keyof OperationShape;

/** The shape limits, in the order they are checked: measure, the limit's setting, its name in messages. */
const SHAPE_LIMITS: readonly (readonly [ShapeKey, keyof OperationLimits, string])[] = [
  ['depth', 'maxDepth', 'depth'],
  ['aliases', 'maxAliases', 'aliases'],
  ['rootFields', 'maxRootFields', 'root fields'],
  ['directives', 'maxDirectives', 'directives'],
  ['fields', 'maxFields', 'field selections'],
];

/**
 * Checks one validated operation against `limits` before it runs: its shape
 * first (linear in the document), then its estimated cost with the
 * variables given (graphql-query-complexity with the schema's estimator).
 * Throws an {@link OperationLimitError} naming the first limit exceeded.
 */
export function analyseOperation(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  limits: OperationLimits;
  estimator: ComplexityEstimator;
}): OperationAnalysis {
  const { limits } = options;
  const shape = measureOperation(options.document, options.operation);
  for (const [key, limit, label] of SHAPE_LIMITS) {
    if (shape[key] > limits[limit]) throw new OperationLimitError(label, shape[key], limits[limit], LIMIT_SETTINGS[key]);
  }
  // Only the chosen operation and the fragments: the library would sum every operation of the document.
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [options.operation, ...options.document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)],
  };
  let cost: number;
  try {
    cost = getComplexity({
      schema: options.schema,
      query,
      variables: options.variables ?? {},
      estimators: [options.estimator],
      // Spreads and inline fragments also count as nodes for the library; fields are already bounded above.
      maxQueryNodes: limits.maxFields * 4 + 1000,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw new OperationLimitError('field selections', `over ${limits.maxFields * 4 + 1000} with fragments`, limits.maxFields, LIMIT_SETTINGS.fields);
    }
    // Variables that do not coerce: execution reports them as BAD_USER_INPUT before any resolver runs.
    return { ...shape, cost: undefined };
  }
  if (cost > limits.maxCost) throw new OperationLimitError('estimated cost', cost, limits.maxCost, LIMIT_SETTINGS.cost);
  return { ...shape, cost };
}
