import { propertiesOf, type NodeKind, type PropertySpec } from '../../../model/kinds';
import { RELATIONSHIP_PROPERTIES, type RelationshipType } from '../../../model/relationships';
import type { PropertyValue } from '../../port';
import { quoteIdentifier as q, type Statement } from './Statement';

/** A node to merge: its id, kind and the properties given (others stay as stored). */
export interface NodeWrite {
  readonly id: string;
  readonly kind: NodeKind;
  readonly props: Map<string, PropertyValue>;
}

/** A relationship to merge, with its endpoint kinds. */
export interface EdgeWrite {
  readonly type: RelationshipType;
  readonly from: string;
  readonly fromKind: NodeKind;
  readonly to: string;
  readonly toKind: NodeKind;
  readonly props: Map<string, PropertyValue>;
  /** "HAS_TASK Plan:p -> Task:t", for messages. */
  readonly name: string;
}

/** Rows per UNWIND statement. */
const ROWS_PER_STATEMENT = 1000;

/**
 * A merge statement of upsert and what it merges. It answers one row
 * `{created, updated, unchanged}` counting its records (see the port's
 * UpsertResult); `records` is how many distinct records it was given, so
 * the three must add up to it.
 */
export interface MergeStatement extends Statement {
  readonly records: number;
  /** The kind merged (node statements only). */
  readonly kind?: NodeKind;
}

/** The count columns every merge statement returns, from the flags `created` and `changed` of each row. */
const COUNTS =
  'RETURN count(CASE WHEN created THEN 1 END) AS created, count(CASE WHEN changed THEN 1 END) AS updated, ' +
  'count(CASE WHEN NOT created AND NOT changed THEN 1 END) AS unchanged';

/**
 * The merges of upsert, one statement per kind, set of given properties and
 * chunk of up to 1,000 rows: `UNWIND ... OPTIONAL MATCH (o:Kind {id: r.id})`
 * reads the stored node before the write, in the same statement, to flag
 * each row `created` (none stored) or `changed` (a given property differs,
 * see {@link differs}), then `MERGE (n:Kind {id: r.id}) SET ...` (properties
 * given are set, null clears, others stay) and the counts are returned.
 * Exact because the rows are distinct ids and the store has one writer.
 */
export function nodeStatements(nodes: readonly NodeWrite[]): MergeStatement[] {
  const groups = groupBy(nodes, (n) => `${n.kind}\n${[...n.props.keys()].sort().join(',')}`);
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const specs = propertiesOf(first.kind).filter((spec) => first.props.has(spec.name));
    const sets = specs.map((spec, i) => `n.${q(spec.name)} = r.v${i}`);
    const text =
      `UNWIND list_slice($rows, 2, size($rows) + 1) AS r OPTIONAL MATCH (o:${q(first.kind)} {id: r.id}) ` +
      `WITH r, o IS NULL AS created, ${differs('o', specs)} AS changed ` +
      `MERGE (n:${q(first.kind)} {id: r.id})` +
      (sets.length ? ` SET ${sets.join(', ')}` : '') +
      ` ${COUNTS}`;
    return chunk(group).map((rows) => ({
      text,
      params: { rows: [witness({ id: '' }, specs), ...rows.map((n) => row({ id: n.id }, specs, n.props))] },
      doing: 'merging nodes',
      records: rows.length,
      kind: first.kind,
    }));
  });
}

/**
 * The merges of upsert for relationships, one statement per type, endpoint
 * kinds, set of given properties and chunk of up to 1,000 rows: the
 * endpoints are found, the stored relationship is read (`OPTIONAL MATCH
 * (a)-[o:TYPE]->(b)`) to flag the row as for nodes, then it is merged and
 * the counts returned.
 */
export function edgeStatements(edges: readonly EdgeWrite[]): MergeStatement[] {
  const groups = groupBy(edges, (e) => `${e.type}\n${e.fromKind}\n${e.toKind}\n${[...e.props.keys()].sort().join(',')}`);
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const specs = RELATIONSHIP_PROPERTIES.filter((spec) => first.props.has(spec.name));
    const sets = specs.map((spec, i) => `e.${q(spec.name)} = r.v${i}`);
    const type = q(first.type);
    // Both endpoints exist (checked before the transaction), so these MERGEs only find them, by primary key.
    const text =
      `UNWIND list_slice($rows, 2, size($rows) + 1) AS r MERGE (a:${q(first.fromKind)} {id: r.src}) ` +
      `MERGE (b:${q(first.toKind)} {id: r.dst}) WITH a, b, r OPTIONAL MATCH (a)-[o:${type}]->(b) ` +
      `WITH a, b, r, o IS NULL AS created, ${differs('o', specs)} AS changed ` +
      `MERGE (a)-[e:${type}]->(b)` +
      (sets.length ? ` SET ${sets.join(', ')}` : '') +
      ` ${COUNTS}`;
    return chunk(group).map((rows) => ({
      text,
      params: { rows: [witness({ src: '', dst: '' }, specs), ...rows.map((e) => row({ src: e.from, dst: e.to }, specs, e.props))] },
      doing: 'merging relationships',
      records: rows.length,
    }));
  });
}

/**
 * True when `stored` (a node or relationship variable, null when none is
 * stored) exists and one of the given properties `specs` (row fields v0,
 * v1...) differs from its stored value: two nulls are equal, a null and a
 * value differ, two values differ unless `=`. `false` when none is given.
 */
function differs(stored: string, specs: readonly PropertySpec[]): string {
  if (specs.length === 0) return 'false';
  const tests = specs.map((spec, i) => {
    const old = `${stored}.${q(spec.name)}`;
    return `NOT coalesce(${old} = r.v${i}, ${old} IS NULL AND r.v${i} IS NULL)`;
  });
  return `(${stored} IS NOT NULL AND (${tests.join(' OR ')}))`;
}

/**
 * The first row of every UNWIND list: Kùzu infers the type of a list of
 * structs from its first element, so it carries a non-null value of the right
 * type in every field (a null there would be typed STRING). It is never
 * written: the statements unwind `list_slice($rows, 2, ...)`.
 */
function witness(keys: Record<string, string>, specs: readonly PropertySpec[]): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = { ...keys };
  specs.forEach((spec, i) => (out[`v${i}`] = spec.type === 'int' ? 0 : spec.type === 'boolean' ? false : ''));
  return out;
}

/** A row with the same keys, in the same order, as its witness; null where a property is cleared. */
function row(keys: Record<string, string>, specs: readonly PropertySpec[], props: Map<string, PropertyValue>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = { ...keys };
  specs.forEach((spec, i) => (out[`v${i}`] = props.get(spec.name) ?? null));
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunk<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}
