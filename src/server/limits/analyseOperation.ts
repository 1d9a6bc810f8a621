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
  /** Names of the root fields (of the query type) the cost walk met, through fragments; empty when `cost` is undefined. */
  readonly rootFieldNames: ReadonlySet<string>;
  /**
   * The largest list any field asks for: a `first` or `limit` argument, or the
   * length of an `ids` or `representations` list, with the variables sent and
   * the schema's defaults applied; 0 when `cost` is undefined.
   */
  readonly largestList: number;
}

/** Arguments whose number is the size of the list a field returns. */
const SIZE_ARGUMENTS = ['first', 'limit'] as const;
/** Arguments whose length is the size of the list a field returns. */
const LIST_ARGUMENTS = ['ids', 'representations'] as const;

/** The measures with a limit of their own (`nesting` only informs admission). */
type ShapeKey = Exclude<keyof OperationShape, 'nesting'>;

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
  const rootFieldNames = new Set<string>();
  let largestList = 0;
  const queryType = options.schema.getQueryType();
  // The cost walk sees every field with its coerced arguments: note what admission needs on the way.
  const noting: ComplexityEstimator = (field) => {
    if (field.type === queryType) rootFieldNames.add(field.field.name);
    const args = field.args as Record<string, unknown>;
    for (const name of SIZE_ARGUMENTS) {
      const size = args[name];
      if (typeof size === 'number' && size > largestList) largestList = size;
    }
    for (const name of LIST_ARGUMENTS) {
      const list = args[name];
      if (Array.isArray(list) && list.length > largestList) largestList = list.length;
    }
    return options.estimator(field);
  };
  let cost: number;
  try {
    cost = getComplexity({
      schema: options.schema,
      query,
      variables: options.variables ?? {},
      estimators: [noting],
      // Spreads and inline fragments also count as nodes for the library; fields are already bounded above.
      maxQueryNodes: limits.maxFields * 4 + 1000,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw new OperationLimitError('field selections', `over ${limits.maxFields * 4 + 1000} with fragments`, limits.maxFields, LIMIT_SETTINGS.fields);
    }
    // Variables that do not coerce: execution reports them as BAD_USER_INPUT before any resolver runs.
    return { ...shape, cost: undefined, rootFieldNames: new Set(), largestList: 0 };
  }
  if (cost > limits.maxCost) throw new OperationLimitError('estimated cost', cost, limits.maxCost, LIMIT_SETTINGS.cost);
  return { ...shape, cost, rootFieldNames, largestList };
}
