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
} from '../port';
import { CallLimits } from './connection/CallLimits';
import { checkpointIfNeeded } from './connection/checkpointIfNeeded';
import type { ConnectionPool } from './connection/ConnectionPool';
import { mapKuzuError } from './connection/mapKuzuError';
import { countEdges } from './methods/countEdges';
import { countNodes } from './methods/countNodes';
import { findPaths } from './methods/findPaths';
import { getEdges } from './methods/getEdges';
import { getNeighbours } from './methods/getNeighbours';
import { getNodes } from './methods/getNodes';
import { listEdges } from './methods/listEdges';
import { listNodes } from './methods/listNodes';
import { neighbourhood } from './methods/neighbourhood';
import type { ProjectionCache } from './methods/ProjectionCache';
import { search } from './methods/search';
import { stats } from './methods/stats';
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
    return getNodes(this.parts.reads, this.parts.sizes, ids, this.limits(options));
  }

  getEdges(keys: readonly EdgeKey[], options?: CallOptions): Promise<(EdgeRecord | null)[]> {
    return getEdges(this.parts.reads, keys, this.limits(options));
  }

  getNeighbours(query: NeighbourQuery, options?: CallOptions): Promise<Neighbour[][]> {
    return getNeighbours(this.parts.reads, this.parts.sizes, query, this.limits(options));
  }

  listNodes(query: NodeListQuery, options?: CallOptions): Promise<Page<NodeRecord>> {
    return listNodes(this.parts.reads, query, this.limits(options));
  }

  listEdges(query: EdgeListQuery, options?: CallOptions): Promise<Page<EdgeRecord>> {
    return listEdges(this.parts.reads, query, this.limits(options));
  }

  upsert(batch: GraphBatch, options?: CallOptions): Promise<UpsertResult> {
    return upsert(this.parts.writes, this.parts.sizes, batch, (writer) => this.afterCommit(batch, writer), this.limits(options));
  }

  stats(options?: CallOptions): Promise<GraphStats> {
    return stats(this.parts.reads, this.limits(options));
  }

  search(query: SearchQuery, options?: CallOptions): Promise<Page<SearchHit>> {
    return search(this.parts.reads, this.parts.sizes, query, this.parts.searchScanCountRows, this.limits(options));
  }

  findPaths(query: PathQuery, options?: CallOptions): Promise<GraphPath[]> {
    return findPaths(this.parts.projection.get(), query, this.limits(options));
  }

  neighbourhood(query: NeighbourhoodQuery, options?: CallOptions): Promise<Subgraph> {
    return neighbourhood(this.parts.projection.get(), query, this.limits(options));
  }

  countNodes(query: NodeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
    return countNodes(this.parts.reads, query, this.limits(options));
  }

  countEdges(query: EdgeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
    return countEdges(this.parts.reads, query, this.limits(options));
  }

  async ping(options?: CallOptions): Promise<void> {
    await this.parts.reads.run(statement('RETURN 1 AS ok', {}, 'pinging'), this.limits(options));
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

  private limits(options: CallOptions | undefined): CallLimits {
    return new CallLimits(options, this.parts.queryTimeoutMs);
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
