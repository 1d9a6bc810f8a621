import type { Context } from '../src/context';
import type { NodeKind } from '../src/model/kinds';
import type { RelationshipType } from '../src/model/relationships';
import type { NodeListQuery, SortKey } from '../src/store/port';
import type { QueryResolvers } from './generated/types';
import { requireId, requireIds, requireIntInRange } from './helpers/arguments';
import { asOfArg } from './helpers/asOf';
import { ConditionBuilder, toSortKeys } from './helpers/filters';
import { legalBasisChain } from './helpers/legalBasis';
import { toWindow } from './helpers/paging';
import type { EdgeConnectionParent, NodeConnectionParent } from './parents';

/** Most ids `nodes(ids:)` takes in one call. */
export const MAX_NODE_IDS = 500;
/** Largest page of the coordination matrix. */
export const MAX_ASSIGNMENT_PAGE = 1000;
/** Deepest legal-basis chain asked for. */
export const MAX_LEGAL_BASIS_DEPTH = 50;

const BY_ORDINAL: readonly SortKey[] = [{ property: 'ordinal', direction: 'ASC' }];
const BY_NAME: readonly SortKey[] = [{ property: 'name', direction: 'ASC' }];

async function listPage(
  context: Context,
  kind: NodeKind,
  conditions: ConditionBuilder,
  orderBy: readonly SortKey[],
  first: number | null | undefined,
  after: string | null | undefined,
  asOfValue: string | null | undefined,
): Promise<NodeConnectionParent> {
  const { offset, limit } = toWindow(first, after);
  const asOf = asOfArg(context, asOfValue);
  if (conditions.matchesNothing) return { items: [], offset, totalCount: 0, asOf };
  const query: NodeListQuery = { kind, where: conditions.conditions, orderBy, offset, limit, asOf };
  const page = await context.store.listNodes(query);
  // Later fields (a body's carriers, say) read these nodes again: they are known now.
  context.loaders.remember(page.items);
  return { items: page.items, offset, totalCount: page.totalCount, asOf };
}

const ROLE_TYPES: Record<'LEAD' | 'COORDINATOR', RelationshipType> = { LEAD: 'LEADS', COORDINATOR: 'COORDINATES' };

export const queryResolvers: QueryResolvers = {
  node: (_parent, { id }, context) => {
    requireId(id, 'id');
    return context.loaders.node.load(id);
  },

  nodes: (_parent, { ids }, context) => Promise.all(requireIds(ids, 'ids', MAX_NODE_IDS).map((id) => context.loaders.node.load(id))),

  legalDocuments: (_parent, { filter, orderBy, first, after, asOf }, context) =>
    listPage(
      context,
      'LegalDocument',
      new ConditionBuilder().name(filter?.name).oneOf('docType', filter?.docType).documentNumber(filter?.number),
      toSortKeys(orderBy, { NAME: 'name', NUMBER: 'number', ISSUED_ON: 'issuedOn' }, [{ property: 'issuedOn', direction: 'ASC' }]),
      first,
      after,
      asOf,
    ),

  plans: (_parent, { filter, orderBy, first, after, asOf }, context) =>
    listPage(
      context,
      'Plan',
      new ConditionBuilder().name(filter?.name).eq('territory', filter?.territory),
      toSortKeys(orderBy, { NAME: 'name', START_YEAR: 'startYear' }, BY_NAME),
      first,
      after,
      asOf,
    ),

  agencies: (_parent, { filter, orderBy, first, after, asOf }, context) =>
    listPage(
      context,
      'Agency',
      new ConditionBuilder().name(filter?.name).oneOf('level', filter?.level).eq('collective', filter?.collective),
      toSortKeys(orderBy, { NAME: 'name', NAME_VI: 'nameVi', ABBREVIATION: 'abbreviation' }, BY_NAME),
      first,
      after,
      asOf,
    ),

  tasks: (_parent, { filter, orderBy, first, after, asOf }, context) =>
    listPage(
      context,
      'Task',
      new ConditionBuilder()
        .name(filter?.name)
        .plan(filter?.plan, 'filter.plan')
        .oneOf('section', filter?.section)
        .oneOf('timeframe', filter?.timeframe)
        .atMost('dueYear', filter?.dueBy)
        .eq('recurring', filter?.recurring),
      toSortKeys(orderBy, { ORDINAL: 'ordinal', CODE: 'code', NAME: 'name', DUE_YEAR: 'dueYear' }, BY_ORDINAL),
      first,
      after,
      asOf,
    ),

  targets: (_parent, { filter, orderBy, first, after, asOf }, context) =>
    listPage(
      context,
      'Target',
      new ConditionBuilder()
        .plan(filter?.plan, 'filter.plan')
        .atMost('year', filter?.dueBy)
        .eq('year', filter?.year)
        .eq('metric', filter?.metric),
      toSortKeys(orderBy, { ORDINAL: 'ordinal', YEAR: 'year', QUANTITY: 'quantity' }, BY_ORDINAL),
      first,
      after,
      asOf,
    ),

  categories: (_parent, { filter, first, after, asOf }, context) =>
    listPage(context, 'Category', new ConditionBuilder().name(filter?.name).oneOf('memberKind', filter?.memberKind), BY_NAME, first, after, asOf),

  standards: (_parent, { filter, first, after, asOf }, context) =>
    listPage(context, 'Standard', new ConditionBuilder().name(filter?.name), BY_NAME, first, after, asOf),

  enterprises: (_parent, { filter, first, after, asOf }, context) =>
    listPage(context, 'Enterprise', new ConditionBuilder().name(filter?.name).eq('taxCode', filter?.taxCode), BY_NAME, first, after, asOf),

  labs: (_parent, { filter, first, after, asOf }, context) =>
    listPage(context, 'Lab', new ConditionBuilder().name(filter?.name).oneOf('labType', filter?.labType), BY_NAME, first, after, asOf),

  assignments: async (_parent, { filter, first, after, asOf: asOfValue }, context): Promise<EdgeConnectionParent> => {
    const { offset, limit } = toWindow(first, after, MAX_ASSIGNMENT_PAGE);
    const asOf = asOfArg(context, asOfValue);
    const agencies = filter?.agency ? requireIds(filter.agency, 'filter.agency', MAX_NODE_IDS) : undefined;
    const tasks = filter?.task ? requireIds(filter.task, 'filter.task', MAX_NODE_IDS) : undefined;
    const toWhere = new ConditionBuilder().oneOf('timeframe', filter?.timeframe).plan(filter?.plan, 'filter.plan');
    if (toWhere.matchesNothing || agencies?.length === 0 || tasks?.length === 0) return { items: [], offset, totalCount: 0, asOf };
    const page = await context.store.listEdges({
      types: filter?.role ? [ROLE_TYPES[filter.role]] : ['LEADS', 'COORDINATES'],
      ...(agencies ? { fromIds: agencies } : {}),
      ...(tasks ? { toIds: tasks } : {}),
      toWhere: toWhere.conditions,
      offset,
      limit,
    });
    // Every assignment on record, each read on `asOf` (its validity says when it holds; its carriers who does it then).
    return { items: page.items.map((edge) => ({ ...edge, asOf })), offset, totalCount: page.totalCount, asOf };
  },

  legalBasis: async (_parent, { document, maxDepth, asOf }, context) => {
    const parsed = requireId(document, 'document');
    const depth = requireIntInRange(maxDepth ?? 10, 'maxDepth', 1, MAX_LEGAL_BASIS_DEPTH);
    if (parsed.kind !== 'LegalDocument') return null;
    const start = await context.loaders.node.load(document);
    return start ? legalBasisChain(context, start, depth, asOfArg(context, asOf)) : null;
  },
};
