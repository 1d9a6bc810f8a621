import { BadUserInputError } from '../src/errors';
import { isNodeKind, type NodeKind } from '../src/model/kinds';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../src/model/relationships';
import { highlightTerms, searchTerms } from '../src/model/text';
import { ANALYTICS_LIMITS } from '../src/store/analytics';
import type { NodeRecord, PropertyCondition } from '../src/store/port';
import type {
  AgencyWorkloadResolvers,
  AggregatesResolvers,
  NeighbourhoodResolvers,
  PathResolvers,
  PathStepResolvers,
  PhaseCountResolvers,
  QueryResolvers,
  SearchField,
  SearchHitResolvers,
} from './generated/types';
import { requireId, requireIds, requireIntInRange, requireText } from './helpers/arguments';
import { asOfArg } from './helpers/asOf';
import { ConditionBuilder } from './helpers/filters';
import { sentenceOf } from './helpers/labels';
import { toWindow } from './helpers/paging';
import { orFail } from './Node';
import type { AgencyWorkloadParent, PhaseCountParent, SearchConnectionParent, TimelineParent } from './parents';

/** Largest search page. */
export const MAX_SEARCH_PAGE = 100;
/** Most start nodes of a neighbourhood. */
export const MAX_NEIGHBOURHOOD_STARTS = 100;
/** Most tasks or targets a timeline lists. */
export const MAX_TIMELINE_ITEMS = 1000;

/** A list argument that, when given, must not be empty would match nothing: callers short-circuit. */
function isEmptyList(list: readonly unknown[] | null | undefined): boolean {
  return Array.isArray(list) && list.length === 0;
}

function kindsOf(kinds: readonly string[] | null | undefined): readonly NodeKind[] | undefined {
  return kinds ? kinds.filter(isNodeKind) : undefined;
}

function planCondition(plan: string | null | undefined): { conditions: readonly PropertyCondition[]; none: boolean } {
  const builder = new ConditionBuilder().plan(plan, 'plan');
  return { conditions: builder.conditions, none: builder.matchesNothing };
}

/** The fields a search may match, in the order ties are broken. */
const SEARCH_FIELDS: readonly [SearchField, string][] = [
  ['NUMBER', 'number'],
  ['ABBREVIATION', 'abbreviation'],
  ['CODE', 'code'],
  ['NAME_VI', 'nameVi'],
  ['NAME', 'name'],
];

export const analyticsQueryResolvers: Pick<QueryResolvers, 'search' | 'paths' | 'neighbourhood' | 'aggregates' | 'timeline'> = {
  search: async (_parent, { text, kinds, first, after, asOf: asOfValue }, context): Promise<SearchConnectionParent> => {
    const terms = searchTerms(requireText(text, 'text'), ANALYTICS_LIMITS.maxSearchTerms);
    if (terms.length === 0) throw new BadUserInputError(`Argument "text" ("${text}") has no letters or digits to search for.`, 'text');
    const { offset, limit } = toWindow(first, after, MAX_SEARCH_PAGE);
    const asOf = asOfArg(context, asOfValue);
    if (isEmptyList(kinds)) return { items: [], offset, totalCount: 0, asOf };
    const kindList = kindsOf(kinds);
    const page = await context.store.search({ terms, ...(kindList ? { kinds: kindList } : {}), offset, limit, asOf });
    context.loaders.remember(page.items.map((hit) => hit.node));
    return {
      items: page.items.map((hit) => {
        const [matchedField, snippet] = bestField(hit.node, terms);
        return { ...hit, matchedField, snippet };
      }),
      offset,
      totalCount: page.totalCount,
      asOf,
    };
  },

  paths: async (_parent, { from, to, mode, maxDepth, types, first, asOf }, context) => {
    requireId(from, 'from');
    requireId(to, 'to');
    const depth = requireIntInRange(maxDepth ?? 4, 'maxDepth', 1, ANALYTICS_LIMITS.maxPathDepth);
    const limit = requireIntInRange(first ?? 10, 'first', 1, ANALYTICS_LIMITS.maxPaths);
    const date = asOfArg(context, asOf);
    if (isEmptyList(types)) return [];
    const paths = await context.store.findPaths({
      from,
      to,
      maxDepth: depth,
      mode: mode ?? 'SHORTEST',
      limit,
      asOf: date,
      ...(types ? { types: types as RelationshipType[] } : {}),
    });
    for (const path of paths) context.loaders.remember(path.nodes);
    return paths;
  },

  neighbourhood: async (_parent, { ids, depth, kinds, types, limit, asOf }, context) => {
    requireIds(ids, 'ids', MAX_NEIGHBOURHOOD_STARTS);
    const hops = requireIntInRange(depth ?? 1, 'depth', 1, ANALYTICS_LIMITS.maxNeighbourhoodDepth);
    const most = requireIntInRange(limit ?? 200, 'limit', 1, ANALYTICS_LIMITS.maxNeighbourhoodNodes);
    const date = asOfArg(context, asOf);
    if (ids.length === 0) return { nodes: [], edges: [], truncated: false };
    const kindList = kindsOf(kinds);
    const subgraph = await context.store.neighbourhood({
      ids: [...new Set(ids)],
      depth: hops,
      limit: most,
      asOf: date,
      ...(kindList ? { kinds: kindList } : {}),
      ...(types ? { types: types as RelationshipType[] } : {}),
    });
    context.loaders.remember(subgraph.nodes);
    return subgraph;
  },

  aggregates: (_parent, { asOf }, context) => ({ asOf: asOfArg(context, asOf) }),

  timeline: async (_parent, { plan, dueBy, asOf: asOfValue }, context): Promise<TimelineParent> => {
    const { conditions, none } = planCondition(plan);
    const asOf = asOfArg(context, asOfValue);
    if (none) return { years: [], recurringTasks: [], asOf };
    const upTo: PropertyCondition[] = dueBy === null || dueBy === undefined ? [] : [{ property: 'dueYear', lte: dueBy }];
    const window = { offset: 0, limit: MAX_TIMELINE_ITEMS, asOf };
    const [dated, recurring, targets] = await Promise.all([
      context.store.listNodes({
        kind: 'Task',
        where: [...conditions, { property: 'dueYear', gte: 0 }, ...upTo],
        orderBy: [{ property: 'dueYear', direction: 'ASC' }, { property: 'ordinal', direction: 'ASC' }],
        ...window,
      }),
      context.store.listNodes({
        kind: 'Task',
        where: [...conditions, { property: 'recurring', eq: true }],
        orderBy: [{ property: 'ordinal', direction: 'ASC' }],
        ...window,
      }),
      context.store.listNodes({
        kind: 'Target',
        where: [...conditions, ...(dueBy === null || dueBy === undefined ? [] : [{ property: 'year', lte: dueBy }])],
        orderBy: [{ property: 'year', direction: 'ASC' }, { property: 'ordinal', direction: 'ASC' }],
        ...window,
      }),
    ]);
    const years = new Map<number, { tasks: NodeRecord[]; targets: NodeRecord[] }>();
    const yearOf = (y: number) => {
      let entry = years.get(y);
      if (!entry) years.set(y, (entry = { tasks: [], targets: [] }));
      return entry;
    };
    for (const task of dated.items) yearOf(Number(task.props.dueYear)).tasks.push(task);
    for (const target of targets.items) yearOf(Number(target.props.year)).targets.push(target);
    return {
      years: [...years.entries()].sort(([a], [b]) => a - b).map(([year, entry]) => ({ year, ...entry })),
      recurringTasks: recurring.items,
      asOf,
    };
  },
};

export const searchHitResolvers: SearchHitResolvers = {
  node: (hit) => hit.node,
  score: (hit) => hit.score,
  matchedField: (hit) => hit.matchedField,
  snippet: (hit) => hit.snippet,
};

/** The field whose text holds most of the terms, and its highlighted snippet. */
function bestField(node: NodeRecord, terms: readonly string[]): [SearchField, string] {
  let best: [SearchField, string, number] = ['NAME', String(node.props.name ?? ''), -1];
  for (const [field, property] of SEARCH_FIELDS) {
    const value = node.props[property];
    if (typeof value !== 'string') continue;
    const highlight = highlightTerms(value, terms);
    if (highlight.matchedTerms > best[2]) best = [field, highlight.snippet, highlight.matchedTerms];
  }
  return [best[0], best[1]];
}

export const pathResolvers: PathResolvers = {
  length: (path) => path.edges.length,
  nodes: (path) => [...path.nodes],
  relationships: (path) => [...path.edges],
  steps: (path) =>
    path.edges.map((edge, i) => ({ from: path.nodes[i] as NodeRecord, to: path.nodes[i + 1] as NodeRecord, edge })),
};

export const pathStepResolvers: PathStepResolvers = {
  from: (step) => step.from,
  to: (step) => step.to,
  relationship: (step) => step.edge,
  forward: (step) => step.edge.from === step.from.id,
  sentence: (step) =>
    step.edge.from === step.from.id ? sentenceOf(step.edge, step.from, step.to) : sentenceOf(step.edge, step.to, step.from),
};

export const neighbourhoodResolvers: NeighbourhoodResolvers = {
  nodes: (subgraph) => [...subgraph.nodes],
  relationships: (subgraph) => [...subgraph.edges],
  truncated: (subgraph) => subgraph.truncated,
};

export const aggregatesResolvers: AggregatesResolvers = {
  nodesByKind: async (parent, _args, context) =>
    (await context.store.countNodes({ asOf: parent.asOf })).map((g) => ({ kind: g.kind as NodeKind, count: g.count })),

  relationshipsByType: async (parent, _args, context) =>
    (await context.store.countEdges({ types: RELATIONSHIP_TYPES, groupBy: ['type'], asOf: parent.asOf })).map((g) => ({
      type: g.type as RelationshipType,
      count: g.count,
    })),

  tasksByTimeframe: async (parent, { plan }, context) => {
    const { conditions, none } = planCondition(plan);
    if (none) return [];
    return (await context.store.countNodes({ kind: 'Task', groupBy: 'timeframe', where: conditions, asOf: parent.asOf })).map((g) => ({
      timeframe: g.value as 'ANNUAL',
      count: g.count,
    }));
  },

  tasksBySection: async (parent, { plan }, context) => {
    const { conditions, none } = planCondition(plan);
    if (none) return [];
    return (await context.store.countNodes({ kind: 'Task', groupBy: 'section', where: conditions, asOf: parent.asOf })).map((g) => ({
      section: g.value as 'APPENDIX',
      count: g.count,
    }));
  },

  agencyWorkload: async (parent, { plan }, context): Promise<AgencyWorkloadParent[]> => {
    const { conditions, none } = planCondition(plan);
    if (none) return [];
    const groups = await context.store.countEdges({
      types: ['LEADS', 'COORDINATES'],
      groupBy: ['from', 'type'],
      toWhere: conditions,
      asOf: parent.asOf,
    });
    const byAgency = new Map<string, { leads: number; coordinates: number }>();
    for (const g of groups) {
      const row = byAgency.get(g.from as string) ?? { leads: 0, coordinates: 0 };
      if (g.type === 'LEADS') row.leads += g.count;
      else row.coordinates += g.count;
      byAgency.set(g.from as string, row);
    }
    return [...byAgency.entries()]
      .map(([agencyId, row]) => ({ agencyId, ...row }))
      .sort((a, b) => b.leads + b.coordinates - (a.leads + a.coordinates) || b.leads - a.leads || a.agencyId.localeCompare(b.agencyId));
  },

  byPhase: async (parent, _args, context): Promise<PhaseCountParent[]> => {
    const [tasks, targets] = await Promise.all([
      context.store.countEdges({ types: ['IN_PHASE'], groupBy: ['to'], fromKinds: ['Task'], asOf: parent.asOf }),
      context.store.countEdges({ types: ['IN_PHASE'], groupBy: ['to'], fromKinds: ['Target'], asOf: parent.asOf }),
    ]);
    const rows = new Map<string, { tasks: number; targets: number }>();
    for (const g of tasks) rows.set(g.to as string, { tasks: g.count, targets: 0 });
    for (const g of targets) rows.set(g.to as string, { tasks: rows.get(g.to as string)?.tasks ?? 0, targets: g.count });
    return [...rows.entries()].map(([phaseId, row]) => ({ phaseId, ...row })).sort((a, b) => a.phaseId.localeCompare(b.phaseId));
  },
};

export const agencyWorkloadResolvers: AgencyWorkloadResolvers = {
  agency: (row, _args, context) => context.loaders.node.load(row.agencyId).then(orFail(row.agencyId)),
  leads: (row) => row.leads,
  coordinates: (row) => row.coordinates,
  total: (row) => row.leads + row.coordinates,
};

export const phaseCountResolvers: PhaseCountResolvers = {
  phase: (row, _args, context) => context.loaders.node.load(row.phaseId).then(orFail(row.phaseId)),
  tasks: (row) => row.tasks,
  targets: (row) => row.targets,
};
