import { NODE_KINDS, type NodeKind } from '../../model/kinds';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships';
import { compareCodePoints } from '../compareCodePoints';
import { SUMMARY_PROPERTIES, type EdgeRecord, type NodeRecord, type Properties, type PropertyValue } from '../records';
import { buildAdjacency } from './buildAdjacency';
import { IdIndex } from './IdIndex';
import { PackedBytes } from './PackedBytes';

/** One of the SUMMARY_PROPERTIES. */
export type SummaryProperty = (typeof SUMMARY_PROPERTIES)[number];

/** A node as the projection holds it before it is numbered: what a builder reads from the store. */
export interface ProjectedNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** The node's SUMMARY_PROPERTIES (absent or null: the node has none). */
  readonly summary: Partial<Record<SummaryProperty, string | null>>;
}

/** Index of a relationship type in RELATIONSHIP_TYPES. */
const TYPE_INDEX = new Map<RelationshipType, number>(RELATIONSHIP_TYPES.map((type, i) => [type, i]));
const KIND_INDEX = new Map<NodeKind, number>(NODE_KINDS.map((kind, i) => [kind, i]));

/**
 * The nodes and relationships a traversal may use, as of one date: per
 * validity interval of the projection (see {@link GraphProjection.validOn}),
 * 1 when it holds on the date. Undefined: every one (no date asked).
 */
export type ValidityFilter = Uint8Array | undefined;

/** A change of validity as a write gives it: a string sets a side, null clears it, undefined leaves it. */
export interface ValidityChange {
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

/** Most filters {@link GraphProjection.validOn} keeps, by date, until the intervals change. */
const FILTERS_KEPT = 16;

/** Where an adjacency entry is: a CSR index, or a position in an overflow list. */
interface EntryAt {
  readonly index: number;
  readonly overflow?: number[];
}

/** Number of scratch maps a traversal can use at once. */
export const SCRATCH_MAPS = 3;

/** A scratch map's number. */
export type ScratchMap = 0 | 1 | 2;

/** A set of relationship types as a bit mask over RELATIONSHIP_TYPES (all types: every bit). */
export function typeMask(types: readonly RelationshipType[] | undefined): number {
  if (!types) return 2 ** RELATIONSHIP_TYPES.length - 1;
  let mask = 0;
  for (const type of types) mask |= 1 << (TYPE_INDEX.get(type) as number);
  return mask;
}

/** A set of node kinds as a bit mask over NODE_KINDS (undefined: every kind). */
export function kindMask(kinds: readonly NodeKind[] | undefined): number {
  if (!kinds) return 2 ** NODE_KINDS.length - 1;
  let mask = 0;
  for (const kind of kinds) mask |= 1 << (KIND_INDEX.get(kind) as number);
  return mask;
}

/**
 * The visitor of {@link GraphProjection.forEachNeighbour}: the node at the
 * other end, the relationship's type index and whether the relationship
 * points away from the node asked about.
 */
export type NeighbourVisitor = (other: number, type: number, outgoing: boolean) => void;

/**
 * An in-memory projection of the graph's topology, for traversals (the
 * neighbourhood and path queries) that a store answers slowly on its own:
 * every node numbered densely (0..size-1) with its id, kind and
 * SUMMARY_PROPERTIES, and every relationship as an adjacency entry at both
 * ends (other node, type, direction). Relationship properties and the other
 * node properties are NOT held: answers built from it are summaries
 * (`partial: true`), and `getNodes` / `getEdges` give the full records.
 *
 * Layout: the relationships known when the projection was built are in a
 * compressed sparse row (one Int32Array of neighbours, one Uint8Array of
 * `type * 2 + outgoing`, an offset per node); relationships added later
 * ({@link addEdge}) go to a per-node overflow list. Traversals mark visited
 * nodes in shared scratch arrays with an epoch counter, so they must run
 * synchronously (no `await` between {@link nextEpoch} and the last read of
 * the marks), which every function here does.
 *
 * Memory: about 50 bytes per node plus its id and summary strings, and 5
 * bytes per relationship end (measured figures in bench/scale/RESULTS.md).
 *
 * Validity (validFrom, validTo): the distinct intervals are numbered (0:
 * open on both sides), and each node and each relationship end holds the
 * number of its interval, in an Int32Array made only once some record has
 * validity (4 bytes per node and per relationship end then). A read as of a
 * date turns the intervals into a {@link ValidityFilter} once (kept for
 * the next reads of that date) and tests two array cells per step.
 */
export class GraphProjection {
  private readonly ids = new IdIndex();
  private kinds: Uint8Array = new Uint8Array(1024);
  /** Per node, its summary properties packed (see packSummary). */
  private readonly summaries = new PackedBytes();
  private start: Int32Array = new Int32Array(1);
  private others: Int32Array = new Int32Array(0);
  private metas: Uint8Array = new Uint8Array(0);
  /** Per node added after the build, its entries as triples: other node, meta, interval number. */
  private readonly overflow = new Map<number, number[]>();
  /** Interval number per node (empty until some node has validity; beyond its length: 0). */
  private nodeValidity: Int32Array = new Int32Array(0);
  /** Interval number per CSR entry (empty until some relationship has validity). */
  private entryValidity: Int32Array = new Int32Array(0);
  /** The intervals: validFrom and validTo of each number (null: open); number 0 is open on both sides. */
  private readonly intervalFrom: (string | null)[] = [null];
  private readonly intervalTo: (string | null)[] = [null];
  private readonly intervalNumbers = new Map<string, number>([[intervalKey(null, null), 0]]);
  private readonly filters = new Map<string, Uint8Array>();
  private relationships = 0;
  private epoch = 0;
  /** The scratch maps: per map, the epoch each node was marked in and its value. */
  private stamps: Uint32Array[] = [];
  private values: Int32Array[] = [];

  /**
   * Sets the relationships of a projection whose nodes were all added with
   * {@link addNode} and that has no relationship yet: `from`, `to` and
   * `types` are parallel arrays of endpoint numbers and type indexes
   * (positions in RELATIONSHIP_TYPES), the first `count` entries used.
   */
  setRelationships(from: Int32Array, to: Int32Array, types: Uint8Array, count: number): void {
    if (this.relationships !== 0) throw new Error('setRelationships: the projection already has relationships');
    const { start, others, metas } = buildAdjacency(this.ids.size, from, to, count, types);
    this.start = start;
    this.others = others;
    this.metas = metas;
    this.overflow.clear();
    this.entryValidity = new Int32Array(0);
    this.relationships = count;
    this.ids.trim();
    this.summaries.trim();
  }

  /** Number of nodes. */
  get size(): number {
    return this.ids.size;
  }

  /** Number of relationships. */
  get relationshipCount(): number {
    return this.relationships;
  }

  /** The number of the node with `id`, or undefined. */
  numberOf(id: string): number | undefined {
    return this.ids.find(id);
  }

  /** The node's id; with `cache` (one traversal's), each id is decoded once. */
  idOf(node: number, cache?: Map<number, string>): string {
    if (!cache) return this.ids.idOf(node);
    let id = cache.get(node);
    if (id === undefined) cache.set(node, (id = this.ids.idOf(node)));
    return id;
  }

  kindOf(node: number): NodeKind {
    return NODE_KINDS[this.kinds[node] as number] as NodeKind;
  }

  /** Sorts node numbers by id (code point order, as every adapter orders strings), in place; each id is decoded once. */
  sortById(nodes: number[], cache?: Map<number, string>): number[] {
    if (nodes.length < 2) return nodes;
    const keyed = nodes.map((node) => ({ node, id: this.idOf(node, cache) }));
    keyed.sort((x, y) => compareCodePoints(x.id, y.id));
    keyed.forEach(({ node }, i) => (nodes[i] = node));
    return nodes;
  }

  /** Bytes held outside the JavaScript heap (ids, summaries, adjacency, scratch). */
  get byteLength(): number {
    return (
      this.ids.byteLength + this.summaries.byteLength + this.kinds.byteLength + this.start.byteLength + this.others.byteLength +
      this.metas.byteLength + this.stamps.reduce((sum, array) => sum + array.byteLength * 2, 0)
    );
  }

  /** Bit of the node's kind, to test against {@link kindMask}. */
  kindBit(node: number): number {
    return 1 << (this.kinds[node] as number);
  }

  /** The node as a summary record (its SUMMARY_PROPERTIES only, `partial: true`). */
  summaryOf(node: number, cache?: Map<number, string>): NodeRecord {
    const props: Record<string, PropertyValue> = unpackSummary(this.summaries.view(node));
    return { id: this.idOf(node, cache), kind: this.kindOf(node), props: props as Properties, partial: true };
  }

  /** A relationship as a summary record (no properties, `partial: true`). */
  edgeSummary(type: number, from: number, to: number, cache?: Map<number, string>): EdgeRecord {
    return { type: RELATIONSHIP_TYPES[type] as RelationshipType, from: this.idOf(from, cache), to: this.idOf(to, cache), props: {}, partial: true };
  }

  /** The number of the interval [validFrom, validTo) (null: open on that side), numbered on first use. */
  intervalOf(validFrom: string | null, validTo: string | null): number {
    const key = intervalKey(validFrom, validTo);
    let number = this.intervalNumbers.get(key);
    if (number === undefined) {
      number = this.intervalFrom.length;
      this.intervalNumbers.set(key, number);
      this.intervalFrom.push(validFrom);
      this.intervalTo.push(validTo);
      this.filters.clear();
    }
    return number;
  }

  /**
   * The filter of the records valid on `asOf` (YYYY-MM-DD): validFrom
   * absent or <= asOf and validTo absent or > asOf, strings compared by code
   * point as the store compares them. Built once per date and kept until an
   * interval is added.
   */
  validOn(asOf: string): Uint8Array {
    let filter = this.filters.get(asOf);
    if (filter) return filter;
    filter = new Uint8Array(this.intervalFrom.length);
    for (let v = 0; v < filter.length; v += 1) {
      const from = this.intervalFrom[v] ?? null;
      const to = this.intervalTo[v] ?? null;
      filter[v] = (from === null || compareCodePoints(from, asOf) <= 0) && (to === null || compareCodePoints(to, asOf) > 0) ? 1 : 0;
    }
    if (this.filters.size >= FILTERS_KEPT) this.filters.clear();
    this.filters.set(asOf, filter);
    return filter;
  }

  /** Whether the node passes `valid` (always, without a filter). */
  isValid(node: number, valid: ValidityFilter): boolean {
    return valid === undefined || valid[node < this.nodeValidity.length ? (this.nodeValidity[node] as number) : 0] === 1;
  }

  /** The interval number of a node (0: open on both sides). */
  validityOf(node: number): number {
    return node < this.nodeValidity.length ? (this.nodeValidity[node] as number) : 0;
  }

  /** Sets the interval of a node. */
  setNodeValidity(node: number, interval: number): void {
    if (node >= this.nodeValidity.length) {
      if (interval === 0) return;
      const wider = new Int32Array(Math.max(this.kinds.length, node + 1));
      wider.set(this.nodeValidity);
      this.nodeValidity = wider;
    }
    this.nodeValidity[node] = interval;
  }

  /**
   * Sets the interval of the relationship `type` from `from` to `to` (node
   * numbers), at both its ends. Returns false when there is no such
   * relationship.
   */
  setEdgeValidity(type: number, from: number, to: number, interval: number): boolean {
    const out = this.entryAt(from, to, type * 2 + 1);
    const back = this.entryAt(to, from, type * 2);
    if (out === undefined || back === undefined) return false;
    this.setEntryValidity(out, interval);
    this.setEntryValidity(back, interval);
    return true;
  }

  /** The interval of the relationship `type` from `from` to `to`, or undefined when there is none. */
  edgeValidityOf(type: number, from: number, to: number): number | undefined {
    const at = this.entryAt(from, to, type * 2 + 1);
    return at === undefined ? undefined : this.entryValidityAt(at);
  }

  /** The validFrom and validTo of interval `interval` (null: open on that side). */
  intervalDates(interval: number): readonly [string | null, string | null] {
    return [this.intervalFrom[interval] ?? null, this.intervalTo[interval] ?? null];
  }

  /** Number of intervals (their numbers are 0 to intervalCount - 1). */
  get intervalCount(): number {
    return this.intervalFrom.length;
  }

  /**
   * Calls `onNode` for every node and `onEdge` for every relationship (once,
   * at its start node) whose interval is not 0 (open on both sides), with
   * that interval.
   */
  forEachWithValidity(onNode: (node: number, interval: number) => void, onEdge: (type: number, from: number, to: number, interval: number) => void): void {
    for (let node = 0; node < this.nodeValidity.length; node += 1) if (this.nodeValidity[node] !== 0) onNode(node, this.nodeValidity[node] as number);
    const entries = this.entryValidity;
    for (let node = 0; node + 1 < this.start.length; node += 1) {
      const end = Math.min(this.start[node + 1] as number, entries.length);
      for (let i = this.start[node] as number; i < end; i += 1) {
        const meta = this.metas[i] as number;
        if (entries[i] !== 0 && (meta & 1) === 1) onEdge(meta >> 1, node, this.others[i] as number, entries[i] as number);
      }
    }
    for (const [node, extra] of this.overflow) {
      for (let i = 0; i < extra.length; i += 3) {
        const meta = extra[i + 1] as number;
        if (extra[i + 2] !== 0 && (meta & 1) === 1) onEdge(meta >> 1, node, extra[i] as number, extra[i + 2] as number);
      }
    }
  }

  /** Adds a node, or updates the summary of a known one (only the properties given). Returns its number. */
  addNode(node: ProjectedNode): number {
    const known = this.ids.size;
    const number = this.ids.add(node.id);
    if (number === known) {
      if (number === this.kinds.length) {
        const kinds = new Uint8Array(number * 2);
        kinds.set(this.kinds);
        this.kinds = kinds;
      }
      this.kinds[number] = KIND_INDEX.get(node.kind) as number;
      const values = summaryValues({}, node.summary);
      this.summaries.pushWith(packedLength(values), (data, at) => packSummary(values, data, at));
    } else {
      const values = summaryValues(unpackSummary(this.summaries.view(number)), node.summary);
      this.summaries.setWith(number, packedLength(values), (data, at) => packSummary(values, data, at));
    }
    return number;
  }

  /** Makes room for `count` more nodes whose ids and summaries take at most `bytes` bytes each in all (before a bulk load). */
  ensureCapacity(count: number, bytes: number): void {
    this.ids.ensureCapacity(bytes, count);
    this.summaries.ensureCapacity(bytes + 5 * SUMMARY_PROPERTIES.length * count, count);
    if (this.ids.size + count > this.kinds.length) {
      const kinds = new Uint8Array(this.ids.size + count);
      kinds.set(this.kinds.subarray(0, this.ids.size));
      this.kinds = kinds;
    }
  }

  /**
   * Adds a node from bytes of a file, for bulk loads: `fields` holds, for
   * the id and then each of SUMMARY_PROPERTIES, `[start, end, flag]` into
   * `source`, the flag being 0 (null), 1 (the bytes as they are) or 2
   * (quoted text whose `""` stand for `"`). An id already known changes
   * nothing. Returns the node's number.
   */
  addNodeBytes(kind: NodeKind, source: Buffer, fields: Int32Array): number {
    const known = this.ids.size;
    const idAt = this.ids.reserve((fields[1] as number) - (fields[0] as number));
    const number = this.ids.addReserved(copyField(source, fields, 0, this.ids.buffer, idAt));
    if (number < known) return number;
    if (number === this.kinds.length) {
      const kinds = new Uint8Array(number * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
    }
    this.kinds[number] = KIND_INDEX.get(kind) as number;
    let bound = 0;
    for (let i = 1; i <= SUMMARY_PROPERTIES.length; i += 1) {
      if (fields[i * 3 + 2] !== 0) bound += 5 + (fields[i * 3 + 1] as number) - (fields[i * 3] as number);
    }
    const start = this.summaries.reserve(bound);
    const data = this.summaries.buffer;
    let at = start;
    for (let i = 1; i <= SUMMARY_PROPERTIES.length; i += 1) {
      if (fields[i * 3 + 2] === 0) continue;
      const length = copyField(source, fields, i, data, at + 5);
      data[at] = i - 1;
      data.writeUInt32LE(length, at + 1);
      at += 5 + length;
    }
    this.summaries.commitPush(at - start);
    return number;
  }

  /**
   * Adds a relationship between two known nodes unless it is there already
   * (the store merges relationships on type and endpoints). Returns false
   * when an endpoint is unknown.
   */
  addEdge(type: RelationshipType, from: string, to: string, validity: ValidityChange = {}): boolean {
    const a = this.ids.find(from);
    const b = this.ids.find(to);
    if (a === undefined || b === undefined) return false;
    const t = TYPE_INDEX.get(type) as number;
    const known = this.edgeValidityOf(t, a, b);
    const interval = this.changedInterval(known ?? 0, validity);
    if (known !== undefined) {
      if (interval !== known) this.setEdgeValidity(t, a, b, interval);
      return true;
    }
    this.push(a, b, t * 2 + 1, interval);
    this.push(b, a, t * 2, interval);
    this.relationships += 1;
    return true;
  }

  /**
   * Applies a committed write: nodes added or their summaries updated, then
   * relationships added. Returns false when a relationship's endpoint is not
   * known (the projection no longer matches the store and must be rebuilt).
   */
  apply(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[]): boolean {
    for (const node of nodes) {
      const summary: Partial<Record<SummaryProperty, string | null>> = {};
      // As the store (checkProperties): no props or an undefined value is "not given"; null clears.
      const props: Readonly<Record<string, unknown>> = node.props ?? {};
      for (const name of SUMMARY_PROPERTIES) {
        const value = props[name];
        if (value !== undefined) summary[name] = typeof value === 'string' ? value : null;
      }
      const number = this.addNode({ id: node.id, kind: node.kind, summary });
      const interval = this.changedInterval(this.validityOf(number), validityChange(props));
      if (interval !== this.validityOf(number)) this.setNodeValidity(number, interval);
    }
    let complete = true;
    for (const edge of edges) if (!this.addEdge(edge.type, edge.from, edge.to, validityChange(edge.props ?? {}))) complete = false;
    return complete;
  }

  /** Number of adjacency entries of a node (a relationship to itself counts twice). */
  degree(node: number): number {
    const base = node + 1 < this.start.length ? (this.start[node + 1] as number) - (this.start[node] as number) : 0;
    return base + (this.overflow.get(node)?.length ?? 0) / 3;
  }

  /**
   * Calls `visit` for every relationship of `node` whose type is in `types`
   * (a {@link typeMask}), once per end at this node (a relationship from a
   * node to itself is seen twice, once outgoing and once incoming). With
   * `valid`, only relationships that pass it and whose other node passes it
   * (the node asked about is the caller's to test).
   */
  forEachNeighbour(node: number, types: number, visit: NeighbourVisitor, valid?: ValidityFilter): void {
    if (valid !== undefined) {
      this.forEachValidNeighbour(node, types, visit, valid);
      return;
    }
    if (node + 1 < this.start.length) {
      const end = this.start[node + 1] as number;
      for (let i = this.start[node] as number; i < end; i += 1) {
        const meta = this.metas[i] as number;
        const type = meta >> 1;
        if ((types >> type) & 1) visit(this.others[i] as number, type, (meta & 1) === 1);
      }
    }
    const extra = this.overflow.get(node);
    if (extra) {
      for (let i = 0; i < extra.length; i += 3) {
        const meta = extra[i + 1] as number;
        const type = meta >> 1;
        if ((types >> type) & 1) visit(extra[i] as number, type, (meta & 1) === 1);
      }
    }
  }

  private forEachValidNeighbour(node: number, types: number, visit: NeighbourVisitor, valid: Uint8Array): void {
    const nodes = this.nodeValidity;
    const entries = this.entryValidity;
    if (node + 1 < this.start.length) {
      const end = this.start[node + 1] as number;
      for (let i = this.start[node] as number; i < end; i += 1) {
        const meta = this.metas[i] as number;
        const type = meta >> 1;
        if (((types >> type) & 1) === 0) continue;
        if (i < entries.length && valid[entries[i] as number] !== 1) continue;
        const other = this.others[i] as number;
        if (other < nodes.length && valid[nodes[other] as number] !== 1) continue;
        visit(other, type, (meta & 1) === 1);
      }
    }
    const extra = this.overflow.get(node);
    if (extra) {
      for (let i = 0; i < extra.length; i += 3) {
        const meta = extra[i + 1] as number;
        const type = meta >> 1;
        const other = extra[i] as number;
        if (((types >> type) & 1) === 0 || valid[extra[i + 2] as number] !== 1 || !this.isValid(other, valid)) continue;
        visit(other, type, (meta & 1) === 1);
      }
    }
  }

  /**
   * Starts a traversal: clears the scratch maps (node -> integer, see
   * {@link mark}, {@link markOf}; {@link SCRATCH_MAPS} of them) in O(1).
   * Everything up to the traversal's last read must run without yielding to
   * the event loop.
   */
  nextEpoch(): void {
    if ((this.stamps[0]?.length ?? 0) < this.ids.size) {
      const capacity = Math.max(16, Math.ceil(this.ids.size * 1.25));
      this.stamps = Array.from({ length: SCRATCH_MAPS }, () => new Uint32Array(capacity));
      this.values = Array.from({ length: SCRATCH_MAPS }, () => new Int32Array(capacity));
      this.epoch = 0;
    }
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      for (const stamps of this.stamps) stamps.fill(0);
      this.epoch = 1;
    }
  }

  /** Sets a node's value in a scratch map for this epoch. */
  mark(map: ScratchMap, node: number, value: number): void {
    (this.stamps[map] as Uint32Array)[node] = this.epoch;
    (this.values[map] as Int32Array)[node] = value;
  }

  /** A node's value in a scratch map for this epoch, or -1 when unset. */
  markOf(map: ScratchMap, node: number): number {
    return (this.stamps[map] as Uint32Array)[node] === this.epoch ? ((this.values[map] as Int32Array)[node] as number) : -1;
  }

  private push(node: number, other: number, meta: number, interval: number): void {
    const list = this.overflow.get(node);
    if (list) list.push(other, meta, interval);
    else this.overflow.set(node, [other, meta, interval]);
  }

  /** The interval after `change` of a record whose interval is `known`. */
  private changedInterval(known: number, change: ValidityChange): number {
    if (change.validFrom === undefined && change.validTo === undefined) return known;
    const from = change.validFrom === undefined ? (this.intervalFrom[known] ?? null) : change.validFrom;
    const to = change.validTo === undefined ? (this.intervalTo[known] ?? null) : change.validTo;
    return this.intervalOf(from, to);
  }

  /** Where the entry of `node` towards `other` with `meta` is (a CSR index, or a position in the node's overflow list); undefined when there is none. */
  private entryAt(node: number, other: number, meta: number): EntryAt | undefined {
    if (node + 1 < this.start.length) {
      const end = this.start[node + 1] as number;
      for (let i = this.start[node] as number; i < end; i += 1) if (this.others[i] === other && this.metas[i] === meta) return { index: i };
    }
    const extra = this.overflow.get(node);
    if (extra) for (let i = 0; i < extra.length; i += 3) if (extra[i] === other && extra[i + 1] === meta) return { index: i, overflow: extra };
    return undefined;
  }

  private entryValidityAt(at: EntryAt): number {
    if (at.overflow) return at.overflow[at.index + 2] as number;
    return at.index < this.entryValidity.length ? (this.entryValidity[at.index] as number) : 0;
  }

  private setEntryValidity(at: EntryAt, interval: number): void {
    if (at.overflow) {
      at.overflow[at.index + 2] = interval;
      return;
    }
    if (this.entryValidity.length === 0) {
      if (interval === 0) return;
      this.entryValidity = new Int32Array(this.others.length);
    }
    this.entryValidity[at.index] = interval;
  }
}

/** The key of an interval in the table of intervals (null and a string never collide). */
function intervalKey(from: string | null, to: string | null): string {
  return JSON.stringify([from, to]);
}

/** The validity a write gives in `props` (undefined: not given; null or a non-string: cleared). */
function validityChange(props: Readonly<Record<string, unknown>>): ValidityChange {
  const side = (value: unknown): string | null | undefined => (value === undefined ? undefined : typeof value === 'string' ? value : null);
  return { validFrom: side(props.validFrom), validTo: side(props.validTo) };
}

/** Copies field `i` of `fields` (see addNodeBytes) from `source` to `target[at...]`; returns the bytes written. */
function copyField(source: Buffer, fields: Int32Array, i: number, target: Buffer, at: number): number {
  const start = fields[i * 3] as number;
  const end = fields[i * 3 + 1] as number;
  const quoted = fields[i * 3 + 2] === 2;
  let n = at;
  for (let j = start; j < end; j += 1) {
    const byte = source[j] as number;
    target[n] = byte;
    n += 1;
    if (quoted && byte === 0x22) j += 1;
  }
  return n - at;
}

/** The summary values after `changes` (null or absent value: removed; key absent: left as in `base`), by SUMMARY_PROPERTIES index. */
function summaryValues(base: Partial<Record<SummaryProperty, string>>, changes: Partial<Record<SummaryProperty, string | null>>): (string | undefined)[] {
  return SUMMARY_PROPERTIES.map((name) => {
    const value = name in changes ? changes[name] : base[name];
    return typeof value === 'string' ? value : undefined;
  });
}

function packedLength(values: readonly (string | undefined)[]): number {
  let length = 0;
  for (const value of values) if (value !== undefined) length += 5 + Buffer.byteLength(value, 'utf8');
  return length;
}

/**
 * A node's summary properties as bytes: per property present, in
 * SUMMARY_PROPERTIES order, one byte (its index), four (the UTF-8 length)
 * and the UTF-8 text; written at `data[at...]`.
 */
function packSummary(values: readonly (string | undefined)[], data: Buffer, at: number): void {
  let offset = at;
  values.forEach((value, i) => {
    if (value === undefined) return;
    const length = data.write(value, offset + 5, 'utf8');
    data.writeUInt8(i, offset);
    data.writeUInt32LE(length, offset + 1);
    offset += 5 + length;
  });
}

function unpackSummary(bytes: Buffer): Partial<Record<SummaryProperty, string>> {
  const summary: Partial<Record<SummaryProperty, string>> = {};
  for (let at = 0; at < bytes.length; ) {
    const name = SUMMARY_PROPERTIES[bytes.readUInt8(at)] as SummaryProperty;
    const length = bytes.readUInt32LE(at + 1);
    summary[name] = bytes.toString('utf8', at + 5, at + 5 + length);
    at += 5 + length;
  }
  return summary;
}
