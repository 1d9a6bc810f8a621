import { NODE_KINDS, propertiesOf, propertyOf, type NodeKind, type PropertySpec } from '../../model/kinds';
import { RELATIONSHIP_TYPES, RELATIONSHIPS, type Direction, type RelationshipType } from '../../model/relationships';
import { ANALYTICS_LIMITS } from '../analytics';
import type { PropertyCondition } from '../port';
import { allRecordStatements } from './allRecordStatements';
import { schemaStatements } from './schema/schemaStatements';
import { ID_PROPERTY, OPERATORS_BY_TYPE, resolveCondition, type ConditionOperator, type ResolvedCondition } from './statements/conditions';
import { countEdgesStatement, type EdgeCountKey } from './statements/countEdges';
import { countNodesStatement } from './statements/countNodes';
import { pathsOfLengthStatement, shortestPathsStatement, type PathEnds } from './statements/findPaths';
import { getEdgesStatement } from './statements/getEdges';
import { neighbourStatement } from './statements/getNeighbours';
import { getNodesStatement } from './statements/getNodes';
import { listEdgesStatements, type EdgeSelection } from './statements/listEdges';
import { listNodesStatements, type ResolvedSortKey } from './statements/listNodes';
import type { Neo4jStatement } from './statements/Neo4jStatement';
import { neighbourhoodLayerStatement, neighbourhoodStartStatement, subgraphEdgesStatement } from './statements/neighbourhood';
import { searchStatements } from './statements/search';
import { pingStatement, statsStatements } from './statements/stats';
import { mergeEdgesStatement, mergeNodesStatement, missingEndpointStatement } from './statements/upsert';
import { validityChangesStatements } from './statements/validityChanges';

/** One statement the adapter can send: its name, text and the names of its parameters. */
export interface EnumeratedNeo4jStatement {
  readonly name: string;
  readonly text: string;
  readonly params: string[];
}

/** Keys read from parameter maps in the statements (`r.id`, `r.props`, `r.from`, `r.to`, `r.i` of `UNWIND $rows AS r`; `k.from`, `k.to`, `k.i` of `UNWIND $keys AS k`). */
export const NEO4J_PARAMETER_MAP_KEYS = ['id', 'props', 'from', 'to', 'i'] as const;

/**
 * Every statement shape the adapter can send, built by the same functions the
 * store calls, for a validator to check:
 * - the schema statements (constraint, range/text indexes, full-text index);
 * - getNodes for every kind;
 * - getEdges for every type and kind pair;
 * - getNeighbours for every type, direction and kind pair;
 * - listNodes (count and page) for every kind: unfiltered; with a condition
 *   for every property (and id) and every operator its type allows, ANDed,
 *   sorted by every property ascending; sorted by every property
 *   descending; and, for Task, one condition alone per operator and one sort
 *   key alone per direction;
 * - listEdges (count and page) for every type with fromIds, toIds and a
 *   condition for every end-node property and operator; for all types at
 *   once: unfiltered, with fromIds, with toIds, and with all of them;
 * - upsert: node MERGE per kind, relationship MERGE and missing-endpoint
 *   lookup per type and kind pair;
 * - stats and ping;
 * - the analyst statements (see {@link analyticsStatements});
 * - the reads as of a date and the validity changes (see {@link asOfStatements});
 * - the statements of the records of implementation (see allRecordStatements).
 * A condition is a fragment (`b.p <= $w3`) that depends only on its
 * property and operator, ANDed with numbered parameters, so the statements
 * carrying every fragment at once, plus the ones carrying none or one, cover
 * every shape the adapter sends.
 */
export function allNeo4jStatements(): EnumeratedNeo4jStatement[] {
  const statements: Neo4jStatement[] = [...schemaStatements()];

  for (const kind of NODE_KINDS) statements.push(getNodesStatement(kind, [sampleId(kind)]));

  for (const type of RELATIONSHIP_TYPES) {
    for (const [from, to] of kindPairs(type)) statements.push(getEdgesStatement(type, from, to, [{ i: 0, from: sampleId(from), to: sampleId(to) }]));
  }

  for (const type of RELATIONSHIP_TYPES) {
    for (const direction of ['OUT', 'IN'] as const satisfies readonly Direction[]) {
      const spec = RELATIONSHIPS[type];
      const anchors: readonly NodeKind[] = direction === 'OUT' ? spec.from : spec.to;
      const others: readonly NodeKind[] = direction === 'OUT' ? spec.to : spec.from;
      for (const anchor of anchors) {
        for (const other of others) statements.push(neighbourStatement(type, direction, anchor, other, [sampleId(anchor)]));
      }
    }
  }

  for (const kind of NODE_KINDS) {
    const props = [ID_PROPERTY, ...propertiesOf(kind)];
    const everyFragment = props.flatMap((spec) => OPERATORS_BY_TYPE[spec.type].map((op) => sampleCondition(spec, op)));
    statements.push(...nodePair(kind, [], []));
    statements.push(...nodePair(kind, everyFragment, props.map((spec) => ({ property: spec.name, direction: 'ASC' }))));
    statements.push(...nodePair(kind, [], props.map((spec) => ({ property: spec.name, direction: 'DESC' }))));
  }
  // One condition alone per operator, one sort key alone per direction (Task has every property type).
  const detailed: NodeKind = 'Task';
  const detailedProps = [ID_PROPERTY, ...propertiesOf(detailed)];
  for (const op of ['eq', 'isNull', 'in', 'lte', 'gte', 'contains'] as const) {
    const spec = detailedProps.find((p) => OPERATORS_BY_TYPE[p.type].includes(op));
    if (spec) statements.push(...nodePair(detailed, [sampleCondition(spec, op)], []));
  }
  for (const direction of ['ASC', 'DESC'] as const) statements.push(...nodePair(detailed, [], [{ property: 'dueYear', direction }]));

  for (const type of RELATIONSHIP_TYPES) {
    const spec = RELATIONSHIPS[type];
    const everyFragment = endProperties(spec.to).flatMap((prop) => OPERATORS_BY_TYPE[prop.type].map((op) => sampleCondition(prop, op)));
    statements.push(
      ...edgePair({
        types: [type],
        fromKinds: spec.from,
        toKinds: spec.to,
        fromIds: spec.from.map(sampleId),
        toIds: spec.to.map(sampleId),
        toWhere: everyFragment,
      }),
    );
  }
  const allFrom = unique(RELATIONSHIP_TYPES.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].from));
  const allTo = unique(RELATIONSHIP_TYPES.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].to));
  statements.push(...edgePair({ types: RELATIONSHIP_TYPES, fromKinds: allFrom, toKinds: allTo, toWhere: [] }));
  statements.push(...edgePair({ types: RELATIONSHIP_TYPES, fromKinds: allFrom, toKinds: allTo, fromIds: allFrom.map(sampleId), toWhere: [] }));
  statements.push(...edgePair({ types: RELATIONSHIP_TYPES, fromKinds: allFrom, toKinds: allTo, toIds: allTo.map(sampleId), toWhere: [] }));
  const everyEndFragment = endProperties(allTo).flatMap((prop) => OPERATORS_BY_TYPE[prop.type].map((op) => sampleCondition(prop, op)));
  statements.push(
    ...edgePair({ types: RELATIONSHIP_TYPES, fromKinds: allFrom, toKinds: allTo, fromIds: allFrom.map(sampleId), toIds: allTo.map(sampleId), toWhere: everyEndFragment }),
  );

  for (const kind of NODE_KINDS) statements.push(mergeNodesStatement(kind, [{ id: sampleId(kind), props: { name: 'x' } }]));
  for (const type of RELATIONSHIP_TYPES) {
    for (const [from, to] of kindPairs(type)) {
      const rows = [{ i: 0, from: sampleId(from), to: sampleId(to), props: { ordinal: 1 } }];
      statements.push(mergeEdgesStatement(type, from, to, rows), missingEndpointStatement(type, from, to, rows));
    }
  }

  const { nodes, edges } = statsStatements();
  statements.push(nodes, edges, pingStatement());

  statements.push(...analyticsStatements());
  statements.push(...asOfStatements());
  statements.push(...allRecordStatements());

  const seen = new Set<string>();
  const out: EnumeratedNeo4jStatement[] = [];
  for (const s of statements) {
    const key = `${s.name}\n${s.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: s.name, text: s.text, params: Object.keys(s.params) });
  }
  return out;
}

/**
 * The analyst statements. Labels and types only change names in the text
 * (each checked by the validator against the registry), so each shape is
 * built with the label or type lists it can carry (none, one, all) rather
 * than for every combination:
 * - search (count and page): any kind, one kind, every kind;
 * - paths: shortest with any type, one type and every type, at the cap and
 *   at depth 1; paths of each length from 1 to the cap with any type, and
 *   at the cap with one type and every type; the end kinds rotate through
 *   the registry (the `MATCH (a:Kind {id: $from})` lines are those of
 *   getNodes, checked above for every kind);
 * - neighbourhood: the start lookup (getNodes' MATCH, for Task); a layer
 *   with any, one and every type and kind; the relationships among the
 *   nodes with any, one and every type;
 * - countNodes: every kind at once (a UNION ALL branch per kind), plain and
 *   with a condition; Task under a condition for every property and
 *   operator (the WHERE of listNodes, checked above for every kind), in
 *   total and grouped; Task in one plan, in total and grouped by timeframe
 *   and by section (what the API asks);
 * - countEdges: the MATCH of listEdges (validated above for every type and
 *   condition) with each RETURN it can carry: grouped by nothing, by type,
 *   by from and type, by to, and by type, from and to under a condition
 *   for every end-node property.
 */
function analyticsStatements(): Neo4jStatement[] {
  const out: Neo4jStatement[] = [];
  const terms = ['so', 'khoa', 'hoc'];
  for (const kinds of [undefined, ['Task'] as NodeKind[], NODE_KINDS]) {
    const { count, page } = searchStatements(terms, kinds, 0, 10);
    out.push(count, page);
  }

  const max = ANALYTICS_LIMITS.maxPathDepth;
  let turn = 0;
  const ends = (types: readonly RelationshipType[] | undefined): PathEnds => {
    const fromKind = NODE_KINDS[turn % NODE_KINDS.length] as NodeKind;
    const toKind = NODE_KINDS[(turn + 7) % NODE_KINDS.length] as NodeKind;
    turn += 1;
    return { from: sampleId(fromKind), to: sampleId(toKind), fromKind, toKind, types };
  };
  for (const types of [undefined, ['LEADS'] as RelationshipType[], RELATIONSHIP_TYPES]) {
    out.push(shortestPathsStatement(ends(types), max, 10), pathsOfLengthStatement(ends(types), max, 10));
  }
  out.push(shortestPathsStatement(ends(undefined), 1, 10));
  for (let length = 1; length < max; length++) out.push(pathsOfLengthStatement(ends(undefined), length, 10));

  out.push(neighbourhoodStartStatement('Task', [sampleId('Task')]));
  const layerKinds: (readonly NodeKind[] | undefined)[] = [undefined, ['Task'], NODE_KINDS];
  [undefined, ['LEADS'] as RelationshipType[], RELATIONSHIP_TYPES].forEach((types, i) => {
    out.push(neighbourhoodLayerStatement(types, layerKinds[i], ['e1'], ['e1'], 10), subgraphEdgesStatement(types, ['e1', 'e2']));
  });

  const common = propertiesOf('Task')[0] as PropertySpec;
  out.push(countNodesStatement(NODE_KINDS, [], undefined), countNodesStatement(NODE_KINDS, [sampleCondition(common, 'eq')], undefined));
  const taskProps = [ID_PROPERTY, ...propertiesOf('Task')];
  const everyTaskFragment = taskProps.flatMap((spec) => OPERATORS_BY_TYPE[spec.type].map((op) => sampleCondition(spec, op)));
  out.push(countNodesStatement(['Task'], everyTaskFragment, undefined), countNodesStatement(['Task'], everyTaskFragment, 'dueYear'));
  const inPlan = [sampleCondition(propertyOf('Task', 'planId') as PropertySpec, 'eq')];
  for (const property of [undefined, 'timeframe', 'section']) out.push(countNodesStatement(['Task'], inPlan, property));

  const allFrom = unique(RELATIONSHIP_TYPES.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].from));
  const allTo = unique(RELATIONSHIP_TYPES.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].to));
  const everything = { types: RELATIONSHIP_TYPES, fromKinds: allFrom, toKinds: allTo, toWhere: [] };
  for (const groupBy of [[], ['type'], ['from', 'type'], ['to']] as EdgeCountKey[][]) out.push(countEdgesStatement(everything, groupBy));
  const everyEndFragment = endProperties(allTo).flatMap((prop) => OPERATORS_BY_TYPE[prop.type].map((op) => sampleCondition(prop, op)));
  out.push(countEdgesStatement({ ...everything, toWhere: everyEndFragment }, ['type', 'from', 'to']));
  return out;
}

/**
 * The reads as of a date and the list of validity changes. The as-of
 * predicates (`validFrom`/`validTo` against `$asOf`) are the same fragment
 * on any variable, ANDed after the other predicates, so each read is built
 * once with them, at its widest: getNeighbours per direction; listNodes
 * with every condition of Task and unfiltered on Agency; listEdges with
 * every filter; countNodes and countEdges; search; paths (shortest and of
 * one length); the three neighbourhood statements; validity changes with
 * and without kinds, types, range and cursor.
 */
function asOfStatements(): Neo4jStatement[] {
  const asOf = '2020-07-01';
  const out: Neo4jStatement[] = [];
  for (const direction of ['OUT', 'IN'] as const) out.push(neighbourStatement('LEADS', direction, direction === 'OUT' ? 'Agency' : 'Task', direction === 'OUT' ? 'Task' : 'Agency', [sampleId('Agency')], asOf));
  const taskProps = [ID_PROPERTY, ...propertiesOf('Task')];
  const everyTaskFragment = taskProps.flatMap((spec) => OPERATORS_BY_TYPE[spec.type].map((op) => sampleCondition(spec, op)));
  out.push(...nodePair('Task', everyTaskFragment, [{ property: 'dueYear', direction: 'ASC' }], asOf), ...nodePair('Agency', [], [], asOf));
  const allFrom = unique(RELATIONSHIP_TYPES.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].from));
  const allTo = unique(RELATIONSHIP_TYPES.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].to));
  const everyEndFragment = endProperties(allTo).flatMap((prop) => OPERATORS_BY_TYPE[prop.type].map((op) => sampleCondition(prop, op)));
  out.push(
    ...edgePair({ types: RELATIONSHIP_TYPES, fromKinds: allFrom, toKinds: allTo, fromIds: allFrom.map(sampleId), toIds: allTo.map(sampleId), toWhere: everyEndFragment, asOf }),
  );
  out.push(countNodesStatement(NODE_KINDS, [], undefined, asOf), countNodesStatement(['Task'], everyTaskFragment, 'dueYear', asOf));
  out.push(countEdgesStatement({ types: RELATIONSHIP_TYPES, fromKinds: allFrom, toKinds: allTo, toWhere: everyEndFragment, asOf }, ['type', 'from', 'to']));
  for (const kinds of [undefined, ['Task'] as NodeKind[]]) {
    const { count, page } = searchStatements(['so', 'khoa'], kinds, 0, 10, asOf);
    out.push(count, page);
  }
  const ends: PathEnds = { from: sampleId('Task'), to: sampleId('Agency'), fromKind: 'Task', toKind: 'Agency', types: undefined, asOf };
  out.push(shortestPathsStatement(ends, ANALYTICS_LIMITS.maxPathDepth, 10), pathsOfLengthStatement({ ...ends, types: ['LEADS'] }, 2, 10));
  out.push(
    neighbourhoodStartStatement('Task', [sampleId('Task')], asOf),
    neighbourhoodLayerStatement(undefined, undefined, ['e1'], ['e1'], 10, asOf),
    neighbourhoodLayerStatement(['LEADS'], ['Task'], ['e1'], ['e1'], 10, asOf),
    subgraphEdgesStatement(undefined, ['e1', 'e2'], asOf),
  );
  const after = { date: asOf, key: sampleId('Task'), change: 'ENDS' as const };
  for (const selection of [
    { kinds: NODE_KINDS, types: RELATIONSHIP_TYPES },
    { kinds: NODE_KINDS, types: RELATIONSHIP_TYPES, from: '2019-01-01', to: '2021-01-01' },
    { kinds: ['Agency'] as NodeKind[], types: [], from: '2019-01-01' },
    { kinds: [], types: ['SUCCEEDED_BY'] as RelationshipType[], to: '2021-01-01' },
  ]) {
    const { count, page } = validityChangesStatements(selection, undefined, 10);
    out.push(count, page, validityChangesStatements(selection, after, 10).page);
  }
  return out;
}

function nodePair(kind: NodeKind, conditions: ResolvedCondition[], orderBy: ResolvedSortKey[], asOf?: string): Neo4jStatement[] {
  const { count, page } = listNodesStatements(kind, conditions, orderBy, 0, 10, asOf);
  return [count, page];
}

function edgePair(selection: EdgeSelection): Neo4jStatement[] {
  const { count, page } = listEdgesStatements(selection, 0, 10);
  return [count, page];
}

function kindPairs(type: RelationshipType): [NodeKind, NodeKind][] {
  const spec = RELATIONSHIPS[type];
  return spec.from.flatMap((from) => spec.to.map((to): [NodeKind, NodeKind] => [from, to]));
}

/** Properties of the end kinds (first spec of each name) and id. */
function endProperties(kinds: readonly NodeKind[]): PropertySpec[] {
  const byName = new Map<string, PropertySpec>([[ID_PROPERTY.name, ID_PROPERTY]]);
  for (const kind of kinds) for (const p of propertiesOf(kind)) if (!byName.has(p.name)) byName.set(p.name, p);
  return [...byName.values()];
}

function sampleId(kind: NodeKind): string {
  return `${kind}:sample`;
}

function sampleCondition(spec: PropertySpec, operator: ConditionOperator): ResolvedCondition {
  const value = spec.type === 'int' ? 1 : spec.type === 'boolean' ? true : (spec.values?.[0] ?? 'x');
  const condition: PropertyCondition =
    operator === 'isNull'
      ? { property: spec.name, eq: null }
      : operator === 'in'
        ? { property: spec.name, in: [value as string | number] }
        : operator === 'lte'
          ? { property: spec.name, lte: 1 }
          : operator === 'gte'
            ? { property: spec.name, gte: 1 }
            : operator === 'contains'
              ? { property: spec.name, contains: 'x' }
              : { property: spec.name, eq: value };
  return resolveCondition(condition);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
