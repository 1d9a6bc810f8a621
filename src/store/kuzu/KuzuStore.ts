import type { Database } from 'kuzu';
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
} from '../analytics';
import type {
  CallOptions,
  ChangeEntry,
  ChangeListQuery,
  ChangeResult,
  ImplementationRecord,
  ProgressQuery,
  RecordChange,
  RecordsOfQuery,
  TargetProgress,
  TaskProgress,
  EdgeKey,
  EdgeListQuery,
  EdgeRecord,
  GraphBatch,
  GraphStats,
  GraphStore,
  Neighbour,
  NeighbourQuery,
  NodeListQuery,
  NodeRecord,
  Page,
  UpsertResult,
  ValidityChange,
  ValidityChangeQuery,
} from '../port';
import { CallLimits } from './connection/CallLimits';
import { checkpoint, checkpointIfNeeded } from './connection/checkpointIfNeeded';
import type { ConnectionPool } from './connection/ConnectionPool';
import type { KuzuConnection } from './connection/KuzuConnection';
import { mapKuzuError } from './connection/mapKuzuError';
import { applyChange } from './methods/applyChange';
import { countEdges } from './methods/countEdges';
import { countNodes } from './methods/countNodes';
import { findPaths } from './methods/findPaths';
import { getEdges } from './methods/getEdges';
import { getNeighbours } from './methods/getNeighbours';
import { getNodes } from './methods/getNodes';
import { getRecords } from './methods/getRecords';
import { listChanges } from './methods/listChanges';
import { listEdges } from './methods/listEdges';
import { listNodes } from './methods/listNodes';
import { listValidityChanges } from './methods/listValidityChanges';
import { neighbourhood } from './methods/neighbourhood';
import type { ProjectionCache } from './projection/ProjectionCache';
import { recordsOf } from './methods/recordsOf';
import { search } from './methods/search';
import { stats } from './methods/stats';
import { targetProgress } from './methods/targetProgress';
import { taskProgress } from './methods/taskProgress';
import { upsert } from './methods/upsert';
import type { KindSizes } from './schema/KindSizes';
import { statement } from './statements/Statement';

/** What a {@link KuzuStore} owns; built by {@link openKuzuStore}. */
export interface KuzuStoreParts {
  readonly database: Database;
  /** Read connections. */
  readonly reads: ConnectionPool;
  /** The single write connection: writes queue here, so Kùzu never sees two writers. */
  readonly writes: ConnectionPool;
  readonly sizes: KindSizes;
  /** See KuzuStoreOptions.searchScanCountRows. */
  readonly searchScanCountRows: number;
  /** See KuzuStoreOptions.queryTimeoutMs: the statement timeout of a call without a deadline (0: none). */
  readonly queryTimeoutMs: number;
  /** The in-memory projection of the topology that neighbourhood and findPaths search. */
  readonly projection: ProjectionCache;
  /** Releases the database directory in the process-wide registry. */
  readonly release: () => void;
  /** The database directory, for messages. */
  readonly path: string;
  /** The database's write-ahead log file (checkpoints are made by the store, see checkpointIfNeeded). */
  readonly walFile: string;
}

/**
 * The GraphStore port on an embedded Kùzu database (see src/store/port.ts
 * for the contract of each method; each method is in `methods/`). Reads go
 * to a pool of connections, writes to one queued write connection; every
 * statement runs under the call's limits (see CallLimits). Open it with
 * {@link openKuzuStore}.
 */
export class KuzuStore implements GraphStore {
  readonly name = 'kuzu';
  private closing: Promise<void> | undefined;

  constructor(private readonly parts: KuzuStoreParts) {}

  /** The database directory. */
  get path(): string {
    return this.parts.path;
  }

  getNodes(ids: readonly string[], options?: CallOptions): Promise<(NodeRecord | null)[]> {
    return this.call(options, (limits) => getNodes(this.parts.reads, this.parts.sizes, ids, limits));
  }

  getEdges(keys: readonly EdgeKey[], options?: CallOptions): Promise<(EdgeRecord | null)[]> {
    return this.call(options, (limits) => getEdges(this.parts.reads, keys, limits));
  }

  getNeighbours(query: NeighbourQuery, options?: CallOptions): Promise<Neighbour[][]> {
    return this.call(options, (limits) => getNeighbours(this.parts.reads, this.parts.sizes, query, limits));
  }

  listNodes(query: NodeListQuery, options?: CallOptions): Promise<Page<NodeRecord>> {
    return this.call(options, (limits) => listNodes(this.parts.reads, query, limits));
  }

  listEdges(query: EdgeListQuery, options?: CallOptions): Promise<Page<EdgeRecord>> {
    return this.call(options, (limits) => listEdges(this.parts.reads, query, limits));
  }

  upsert(batch: GraphBatch, options?: CallOptions): Promise<UpsertResult> {
    return this.call(options, (limits) => upsert(this.parts.writes, this.parts.sizes, batch, (writer) => this.afterCommit(batch, writer), limits));
  }

  stats(options?: CallOptions): Promise<GraphStats> {
    return this.call(options, (limits) => stats(this.parts.reads, limits));
  }

  listValidityChanges(query: ValidityChangeQuery, options?: CallOptions): Promise<Page<ValidityChange>> {
    return this.call(options, (limits) => listValidityChanges(this.parts.projection.get(), this.parts.reads, this.parts.sizes, query, limits));
  }

  search(query: SearchQuery, options?: CallOptions): Promise<Page<SearchHit>> {
    return this.call(options, (limits) => search(this.parts.reads, this.parts.sizes, query, this.parts.searchScanCountRows, limits));
  }

  findPaths(query: PathQuery, options?: CallOptions): Promise<GraphPath[]> {
    return this.call(options, (limits) => findPaths(this.parts.projection.get(), query, limits));
  }

  neighbourhood(query: NeighbourhoodQuery, options?: CallOptions): Promise<Subgraph> {
    return this.call(options, (limits) => neighbourhood(this.parts.projection.get(), query, limits));
  }

  countNodes(query: NodeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
    return this.call(options, (limits) => countNodes(this.parts.reads, this.parts.projection.get(), query, limits));
  }

  countEdges(query: EdgeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
    return this.call(options, (limits) => countEdges(this.parts.reads, query, limits));
  }

  applyChange(change: RecordChange, options?: CallOptions): Promise<ChangeResult> {
    const hooks = {
      afterCommit: (writer: KuzuConnection) => checkpointIfNeeded(writer, this.parts.reads, this.parts.walFile),
      recover: (writer: KuzuConnection) => checkpoint(writer, this.parts.reads),
    };
    return this.call(options, (limits) => applyChange(this.parts.writes, change, hooks, limits));
  }

  getRecords(ids: readonly string[], options?: CallOptions): Promise<(ImplementationRecord | null)[]> {
    return this.call(options, (limits) => getRecords(this.parts.reads.run, ids, limits));
  }

  recordsOf(query: RecordsOfQuery, options?: CallOptions): Promise<ImplementationRecord[][]> {
    return this.call(options, (limits) => recordsOf(this.parts.reads.run, query, limits));
  }

  listChanges(query: ChangeListQuery, options?: CallOptions): Promise<Page<ChangeEntry>> {
    return this.call(options, (limits) => listChanges(this.parts.reads, query, limits));
  }

  targetProgress(query: ProgressQuery, options?: CallOptions): Promise<(TargetProgress | null)[]> {
    return this.call(options, (limits) => targetProgress(this.parts.reads, query, limits));
  }

  taskProgress(query: ProgressQuery, options?: CallOptions): Promise<(TaskProgress | null)[]> {
    return this.call(options, (limits) => taskProgress(this.parts.reads, query, limits));
  }

  async ping(options?: CallOptions): Promise<void> {
    await this.call(options, (limits) => this.parts.reads.run(statement('RETURN 1 AS ok', {}, 'pinging'), limits));
  }

  /**
   * Waits for running calls, closes the connections, then the database, and
   * releases the directory so it can be opened again. Idempotent; every call
   * made afterwards fails with StoreUnavailableError.
   */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  /**
   * Runs one port call under its limits: nothing starts once the signal is
   * aborted or the deadline has passed (StoreTimeoutError), whether or not
   * the call would send a statement; the runner checks again before each
   * statement and sets its timeout (see CallLimits).
   */
  private async call<T>(options: CallOptions | undefined, work: (limits: CallLimits) => Promise<T>): Promise<T> {
    const limits = new CallLimits(options, this.parts.queryTimeoutMs);
    limits.check('starting the call');
    return work(limits);
  }

  /** After a committed upsert, on the write connection still held: the projection follows, and the log is checkpointed when large. */
  private afterCommit(batch: GraphBatch, writer: Parameters<typeof checkpointIfNeeded>[0]): Promise<boolean> {
    this.parts.projection.apply(batch);
    return checkpointIfNeeded(writer, this.parts.reads, this.parts.walFile);
  }

  private async closeOnce(): Promise<void> {
    try {
      await Promise.all([this.parts.reads.close(), this.parts.writes.close()]);
      await this.parts.database.close();
    } catch (error) {
      throw mapKuzuError(error, 'closing the store');
    } finally {
      this.parts.release();
    }
  }
}
