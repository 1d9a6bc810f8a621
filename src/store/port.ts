import type {
  CountGroup,
  EdgeCountQuery,
  GraphPath,
  NeighbourhoodQuery,
  NodeCountQuery,
  PathQuery,
  SearchHit,
  SearchQuery,
  Subgraph,
} from './analytics';
import type {
  ChangeEntry,
  ChangeListQuery,
  ChangeResult,
  ImplementationRecord,
  ProgressQuery,
  RecordChange,
  RecordsOfQuery,
  TargetProgress,
  TaskProgress,
} from './implementation';
import type {
  EdgeKey,
  EdgeListQuery,
  EdgeRecord,
  Neighbour,
  NeighbourQuery,
  NodeListQuery,
  NodeRecord,
  Page,
  ValidityChange,
  ValidityChangeQuery,
} from './records';

export type {
  ChangeEntry,
  ChangeListQuery,
  ChangeResult,
  ImplementationRecord,
  PhaseProgress,
  ProgressQuery,
  RecordChange,
  RecordsOfQuery,
  TargetProgress,
  TaskProgress,
} from './implementation';

export { validityCursor } from './validityCursor';
export { MAX_VALIDITY_CHANGES } from './records';

export type {
  AsOf,
  EdgeKey,
  EdgeListQuery,
  EdgeRecord,
  Neighbour,
  NeighbourQuery,
  NodeListQuery,
  NodeRecord,
  Page,
  Properties,
  PropertyCondition,
  PropertyValue,
  SortDirection,
  SortKey,
  ValidityChange,
  ValidityChangeKind,
  ValidityChangeQuery,
} from './records';


/**
 * Limits one port call runs under: the request's deadline and its abort
 * signal. Every port method takes them as an optional last argument. An
 * adapter starts no store work once `signal` is aborted or `deadline` has
 * passed (it throws {@link StoreTimeoutError}), and bounds each statement it
 * sends by the time left (Kùzu: the connection's query timeout; Neo4j: the
 * transaction timeout), so a running query is cut short at the deadline.
 * Absent: the adapter's own default timeout applies.
 *
 * @see StoreTimeoutError in src/errors.ts
 */
export interface CallOptions {
  /** Epoch milliseconds (Date.now() scale) after which the call must stop. */
  readonly deadline?: number;
  /** Aborted when the request is abandoned (client gone, deadline passed). */
  readonly signal?: AbortSignal;
  /** How urgent the call is (absent: 'interactive'); see {@link CallPriority}. */
  readonly priority?: CallPriority;
}

/**
 * A hint of how urgent a call is, for an adapter that shares a bounded
 * resource among callers: 'interactive' (a cheap request, the readiness
 * probe: someone waits on a short answer) or 'bulk' (part of a heavy
 * operation, which may wait longer). An adapter may keep room for
 * interactive calls that bulk calls cannot take (the Kùzu read pool keeps
 * one connection for them); it answers both alike.
 */
export type CallPriority = 'interactive' | 'bulk';

/** Nodes and relationships to merge into the graph. */
export interface GraphBatch {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
}

/**
 * What an upsert did to each record of its batch, counted exactly, each
 * record once (nodes by id, relationships by type + endpoints; entries
 * repeated in one batch are merged into one record first, see
 * {@link GraphStore.upsert}), against the graph as it was just before the
 * write, in the write's own transaction:
 *
 * - **created**: the record did not exist;
 * - **updated**: it existed and at least one property given had a different
 *   stored value (a property given as null where the store holds a value is
 *   a change; a property not given is never compared, it is left as stored);
 * - **unchanged**: it existed and every property given already had that
 *   value (null given where none is stored included; a record given with no
 *   properties that exists is unchanged).
 *
 * Values are compared as stored: strings by their code points (NFC and NFD
 * spellings of one text differ), integers and booleans by value. So
 * `created + updated + unchanged` is the number of distinct nodes (and of
 * distinct relationships) in the batch, and a batch applied twice reports
 * all unchanged the second time.
 */
export interface UpsertResult {
  readonly nodesCreated: number;
  readonly nodesUpdated: number;
  readonly nodesUnchanged: number;
  readonly edgesCreated: number;
  readonly edgesUpdated: number;
  readonly edgesUnchanged: number;
}

/** The result of an upsert that touched nothing (an empty batch). */
export const NO_CHANGES: UpsertResult = Object.freeze({
  nodesCreated: 0,
  nodesUpdated: 0,
  nodesUnchanged: 0,
  edgesCreated: 0,
  edgesUpdated: 0,
  edgesUnchanged: 0,
});

/** Counts of what the graph holds. */
export interface GraphStats {
  readonly nodes: number;
  readonly edges: number;
}

/**
 * The graph store port. Resolvers and loaders reach the data only through
 * this interface; only its adapters (src/store/<adapter>/) speak Cypher.
 *
 * Every method is one "round-trip" for the purpose of the per-request bounds
 * the API promises (an adapter may send several statements inside one call,
 * e.g. one per kind, but never one per id).
 */
export interface GraphStore {
  /** A name for logs and /ready ("kuzu", "neo4j"). */
  readonly name: string;

  /** Nodes by id; the result is aligned with `ids`, null where no node has that id. */
  getNodes(ids: readonly string[], options?: CallOptions): Promise<(NodeRecord | null)[]>;

  /**
   * Relationships by key (type and endpoint ids), full records; the result is
   * aligned with `keys`, null where no such relationship exists (or a key is
   * malformed: an unknown type or an id that is not `Kind:key`).
   */
  getEdges(keys: readonly EdgeKey[], options?: CallOptions): Promise<(EdgeRecord | null)[]>;

  /**
   * Neighbours of many nodes over one relationship type in one direction; the
   * result is aligned with `ids`. Each list is ordered by the relationship's
   * ordinal, then by the neighbour's id.
   */
  getNeighbours(query: NeighbourQuery, options?: CallOptions): Promise<Neighbour[][]>;

  /** One page of nodes of one kind, with the total count of matches. */
  listNodes(query: NodeListQuery, options?: CallOptions): Promise<Page<NodeRecord>>;

  /**
   * One page of relationships, with the total count of matches, ordered by
   * type, then the end node's ordinal and id, then the relationship's ordinal
   * and start id.
   */
  listEdges(query: EdgeListQuery, options?: CallOptions): Promise<Page<EdgeRecord>>;

  /**
   * Merges nodes (by id) and relationships (by type + endpoints) in ONE
   * transaction: either everything is written or nothing is. Properties given
   * replace stored ones (null removes one); properties not given are left as
   * they are. Entries repeated in one batch (the same node id, the same type
   * and endpoints) are one record: their properties are merged in batch order,
   * later ones winning, and the record is counted once. Loading the same batch
   * twice leaves the graph unchanged. The result counts what the write did to
   * each record, exactly (see {@link UpsertResult}).
   */
  upsert(batch: GraphBatch, options?: CallOptions): Promise<UpsertResult>;

  /** Counts of nodes and relationships. */
  stats(options?: CallOptions): Promise<GraphStats>;

  /**
   * Every node and relationship that starts (validFrom) or ends (validTo)
   * on a date in [query.from, query.to), one change per side, full records,
   * ordered by date, then the record's key (a node's id; a relationship's
   * `from type to`), then ENDS before STARTS; the first `query.first` after
   * the cursor `query.after`, with the number of changes in the range
   * (whatever the cursor) as totalCount. A page's cursor is
   * {@link validityCursor} of its last change.
   */
  listValidityChanges(query: ValidityChangeQuery, options?: CallOptions): Promise<Page<ValidityChange>>;

  /**
   * Full-text search: nodes whose folded text (the `searchText` property)
   * holds the terms, best first, with the total number of matches. A node
   * matches when it holds every term as a word (an adapter may also accept a
   * word that starts with the term: Neo4j does, Kùzu does not); ranking is the
   * engine's BM25 scaled by SEARCH_LENGTH_PIVOT (see the README).
   */
  search(query: SearchQuery, options?: CallOptions): Promise<Page<SearchHit>>;

  /**
   * Paths between two nodes, following relationships in either direction,
   * without repeated nodes, shortest first (ties by the ids along the path).
   * Empty when either node is missing or no path is short enough. Nodes and
   * relationships may be summaries (`partial: true`, see records.ts): read
   * the full records with getNodes / getEdges when more is needed.
   */
  findPaths(query: PathQuery, options?: CallOptions): Promise<GraphPath[]>;

  /**
   * The nodes within `depth` hops of the start nodes (either direction),
   * nearest first, at most `limit` of them, and every relationship of the
   * allowed types among the nodes returned. Nodes and relationships may be
   * summaries (`partial: true`), as for findPaths.
   */
  neighbourhood(query: NeighbourhoodQuery, options?: CallOptions): Promise<Subgraph>;

  /** Node counts grouped as asked; groups with a zero count are left out. */
  countNodes(query: NodeCountQuery, options?: CallOptions): Promise<CountGroup[]>;

  /** Relationship counts grouped as asked; groups with a zero count are left out. */
  countEdges(query: EdgeCountQuery, options?: CallOptions): Promise<CountGroup[]>;

  /**
   * Writes one record of implementation (src/model/implementation.ts) in ONE
   * transaction, serialised with every other applyChange:
   * 1. with an idempotency key the store has seen from the same actor, it
   *    answers the first result (`replayed: true`) and writes nothing; the
   *    same key with a different change is StoreInputError;
   * 2. for UPDATE and RETRACT it reads the record's version under a write
   *    lock and refuses a stale `expectedVersion`, or a retracted record,
   *    with StoreConflictError naming the current version; an unknown record
   *    is StoreInputError;
   * 3. it checks the record among its subject's others: a subject that does
   *    not exist, more than the kind's maxPerSubject records, a second
   *    baseline of a target, an actual whose period overlaps another's
   *    without being the same period, a second report of a task for a year
   *    (retracted records aside) are StoreInputError naming the field;
   * 4. it writes the record (version 1 on CREATE, one more at each change)
   *    and, on CREATE, its relationship from the subject, then appends the
   *    history entry (numbered in commit order) and the idempotency key.
   * Any failure rolls everything back: nothing is half-written.
   */
  applyChange(change: RecordChange, options?: CallOptions): Promise<ChangeResult>;

  /** Records of implementation by id; the result is aligned with `ids`, null where none has that id. */
  getRecords(ids: readonly string[], options?: CallOptions): Promise<(ImplementationRecord | null)[]>;

  /**
   * The records of a kind of many subjects, aligned with `query.subjects`;
   * actuals in period order (start, end), reports in year order, then by
   * creation and id.
   */
  recordsOf(query: RecordsOfQuery, options?: CallOptions): Promise<ImplementationRecord[][]>;

  /** One page of the history (see ChangeListQuery), in commit order, with the total count of matches. */
  listChanges(query: ChangeListQuery, options?: CallOptions): Promise<Page<ChangeEntry>>;

  /** Progress of targets as of a date (see TargetProgress), aligned with `query.ids`; null where no target has that id. */
  targetProgress(query: ProgressQuery, options?: CallOptions): Promise<(TargetProgress | null)[]>;

  /** Progress of tasks as of a date (see TaskProgress), aligned with `query.ids`; null where no task has that id. */
  taskProgress(query: ProgressQuery, options?: CallOptions): Promise<(TaskProgress | null)[]>;

  /** Resolves when the store answers a trivial query; rejects otherwise. */
  ping(options?: CallOptions): Promise<void>;

  /** Releases connections and files. The store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Every port method that reaches the store, with the number of arguments that
 * come before its optional CallOptions: the one list the wrappers
 * (countStoreCalls, limitStoreCalls) walk. The compiler keeps it complete.
 */
export const STORE_CALLS = {
  getNodes: 1,
  getEdges: 1,
  getNeighbours: 1,
  listNodes: 1,
  listEdges: 1,
  upsert: 1,
  stats: 0,
  ping: 0,
  search: 1,
  findPaths: 1,
  neighbourhood: 1,
  countNodes: 1,
  countEdges: 1,
  applyChange: 1,
  getRecords: 1,
  recordsOf: 1,
  listChanges: 1,
  targetProgress: 1,
  taskProgress: 1,
  listValidityChanges: 1,
} as const satisfies Record<Exclude<keyof GraphStore, 'name' | 'close'>, number>;

/** A port method that reaches the store. */
export type StoreCall = keyof typeof STORE_CALLS;
