import { COMMON_PROPERTIES, type NodeKind } from '../model/kinds';
import { RELATIONSHIPS, type RelationshipType } from '../model/relationships';
import { ANALYTICS_LIMITS } from './analytics';
import {
  argumentError,
  checkInteger,
  checkKind,
  checkList,
  checkObject,
  checkOneOf,
  checkPage,
  checkProperty,
  checkSet,
  checkType,
  isAbsent,
} from './checks/checkArguments';
import { checkAsOf } from './checks/checkAsOf';
import { checkBatch } from './checks/checkBatch';
import { checkChange, checkChangeListQuery, checkProgressQuery, checkRecordsOfQuery } from './checks/checkChange';
import { checkConditions, checkSortKeys } from './checks/checkConditions';
import { checkValidityChangeQuery } from './checks/checkValidityChangeQuery';
import type { GraphStore } from './port';

type Query = Record<string, unknown>;
type Checked = (args: unknown[]) => unknown[];

const kinds = (method: string, argument: string, value: unknown): NodeKind[] =>
  checkSet(method, argument, value, 'node kinds', (at, kind) => checkKind(method, at, kind));
const types = (method: string, argument: string, value: unknown): RelationshipType[] =>
  checkSet(method, argument, value, 'relationship types', (at, type) => checkType(method, at, type));
const optional = <T>(value: unknown, check: (value: unknown) => T): T | undefined => (isAbsent(value) ? undefined : check(value));
const endKinds = (of: readonly RelationshipType[]): NodeKind[] => [...new Set(of.flatMap((type) => RELATIONSHIPS[type].to))];
/** The properties every kind has: what countNodes without a kind may test. */
const SHARED = ['id', ...COMMON_PROPERTIES.map((spec) => spec.name)];

/**
 * The checks of every argument-taking port method: each takes the call's
 * arguments, throws StoreInputError on a bad one, and returns the arguments
 * the adapter receives (the same, with the normalisations of the rules in
 * {@link checkStoreCalls}).
 */
const CHECKS: Partial<Record<keyof GraphStore, Checked>> = {
  getNodes: ([ids, options]) => [checkList('getNodes', 'ids', ids, 'ids'), options],
  getEdges: ([keys, options]) => [checkList('getEdges', 'keys', keys, 'relationship keys'), options],
  getNeighbours: ([query, options]) => {
    const q = checkObject('getNeighbours', 'query', query);
    checkList('getNeighbours', 'query.ids', q.ids, 'ids');
    checkType('getNeighbours', 'query.type', q.type);
    checkOneOf('getNeighbours', 'query.direction', q.direction, ['OUT', 'IN']);
    return [{ ...q, asOf: checkAsOf('getNeighbours', q) }, options];
  },
  listNodes: ([query, options]) => {
    const q = checkObject('listNodes', 'query', query);
    const kind = checkKind('listNodes', 'query.kind', q.kind);
    checkConditions('listNodes', 'query.where', [kind], q.where);
    checkSortKeys('listNodes', 'query.orderBy', kind, q.orderBy);
    checkPage('listNodes', q);
    return [{ ...q, asOf: checkAsOf('listNodes', q), where: q.where ?? undefined, orderBy: q.orderBy ?? undefined }, options];
  },
  listEdges: ([query, options]) => {
    const q = checkObject('listEdges', 'query', query);
    const asked = types('listEdges', 'query.types', q.types);
    const fromIds = optional(q.fromIds, (ids) => checkList('listEdges', 'query.fromIds', ids, 'ids'));
    const toIds = optional(q.toIds, (ids) => checkList('listEdges', 'query.toIds', ids, 'ids'));
    checkConditions('listEdges', 'query.toWhere', endKinds(asked), q.toWhere);
    checkPage('listEdges', q);
    return [{ ...q, asOf: checkAsOf('listEdges', q), types: asked, fromIds, toIds, toWhere: q.toWhere ?? undefined }, options];
  },
  upsert: ([batch, options]) => {
    checkBatch(batch);
    const b = batch as Query;
    return [{ ...b, nodes: b.nodes ?? [], edges: b.edges ?? [] }, options];
  },
  listValidityChanges: ([query, options]) => [checkValidityChangeQuery(query), options],
  applyChange: ([change, options]) => [checkChange(change), options],
  getRecords: ([ids, options]) => [checkList('getRecords', 'ids', ids, 'ids'), options],
  recordsOf: ([query, options]) => [checkRecordsOfQuery(query), options],
  listChanges: ([query, options]) => [checkChangeListQuery(query), options],
  targetProgress: ([query, options]) => [checkProgressQuery('targetProgress', query), options],
  taskProgress: ([query, options]) => [checkProgressQuery('taskProgress', query), options],
  search: ([query, options]) => {
    const q = checkObject('search', 'query', query);
    const terms = checkList('search', 'query.terms', q.terms, 'words');
    if (terms.length < 1 || terms.length > ANALYTICS_LIMITS.maxSearchTerms) {
      throw argumentError('search', 'query.terms', `a list of 1 to ${ANALYTICS_LIMITS.maxSearchTerms} words`, terms);
    }
    terms.forEach((term, i) => {
      if (typeof term !== 'string') throw argumentError('search', `query.terms[${i}]`, 'a string', term);
    });
    const only = optional(q.kinds, (value) => kinds('search', 'query.kinds', value));
    checkPage('search', q);
    return [{ ...q, asOf: checkAsOf('search', q), kinds: only }, options];
  },
  findPaths: ([query, options]) => {
    const q = checkObject('findPaths', 'query', query);
    checkOneOf('findPaths', 'query.mode', q.mode, ['SHORTEST', 'ALL']);
    checkInteger('findPaths', 'query.maxDepth', q.maxDepth, 1, ANALYTICS_LIMITS.maxPathDepth);
    checkInteger('findPaths', 'query.limit', q.limit, 1, ANALYTICS_LIMITS.maxPaths);
    return [{ ...q, asOf: checkAsOf('findPaths', q), types: optional(q.types, (value) => types('findPaths', 'query.types', value)) }, options];
  },
  neighbourhood: ([query, options]) => {
    const q = checkObject('neighbourhood', 'query', query);
    checkList('neighbourhood', 'query.ids', q.ids, 'ids');
    checkInteger('neighbourhood', 'query.depth', q.depth, 1, ANALYTICS_LIMITS.maxNeighbourhoodDepth);
    checkInteger('neighbourhood', 'query.limit', q.limit, 1, ANALYTICS_LIMITS.maxNeighbourhoodNodes);
    const only = optional(q.kinds, (value) => kinds('neighbourhood', 'query.kinds', value));
    return [{ ...q, asOf: checkAsOf('neighbourhood', q), kinds: only, types: optional(q.types, (value) => types('neighbourhood', 'query.types', value)) }, options];
  },
  countNodes: ([query, options]) => {
    const q = checkObject('countNodes', 'query', query);
    const kind = optional(q.kind, (value) => checkKind('countNodes', 'query.kind', value));
    if (kind === undefined) {
      if (!isAbsent(q.groupBy)) throw argumentError('countNodes', 'query.groupBy', 'absent when no kind is given (groups are per kind then)', q.groupBy);
      const expected = `a property every kind has (${SHARED.join(', ')}) when no kind is given`;
      checkConditions('countNodes', 'query.where', [], q.where, { names: SHARED, expected });
    } else {
      if (!isAbsent(q.groupBy)) checkProperty('countNodes', 'query.groupBy', [kind], q.groupBy);
      checkConditions('countNodes', 'query.where', [kind], q.where);
    }
    return [{ ...q, asOf: checkAsOf('countNodes', q), kind, groupBy: q.groupBy ?? undefined, where: q.where ?? undefined }, options];
  },
  countEdges: ([query, options]) => {
    const q = checkObject('countEdges', 'query', query);
    const asked = types('countEdges', 'query.types', q.types);
    const groupBy = checkSet('countEdges', 'query.groupBy', q.groupBy, "keys 'type', 'from', 'to'", (at, key) =>
      checkOneOf('countEdges', at, key, ['type', 'from', 'to'] as const),
    );
    const fromKinds = optional(q.fromKinds, (value) => kinds('countEdges', 'query.fromKinds', value));
    checkConditions('countEdges', 'query.toWhere', endKinds(asked), q.toWhere);
    return [{ ...q, asOf: checkAsOf('countEdges', q), types: asked, groupBy, fromKinds, toWhere: q.toWhere ?? undefined }, options];
  },
};

/**
 * Wraps `store` so that the arguments of every port call are checked ONCE,
 * in front of any adapter, with one set of messages: a bad argument throws
 * StoreInputError `<method>: <argument> must be <what is allowed, with its
 * limit>; got <value>` (see checks/checkArguments.ts) and the adapter is
 * not called. Adapters trust what passes. The rules, the same for every
 * adapter:
 *
 * - **null and undefined** both mean "absent" for an optional argument (the
 *   `?` fields of the port's query types); the adapter receives undefined.
 *   A required argument that is null is rejected.
 * - **list elements** that are null are rejected like any other bad
 *   element, except in lists of ids and relationship keys (getNodes,
 *   getEdges, getNeighbours, neighbourhood, listEdges' fromIds/toIds,
 *   getRecords, targetProgress, taskProgress), where
 *   the port answers a malformed element (null included) with null or no
 *   match, aligned with the caller's list.
 * - **order**: lists of kinds, types and group keys are sets; they reach the
 *   adapter without repeats, in the caller's order (countEdges groups by its
 *   keys in that order). Lists the result is aligned with (ids, keys) are
 *   passed as they are, repeats included. No answer depends on the order of
 *   a set; answers come in the order the port promises (strings by code
 *   point, src/store/compareCodePoints.ts).
 * - batches are checked whole before anything is written (see checkBatch).
 * - **asOf** of a read query, when given, is a real calendar date
 *   `YYYY-MM-DD` (see checks/checkAsOf.ts); absent, the read is not filtered
 *   by validity.
 *
 * Calls the wrapper does not check (stats, ping, close, name) pass through.
 */
export function checkStoreCalls(store: GraphStore): GraphStore {
  const checked = Object.create(store) as GraphStore;
  for (const [method, check] of Object.entries(CHECKS) as [keyof GraphStore, Checked][]) {
    const original = store[method] as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(checked, method, {
      value: (...args: unknown[]): Promise<unknown> => {
        let passed: unknown[];
        try {
          passed = check(args);
        } catch (error) {
          return Promise.reject(error);
        }
        return original.apply(store, passed);
      },
    });
  }
  for (const method of ['stats', 'ping', 'close'] as const) {
    const original = store[method] as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(checked, method, { value: (...args: unknown[]) => original.apply(store, args) });
  }
  return checked;
}
