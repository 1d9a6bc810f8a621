import type { NodeKind } from '../src/model/kinds';
import type { RelationshipType } from '../src/model/relationships';
import { parseValiditySource } from '../src/model/validity';
import { validityCursor, type ValidityChange } from '../src/store/port';
import { readValidityCursor } from '../src/store/validityCursor';
import { BadUserInputError } from '../src/errors';
import type { QueryResolvers, ValidityChangeConnectionResolvers, ValidityChangeResolvers } from './generated/types';
import { requireDate, requireIntInRange } from './helpers/arguments';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './helpers/paging';
import type { ValidityChangeConnectionParent } from './parents';

/**
 * The changes list (`validityChanges`): one page of the port's
 * listValidityChanges, asked for one more than `first` to know whether a
 * next page exists.
 */
export const validityChangesQueryResolvers: Pick<QueryResolvers, 'validityChanges'> = {
  validityChanges: async (_parent, { from, to, kinds, types, first, after }, context): Promise<ValidityChangeConnectionParent> => {
    const start = from === null || from === undefined ? undefined : requireDate(from, 'from');
    const end = to === null || to === undefined ? undefined : requireDate(to, 'to');
    if (start !== undefined && end !== undefined && end < start) {
      throw new BadUserInputError(`Arguments "from" (${start}) and "to" (${end}): "to" must not come before "from".`, 'to');
    }
    const size = requireIntInRange(first ?? DEFAULT_PAGE_SIZE, 'first', 1, MAX_PAGE_SIZE);
    if (after !== null && after !== undefined && readValidityCursor(after) === undefined) {
      throw new BadUserInputError(`Argument "after" is not a cursor this API issued: "${after.slice(0, 40)}".`, 'after');
    }
    const page = await context.store.listValidityChanges({
      ...(start !== undefined ? { from: start } : {}),
      ...(end !== undefined ? { to: end } : {}),
      ...(kinds ? { kinds: kinds as NodeKind[] } : {}),
      ...(types ? { types: types as RelationshipType[] } : {}),
      first: size + 1,
      ...(after ? { after } : {}),
    });
    context.loaders.remember(page.items.flatMap((c) => (c.node ? [c.node] : [])));
    return { items: page.items.slice(0, size), hasNextPage: page.items.length > size, hasPreviousPage: Boolean(after), totalCount: page.totalCount };
  },
};

export const validityChangeResolvers: ValidityChangeResolvers = {
  date: (c) => c.date,
  change: (c) => c.change,
  node: (c) => c.node ?? null,
  relationship: (c) => c.edge ?? null,
  source: (c) => {
    const props = (c.node ?? c.edge)?.props ?? {};
    return parseValiditySource(c.change === 'STARTS' ? props.validFromSource : props.validToSource);
  },
};

export const validityChangeConnectionResolvers: ValidityChangeConnectionResolvers = {
  edges: (parent) => parent.items.map((node: ValidityChange) => ({ cursor: validityCursor(node), node })),
  nodes: (parent) => [...parent.items],
  totalCount: (parent) => parent.totalCount,
  pageInfo: (parent) => ({
    hasNextPage: parent.hasNextPage,
    hasPreviousPage: parent.hasPreviousPage,
    startCursor: parent.items[0] ? validityCursor(parent.items[0]) : null,
    endCursor: parent.items.length > 0 ? validityCursor(parent.items[parent.items.length - 1] as ValidityChange) : null,
  }),
};
