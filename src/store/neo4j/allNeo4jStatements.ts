import { NODE_KINDS, propertiesOf, type NodeKind, type PropertySpec } from '../../model/kinds';
import { RELATIONSHIP_TYPES, RELATIONSHIPS, type Direction, type RelationshipType } from '../../model/relationships';
import type { PropertyCondition } from '../port';
import { getNodesStatement } from './cypher/getNodesStatement';
import { listEdgesStatements, type EdgeSelection } from './cypher/listEdgesStatements';
import { listNodesStatements, type ResolvedSortKey } from './cypher/listNodesStatements';
import { mergeEdgesStatement } from './cypher/mergeEdgesStatement';
import { mergeNodesStatement } from './cypher/mergeNodesStatement';
import { missingEndpointStatement } from './cypher/missingEndpointStatement';
import type { Neo4jStatement } from './cypher/Neo4jStatement';
import { neighbourStatement } from './cypher/neighbourStatement';
import { pingStatement } from './cypher/pingStatement';
import { OPERATORS_BY_TYPE, resolveCondition, type ConditionOperator, type ResolvedCondition } from './cypher/resolveCondition';
import { schemaStatements } from './cypher/schemaStatements';
import { statsStatements } from './cypher/statsStatements';
import { ID_PROPERTY } from './nodePropertySpec';

/** One statement the adapter can send: its name, text and the names of its parameters. */
export interface EnumeratedNeo4jStatement {
  readonly name: string;
  readonly cypher: string;
  readonly params: string[];
}

/** Keys read from parameter maps in the statements (`r.id`, `r.props`, `r.from`, `r.to`, `r.i` of `UNWIND $rows AS r`). */
export const NEO4J_PARAMETER_MAP_KEYS = ['id', 'props', 'from', 'to', 'i'] as const;

/**
 * Every statement shape the adapter can send, built by the same functions the
 * store calls, for a validator to check:
 * - the schema statements (constraint, range/text indexes, full-text index);
 * - getNodes for every kind;
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
 * - stats and ping.
 * A condition is a fragment (`b.p <= $w3`) that depends only on its
 * property and operator, ANDed with numbered parameters, so the statements
 * carrying every fragment at once, plus the ones carrying none or one, cover
 * every shape the adapter sends.
 */
export function allNeo4jStatements(): EnumeratedNeo4jStatement[] {
  const statements: Neo4jStatement[] = [...schemaStatements()];

  for (const kind of NODE_KINDS) statements.push(getNodesStatement(kind, [sampleId(kind)]));

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

  const seen = new Set<string>();
  const out: EnumeratedNeo4jStatement[] = [];
  for (const s of statements) {
    const key = `${s.name}\n${s.cypher}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: s.name, cypher: s.cypher, params: Object.keys(s.params) });
  }
  return out;
}

function nodePair(kind: NodeKind, conditions: ResolvedCondition[], orderBy: ResolvedSortKey[]): Neo4jStatement[] {
  const { count, page } = listNodesStatements(kind, conditions, orderBy, 0, 10);
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
  return resolveCondition(condition, spec, 'allNeo4jStatements', 'the sample');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
