import { StoreInputError } from '../../../errors';
import { COMMON_PROPERTIES, isNodeKind, type NodeKind, type PropertySpec } from '../../../model/kinds';
import { RELATIONSHIP_TYPES, RELATIONSHIPS, isRelationshipType } from '../../../model/relationships';
import { ANALYTICS_LIMITS, type EdgeCountQuery, type NeighbourhoodQuery, type NodeCountQuery, type PathQuery, type SearchQuery } from '../../analytics';
import type { EdgeListQuery, NeighbourQuery, NodeListQuery, PropertyCondition } from '../../port';
import { CONDITION_KEYS, ID_PROPERTY, nodePropertySpec, OPERATORS_BY_TYPE, type ConditionOperator } from '../statements/conditions';

/*
 * The argument checks of the port as this adapter has made them so far, one
 * function per method, each called first by its method: they throw
 * StoreInputError naming the method, the argument and the bad value, and
 * the methods then trust their input. They give way to the shared wrapper
 * src/store/checkStoreCalls.ts once it is merged (upsert batches are checked
 * by bulk/prepareUpsert.ts, which also converts them).
 */

export function checkGetNodes(ids: readonly string[]): void {
  checkList(ids, 'getNodes: ids');
}

export function checkGetEdges(keys: unknown): void {
  checkList(keys, 'getEdges: keys');
}

export function checkGetNeighbours(query: NeighbourQuery): void {
  checkList(query?.ids, 'getNeighbours: ids');
  const { type, direction } = query;
  if (!isRelationshipType(String(type))) throw new StoreInputError(`getNeighbours: unknown relationship type "${String(type)}"`);
  if (direction !== 'OUT' && direction !== 'IN') throw new StoreInputError(`getNeighbours: direction must be OUT or IN (got "${String(direction)}")`);
}

export function checkListNodes(query: NodeListQuery): void {
  const kind = query.kind;
  if (!isNodeKind(String(kind))) throw new StoreInputError(`listNodes: unknown kind "${String(kind)}"`);
  const doing = `listNodes(${kind})`;
  for (const c of listOrEmpty(query.where, `${doing}: where`)) checkCondition(c, nodePropertySpec(kind, c?.property), doing, kind);
  for (const key of listOrEmpty(query.orderBy, `${doing}: orderBy`)) {
    if (key === null || typeof key !== 'object' || !nodePropertySpec(kind, key.property)) throw new StoreInputError(`${doing}: cannot sort on "${String(key.property)}", which ${kind} does not have`);
    if (key.direction !== 'ASC' && key.direction !== 'DESC') {
      throw new StoreInputError(`${doing}: sort direction must be ASC or DESC (got "${String(key.direction)}")`);
    }
  }
  checkPaging(query.offset, query.limit, doing);
}

export function checkListEdges(query: EdgeListQuery): void {
  const doing = 'listEdges';
  checkList(query?.types, `${doing}: types`);
  if (query.fromIds !== undefined) checkList(query.fromIds, `${doing}: fromIds`);
  if (query.toIds !== undefined) checkList(query.toIds, `${doing}: toIds`);
  for (const type of query.types) {
    if (!isRelationshipType(String(type))) throw new StoreInputError(`${doing}: unknown relationship type "${String(type)}"`);
  }
  checkPaging(query.offset, query.limit, doing);
  checkEndConditions(query.types, query.toWhere, doing);
}

export function checkSearch(query: SearchQuery): void {
  const doing = 'search';
  checkList(query?.terms, `${doing}: terms`);
  const terms = query.terms;
  if (terms.length === 0 || terms.length > ANALYTICS_LIMITS.maxSearchTerms) {
    throw new StoreInputError(`${doing}: terms must hold 1 to ${ANALYTICS_LIMITS.maxSearchTerms} terms (got ${terms.length})`);
  }
  for (const term of terms) {
    if (typeof term !== 'string') throw new StoreInputError(`${doing}: every term must be a string (got ${JSON.stringify(term)})`);
  }
  if (query.kinds !== undefined) checkKinds(query.kinds, `${doing}: kinds`);
  checkPaging(query.offset, query.limit, doing);
}

export function checkFindPaths(query: PathQuery): void {
  const doing = 'findPaths';
  if (query === null || typeof query !== 'object') throw new StoreInputError(`${doing}: the query must be an object`);
  const mode = query.mode;
  if (mode !== 'SHORTEST' && mode !== 'ALL') throw new StoreInputError(`${doing}: mode must be SHORTEST or ALL (got "${String(mode)}")`);
  checkBounded(query.maxDepth, ANALYTICS_LIMITS.maxPathDepth, `${doing}: maxDepth`);
  checkBounded(query.limit, ANALYTICS_LIMITS.maxPaths, `${doing}: limit`);
  if (query.types !== undefined) checkTypes(query.types, `${doing}: types`);
}

export function checkNeighbourhood(query: NeighbourhoodQuery): void {
  const doing = 'neighbourhood';
  checkList(query?.ids, `${doing}: ids`);
  checkBounded(query.depth, ANALYTICS_LIMITS.maxNeighbourhoodDepth, `${doing}: depth`);
  checkBounded(query.limit, ANALYTICS_LIMITS.maxNeighbourhoodNodes, `${doing}: limit`);
  if (query.kinds !== undefined) checkKinds(query.kinds, `${doing}: kinds`);
  if (query.types !== undefined) checkTypes(query.types, `${doing}: types`);
}

export function checkCountNodes(query: NodeCountQuery): void {
  const doing = 'countNodes';
  if (query === null || typeof query !== 'object') throw new StoreInputError(`${doing}: the query must be an object`);
  const { kind, groupBy } = query;
  if (kind !== undefined && !isNodeKind(String(kind))) throw new StoreInputError(`${doing}: unknown kind "${String(kind)}"`);
  if (groupBy !== undefined) {
    if (kind === undefined) throw new StoreInputError(`${doing}: groupBy ("${String(groupBy)}") needs a kind`);
    if (!nodePropertySpec(kind, groupBy)) throw new StoreInputError(`${doing}: cannot group ${kind} by "${String(groupBy)}", which ${kind} does not have`);
  }
  // Without a kind, conditions may only name what every kind has (id and the common properties), as on Kùzu.
  const owner = kind ?? 'every kind (id or a common property)';
  for (const c of listOrEmpty(query.where, `${doing}: where`)) {
    checkCondition(c, kind !== undefined ? nodePropertySpec(kind, c?.property) : commonPropertySpec(c?.property), doing, owner);
  }
}

export function checkCountEdges(query: EdgeCountQuery): void {
  const doing = 'countEdges';
  checkList(query?.types, `${doing}: types`);
  checkTypes(query.types, `${doing}: types`);
  checkList(query.groupBy, `${doing}: groupBy`);
  const seen: string[] = [];
  for (const key of query.groupBy) {
    if (key !== 'type' && key !== 'from' && key !== 'to') throw new StoreInputError(`${doing}: cannot group by "${String(key)}" (type, from or to)`);
    if (seen.includes(key)) throw new StoreInputError(`${doing}: groupBy names "${key}" twice`);
    seen.push(key);
  }
  if (query.fromKinds !== undefined) checkKinds(query.fromKinds, `${doing}: fromKinds`);
  checkEndConditions(RELATIONSHIP_TYPES.filter((t) => query.types.includes(t)), query.toWhere, doing);
}

/** Conditions on the end nodes of relationships of `types`: `id` or a property of at least one end kind. */
function checkEndConditions(types: readonly string[], toWhere: readonly PropertyCondition[] | undefined, doing: string): void {
  const allTo = [...new Set(types.flatMap((t): readonly NodeKind[] => (isRelationshipType(t) ? RELATIONSHIPS[t].to : [])))];
  for (const c of listOrEmpty(toWhere, `${doing}: toWhere`)) {
    checkCondition(c, endPropertySpec(allTo, c?.property), doing, `the end nodes (${allTo.join(', ') || 'none'})`);
  }
}

/**
 * Checks one condition against the spec of its property. Throws
 * {@link StoreInputError} naming `doing`, the property and the bad value when
 * the property is unknown to `owner` (`spec` undefined), when not exactly one
 * operator is set, or when the operator or value does not fit the
 * property's type.
 */
function checkCondition(condition: PropertyCondition, spec: PropertySpec | undefined, doing: string, owner: string): void {
  if (condition === null || typeof condition !== 'object') throw new StoreInputError(`${doing}: a condition must be an object`);
  const property = condition.property;
  const bad = (why: string) => new StoreInputError(`${doing}: condition on "${String(property)}" ${why}`);
  if (!spec) throw bad(`names no property of ${owner}`);
  const set = CONDITION_KEYS.filter((key) => condition[key] !== undefined);
  if (set.length !== 1) throw bad(`must set exactly one operator of ${CONDITION_KEYS.join(', ')} (got ${set.length === 0 ? 'none' : set.join(', ')})`);
  const key = set[0] as (typeof CONDITION_KEYS)[number];
  const raw = condition[key];
  const operator: ConditionOperator = key === 'eq' && raw === null ? 'isNull' : key;
  if (!OPERATORS_BY_TYPE[spec.type].includes(operator)) throw bad(`cannot use ${key} on a ${spec.type} property`);
  switch (operator) {
    case 'isNull':
      return;
    case 'eq':
      return checkScalar(spec, raw, bad);
    case 'in':
      if (!Array.isArray(raw)) throw bad('needs a list for in');
      for (const item of raw as unknown[]) checkScalar(spec, item, bad);
      return;
    case 'lte':
    case 'gte':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw bad(`needs a finite number for ${key} (got ${JSON.stringify(raw)})`);
      return;
    case 'contains':
      if (typeof raw !== 'string') throw bad(`needs a string for contains (got ${JSON.stringify(raw)})`);
      return;
  }
}

function checkScalar(spec: PropertySpec, value: unknown, bad: (why: string) => StoreInputError): void {
  if (spec.type === 'string' && typeof value === 'string') return;
  if (spec.type === 'boolean' && typeof value === 'boolean') return;
  if (spec.type === 'int' && typeof value === 'number' && Number.isSafeInteger(value)) return;
  throw bad(`expects ${spec.type} values (got ${JSON.stringify(value)})`);
}

/** The spec of `id` or of a property every kind has. */
function commonPropertySpec(name: unknown): PropertySpec | undefined {
  if (name === 'id') return ID_PROPERTY;
  return COMMON_PROPERTIES.find((p) => p.name === name);
}

/** The spec of a property of the end node of a relationship list: `id` or a property of at least one end kind. */
function endPropertySpec(kinds: readonly NodeKind[], name: unknown): PropertySpec | undefined {
  if (name === 'id') return ID_PROPERTY;
  for (const kind of kinds) {
    const spec = nodePropertySpec(kind, name);
    if (spec) return spec;
  }
  return undefined;
}

function checkKinds(kinds: unknown, what: string): void {
  checkList(kinds, what);
  for (const kind of kinds as unknown[]) {
    if (!isNodeKind(String(kind))) throw new StoreInputError(`${what}: unknown kind "${String(kind)}"`);
  }
}

function checkTypes(types: unknown, what: string): void {
  checkList(types, what);
  for (const type of types as unknown[]) {
    if (!isRelationshipType(String(type))) throw new StoreInputError(`${what}: unknown relationship type "${String(type)}"`);
  }
}

/** An integer from 1 to `cap` (a cap of {@link ANALYTICS_LIMITS}); StoreInputError naming `what` otherwise. */
function checkBounded(value: unknown, cap: number, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > cap) {
    throw new StoreInputError(`${what} must be an integer from 1 to ${cap} (got ${String(value)})`);
  }
}

function checkPaging(offset: number, limit: number, doing: string): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new StoreInputError(`${doing}: offset must be an integer >= 0 (got ${String(offset)})`);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StoreInputError(`${doing}: limit must be an integer >= 1 (got ${String(limit)})`);
}

function checkList(value: unknown, what: string): void {
  if (!Array.isArray(value)) throw new StoreInputError(`${what} must be a list`);
}

function listOrEmpty<T>(value: readonly T[] | undefined, what: string): readonly T[] {
  if (value === undefined) return [];
  checkList(value, what);
  return value;
}
