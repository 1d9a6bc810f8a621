import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_NEIGHBOURHOOD_STARTS, MAX_SEARCH_PAGE } from '../../../resolvers/Analytics';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../resolvers/helpers/paging';
import { MAX_ASSIGNMENT_PAGE, MAX_LEGAL_BASIS_DEPTH, MAX_NODE_IDS } from '../../../resolvers/Query';
import { MAX_SUCCESSION_DEPTH } from '../../model/succession';
import { ANALYTICS_LIMITS } from '../../store/analytics';

/**
 * Items assumed for a list the API does not bound by an argument (a node's
 * relationships, an agency's tasks, a timeline's years). The plan's largest
 * such list is an agency leading or coordinating a few dozen tasks; most hold
 * a handful. Every other list is sized from its arguments and the API's caps.
 */
export const ASSUMED_LIST_SIZE = 10;

/** Store work of the analyst queries, in units of "one record read" (see {@link storeWork}). */
export const WORK = {
  /** Per search term (up to ANALYTICS_LIMITS.maxSearchTerms): the full-text index ranks every posting of it. */
  searchTerm: 50,
  /** Shortest paths: per hop of maxDepth (bidirectional breadth-first search). */
  shortestPathHop: 20,
  /** Every path up to maxDepth: base of the growth per hop (3^maxDepth). */
  allPathsBase: 10,
  /** Neighbourhood: per start id and hop. */
  neighbourhoodStartHop: 10,
  /** One aggregate (a scan of a table or of the relationships). */
  aggregate: 200,
  /** The timeline: a scan of the plan's tasks and targets. */
  timeline: 100,
  /** Legal basis: per level of maxDepth. */
  legalBasisLevel: 5,
  /** One write mutation: its transaction (reads of the record and its subject's records, up to four writes). */
  write: 100,
  /** The progress of one target or task (its records and phases, read in a batch with the others'). */
  progress: 5,
  /** The overdue tasks of a plan: the progress of each of its tasks. */
  overdueTasks: 50,
  /** Who carries a body's work on a date: its succession walked level by level (batched with the other parents'). */
  succession: 5,
  /** The changes list: a range of the validity dates of every node and relationship. */
  validityChanges: 100,
  /** Dated changes of a body or a document (successors, a status, amendments): the changes and their ends, batched. */
  datedChanges: 2,
} as const;

/**
 * Items assumed for the carriers of one assignment or body: most bodies carry
 * their own work (one), a split gives a few. The walk itself is capped (see
 * MAX_CARRIERS in src/model/succession.ts).
 */
export const ASSUMED_CARRIERS = 2;

/** Items assumed for `overdueTasks`: a plan's tasks (the plan has about 40). */
export const ASSUMED_PLAN_TASKS = 100;

const clamp = (value: unknown, fallback: number, max: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 1), max) : fallback;
const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 1);

/** Sizes of introspection lists, derived from the schema: averages, so a whole-schema walk costs what it returns. */
function introspectionSizes(schema: GraphQLSchema): ReadonlyMap<string, number> {
  const types = Object.values(schema.getTypeMap());
  let fields = 0;
  let args = 0;
  let inputFields = 0;
  let enumValues = 0;
  let related = 0;
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const own = Object.values(type.getFields());
      fields += own.length;
      args += own.reduce((sum, field) => sum + field.args.length, 0);
      related += type.getInterfaces().length;
    }
    if (isInputObjectType(type)) inputFields += Object.keys(type.getFields()).length;
    if (isUnionType(type)) related += type.getTypes().length;
    if ('getValues' in type) enumValues += type.getValues().length;
  }
  const perType = (total: number) => Math.max(1, Math.ceil(total / types.length));
  const directives = schema.getDirectives();
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', perType(fields)],
    ['__Type.inputFields', perType(inputFields)],
    ['__Type.enumValues', perType(enumValues)],
    ['__Type.interfaces', perType(related)],
    ['__Type.possibleTypes', perType(related)],
    ['__Field.args', Math.max(1, Math.ceil(args / Math.max(1, fields)))],
    ['__Directive.args', Math.max(1, Math.ceil(directives.reduce((sum, d) => sum + d.args.length, 0) / Math.max(1, directives.length)))],
  ]);
}

/** How many items a field returns at most, from its arguments and the API's caps (1 for a single object). */
function itemsOf(coordinate: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, introspection: ReadonlyMap<string, number>): number {
  switch (coordinate) {
    case 'Query.nodes':
      return Math.min(lengthOf(args.ids), MAX_NODE_IDS);
    case 'Query._entities':
      return Math.min(lengthOf(args.representations), MAX_NODE_IDS);
    case 'Query.neighbourhood':
      return clamp(args.limit, 200, ANALYTICS_LIMITS.maxNeighbourhoodNodes);
    case 'Query.search':
      return clamp(args.first, 20, MAX_SEARCH_PAGE);
    case 'Query.paths':
      return clamp(args.first, 10, ANALYTICS_LIMITS.maxPaths);
    case 'Query.assignments':
      return clamp(args.first, DEFAULT_PAGE_SIZE, MAX_ASSIGNMENT_PAGE);
    case 'Query.overdueTasks':
      return ASSUMED_PLAN_TASKS;
    case 'Assignment.carriedBy':
    case 'Agency.carriedBy':
      return ASSUMED_CARRIERS;
    case 'Carrier.chain':
      return MAX_SUCCESSION_DEPTH;
  }
  const sized = introspection.get(coordinate);
  if (sized !== undefined) return sized;
  // A page of a connection: its `nodes` and `edges` then count once per item.
  if ('first' in args) return clamp(args.first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (/Connection\.(nodes|edges)$/.test(coordinate) || /^Neighbourhood\./.test(coordinate)) return 1;
  return isListType(getNullableType(field.type)) ? ASSUMED_LIST_SIZE : 1;
}

/** Store work a field causes beyond the records it returns: the analyst queries, weighted by their arguments. */
export function storeWork(coordinate: string, args: Record<string, unknown>): number {
  if (coordinate.startsWith('Aggregates.')) return WORK.aggregate;
  if (coordinate.startsWith('Mutation.')) return WORK.write;
  switch (coordinate) {
    case 'Query.search': {
      const terms = typeof args.text === 'string' ? args.text.split(/\s+/).filter(Boolean).length : 1;
      return WORK.searchTerm * Math.min(Math.max(terms, 1), ANALYTICS_LIMITS.maxSearchTerms);
    }
    case 'Query.paths': {
      const depth = clamp(args.maxDepth, 4, ANALYTICS_LIMITS.maxPathDepth);
      return args.mode === 'ALL' ? WORK.allPathsBase * 3 ** depth : WORK.shortestPathHop * depth;
    }
    case 'Query.neighbourhood':
      return WORK.neighbourhoodStartHop * Math.min(lengthOf(args.ids), MAX_NEIGHBOURHOOD_STARTS) * clamp(args.depth, 1, ANALYTICS_LIMITS.maxNeighbourhoodDepth);
    case 'Query.timeline':
      return WORK.timeline;
    case 'Query.validityChanges':
      return WORK.validityChanges;
    case 'Target.progress':
    case 'Task.progress':
      return WORK.progress;
    case 'Query.overdueTasks':
      return WORK.overdueTasks;
    case 'Task.lead':
    case 'Task.leadBodies':
    case 'Task.coordinators':
    case 'Agency.carries':
    case 'Assignment.carriedBy':
    case 'Agency.carriedBy':
      return WORK.succession;
    case 'LegalDocument.status':
    case 'LegalDocument.amendedBy':
    case 'LegalDocument.amends':
    case 'LegalDocument.replacedBy':
    case 'LegalDocument.replaces':
    case 'LegalDocument.repealedBy':
    case 'LegalDocument.repeals':
    case 'Agency.successors':
    case 'Agency.predecessors':
      return WORK.datedChanges;
    case 'Query.legalBasis':
    case 'LegalDocument.legalBasis':
      return WORK.legalBasisLevel * clamp(args.maxDepth, 10, MAX_LEGAL_BASIS_DEPTH);
    default:
      return 0;
  }
}

/**
 * The cost estimator of the schema for graphql-query-complexity's
 * `getComplexity`: a field costs its store work plus, for each item it can
 * return, one for the object (scalars are free) and the cost of what is
 * selected under it. So list sizes multiply through the nesting.
 */
export function createCostEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const introspection = introspectionSizes(schema);
  return ({ type, field, args, childComplexity }) => {
    const coordinate = `${type.name}.${field.name}`;
    const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
    return storeWork(coordinate, args) + itemsOf(coordinate, field, args, introspection) * (own + childComplexity);
  };
}
