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
import type { Database } from 'kuzu';
import type {
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
import { checkpointIfNeeded } from './checkpointIfNeeded';
import type { ConnectionPool } from './ConnectionPool';
import { countEdges } from './countEdges';
import { countNodes } from './countNodes';
import { findPaths } from './findPaths';
import { getEdges } from './getEdges';
import { getNeighbours } from './getNeighbours';
import { getNodes } from './getNodes';
import type { KindSizes } from './KindSizes';
import { listEdges } from './listEdges';
import { listNodes } from './listNodes';
import { mapKuzuError } from './mapKuzuError';
import { neighbourhood } from './neighbourhood';
import type { ProjectionCache } from './ProjectionCache';
import { search } from './search';
import { toCount } from './toCount';
import { upsert } from './upsert';

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
 * for the contract of each method). Reads go to a pool of connections, writes
 * to one queued write connection. Open it with {@link openKuzuStore}.
 */
export class KuzuStore implements GraphStore {
  readonly name = 'kuzu';
  private closing: Promise<void> | undefined;

  constructor(private readonly parts: KuzuStoreParts) {}

  /** The database directory. */
  get path(): string {
    return this.parts.path;
  }

  getNodes(ids: readonly string[]): Promise<(NodeRecord | null)[]> {
    return getNodes(this.parts.reads, this.parts.sizes, ids);
  }

  getEdges(keys: readonly EdgeKey[]): Promise<(EdgeRecord | null)[]> {
    return getEdges(this.parts.reads, keys);
  }

  getNeighbours(query: NeighbourQuery): Promise<Neighbour[][]> {
    return getNeighbours(this.parts.reads, this.parts.sizes, query);
  }

  listNodes(query: NodeListQuery): Promise<Page<NodeRecord>> {
    return listNodes(this.parts.reads, query);
  }

  listEdges(query: EdgeListQuery): Promise<Page<EdgeRecord>> {
    return listEdges(this.parts.reads, query);
  }

  upsert(batch: GraphBatch): Promise<UpsertResult> {
    return upsert(this.parts.writes, this.parts.sizes, batch, (writer) => {
      this.parts.projection.apply(batch);
      return checkpointIfNeeded(writer, this.parts.reads, this.parts.walFile);
    });
  }

  async stats(): Promise<GraphStats> {
    return this.parts.reads.use(async (c) => ({
      nodes: toCount(await c.run('MATCH (n) RETURN count(n) AS c', {}, 'counting nodes')),
      edges: toCount(await c.run('MATCH ()-[e]->() RETURN count(e) AS c', {}, 'counting relationships')),
    }));
  }

  search(query: SearchQuery): Promise<Page<SearchHit>> {
    return search(this.parts.reads, this.parts.sizes, query, this.parts.searchScanCountRows);
  }

  findPaths(query: PathQuery): Promise<GraphPath[]> {
    return findPaths(this.parts.projection.get(), query);
  }

  neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph> {
    return neighbourhood(this.parts.projection.get(), query);
  }

  countNodes(query: NodeCountQuery): Promise<CountGroup[]> {
    return countNodes(this.parts.reads, query);
  }

  countEdges(query: EdgeCountQuery): Promise<CountGroup[]> {
    return countEdges(this.parts.reads, query);
  }

  async ping(): Promise<void> {
    await this.parts.reads.run('RETURN 1 AS ok', {}, 'pinging');
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
