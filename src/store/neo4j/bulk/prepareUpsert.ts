import { int } from 'neo4j-driver';
import { StoreInputError } from '../../../errors';
import { parseId } from '../../../model/ids';
import { isNodeKind, propertiesOf, type NodeKind, type PropertySpec } from '../../../model/kinds';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIPS, isRelationshipType, type RelationshipType } from '../../../model/relationships';
import type { EdgeRecord, GraphBatch } from '../../port';
import { describeEdge } from '../records/readEdgeRecord';
import { rangeIndexedProperties } from '../schema/schemaStatements';
import type { EdgeRow, NodeRow } from '../statements/upsert';

/** Node rows of one kind. */
export interface NodeGroup {
  readonly kind: NodeKind;
  readonly rows: NodeRow[];
}

/** Relationship rows of one type between one pair of kinds. */
export interface EdgeGroup {
  readonly type: RelationshipType;
  readonly fromKind: NodeKind;
  readonly toKind: NodeKind;
  readonly rows: EdgeRow[];
}

/** A batch checked against the registries and grouped by label / type and kind pair, in first-seen order. */
export interface PreparedUpsert {
  readonly nodes: readonly NodeGroup[];
  readonly edges: readonly EdgeGroup[];
}

/**
 * Largest UTF-8 size of a string stored in a range-indexed property. Neo4j's
 * range index keys hold at most 8167 bytes and a longer value fails the
 * whole transaction; this check fails it earlier, naming id and property.
 */
export const NEO4J_INDEXED_STRING_MAX_BYTES = 8000;

/**
 * Checks a batch against the registries BEFORE anything is sent and groups it
 * for `UNWIND` statements. Throws {@link StoreInputError} naming the node id
 * or the relationship (`TYPE from -> to`) and the property at fault when:
 * the batch or an entry is not an object; an id is malformed or its prefix
 * differs from the node's kind; a relationship type is unknown or joins kinds
 * the registry does not allow; a property is not in the registry; a value
 * has the wrong type (int: a safe integer; string: well-formed Unicode, no
 * lone surrogate; a range-indexed string at most
 * {@link NEO4J_INDEXED_STRING_MAX_BYTES} bytes).
 *
 * Repeated entries (same node id; same type, start and end) become one row
 * whose properties are merged in batch order, later ones winning. Integer
 * values become neo4j Integers (a JavaScript number would be stored as a
 * float); null values are kept (they remove the stored property); undefined
 * ones are dropped (not given).
 */
export function prepareUpsert(batch: GraphBatch): PreparedUpsert {
  if (batch === null || typeof batch !== 'object') throw new StoreInputError('upsert: the batch must be an object with nodes and edges');
  const nodeList = listOf(batch.nodes, 'nodes');
  const edgeList = listOf(batch.edges, 'edges');

  const nodes = new Map<NodeKind, { kind: NodeKind; rows: Map<string, Record<string, unknown>> }>();
  nodeList.forEach((entry, i) => {
    if (entry === null || typeof entry !== 'object') throw new StoreInputError(`upsert: nodes[${i}] is not a node record`);
    const kind = checkNode(entry.id, entry.kind, i);
    const owner = `node ${entry.id}`;
    const props = convertProps(propertiesOf(kind), entry.props, owner, rangeIndexedProperties(kind));
    let group = nodes.get(kind);
    if (!group) nodes.set(kind, (group = { kind, rows: new Map() }));
    group.rows.set(entry.id, { ...group.rows.get(entry.id), ...props });
  });

  const edges = new Map<string, { type: RelationshipType; fromKind: NodeKind; toKind: NodeKind; rows: Map<string, EdgeRow> }>();
  edgeList.forEach((entry, i) => {
    if (entry === null || typeof entry !== 'object') throw new StoreInputError(`upsert: edges[${i}] is not a relationship record`);
    const { type, fromKind, toKind } = checkEdge(entry);
    const props = convertProps(RELATIONSHIP_PROPERTIES, entry.props, `relationship ${describeEdge(entry)}`, []);
    const key = `${type} ${fromKind} ${toKind}`;
    let group = edges.get(key);
    if (!group) edges.set(key, (group = { type, fromKind, toKind, rows: new Map() }));
    const rowKey = `${entry.from} ${entry.to}`;
    const previous = group.rows.get(rowKey);
    group.rows.set(rowKey, {
      i: previous?.i ?? group.rows.size,
      from: entry.from,
      to: entry.to,
      props: { ...previous?.props, ...props },
    });
  });

  return {
    nodes: [...nodes.values()].map((g) => ({ kind: g.kind, rows: [...g.rows].map(([id, props]) => ({ id, props })) })),
    edges: [...edges.values()].map((g) => ({ type: g.type, fromKind: g.fromKind, toKind: g.toKind, rows: [...g.rows.values()] })),
  };
}

/** Rows per UNWIND statement of an upsert (all chunks share one transaction). */
export const NEO4J_UPSERT_CHUNK_SIZE = 1000;

/** `rows` in slices of {@link NEO4J_UPSERT_CHUNK_SIZE}, in order. */
export function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += NEO4J_UPSERT_CHUNK_SIZE) yield rows.slice(i, i + NEO4J_UPSERT_CHUNK_SIZE);
}

function listOf<T>(value: readonly T[] | undefined, name: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new StoreInputError(`upsert: ${name} must be a list`);
  return value;
}

function checkNode(id: unknown, kind: unknown, index: number): NodeKind {
  const parsed = parseId(id as string);
  if (typeof parsed === 'string') throw new StoreInputError(`upsert: nodes[${index}] has a malformed id: ${parsed}`);
  if (typeof kind !== 'string' || !isNodeKind(kind) || kind !== parsed.kind) {
    throw new StoreInputError(`upsert: node ${String(id)} has kind "${String(kind)}" but its id names the kind ${parsed.kind}`);
  }
  return parsed.kind;
}

function checkEdge(edge: EdgeRecord): { type: RelationshipType; fromKind: NodeKind; toKind: NodeKind } {
  const name = describeEdge(edge);
  const type = edge.type;
  if (typeof type !== 'string' || !isRelationshipType(type)) throw new StoreInputError(`upsert: relationship ${name} has an unknown type`);
  const spec = RELATIONSHIPS[type];
  const from = parseId(edge.from);
  if (typeof from === 'string') throw new StoreInputError(`upsert: relationship ${name} has a malformed start id: ${from}`);
  const to = parseId(edge.to);
  if (typeof to === 'string') throw new StoreInputError(`upsert: relationship ${name} has a malformed end id: ${to}`);
  if (!(spec.from as readonly NodeKind[]).includes(from.kind)) {
    throw new StoreInputError(`upsert: relationship ${name} cannot start at a ${from.kind} (${type} starts at ${spec.from.join(', ')})`);
  }
  if (!(spec.to as readonly NodeKind[]).includes(to.kind)) {
    throw new StoreInputError(`upsert: relationship ${name} cannot end at a ${to.kind} (${type} ends at ${spec.to.join(', ')})`);
  }
  return { type, fromKind: from.kind, toKind: to.kind };
}

function convertProps(specs: readonly PropertySpec[], props: unknown, owner: string, indexed: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (props === undefined || props === null) return out;
  if (typeof props !== 'object' || Array.isArray(props)) throw new StoreInputError(`upsert: ${owner} has props that are not an object`);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined) continue; // not given: left as stored
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new StoreInputError(`upsert: ${owner} has the property "${name}", which the registry does not define`);
    out[name] = convertValue(spec, value, `upsert: ${owner} property "${name}"`, indexed.includes(name));
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function convertValue(spec: PropertySpec, value: unknown, where: string, indexed: boolean): unknown {
  if (value === null) return null;
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') break;
      if (LONE_SURROGATE.test(value)) throw new StoreInputError(`${where} is not well-formed Unicode (it holds a lone surrogate)`);
      if (indexed && Buffer.byteLength(value, 'utf8') > NEO4J_INDEXED_STRING_MAX_BYTES) {
        throw new StoreInputError(`${where} is longer than ${NEO4J_INDEXED_STRING_MAX_BYTES} UTF-8 bytes, the most Neo4j's range index on it can hold`);
      }
      return value;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return int(value);
      break;
  }
  const got = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
  throw new StoreInputError(`${where} must be ${spec.type === 'int' ? 'a safe integer' : `a ${spec.type}`} (got ${got})`);
}
