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
import type { Neo4jConnection } from './connection/Neo4jConnection';
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
import { recordsOf } from './methods/recordsOf';
import { search } from './methods/search';
import { ping, stats } from './methods/stats';
import { targetProgress } from './methods/targetProgress';
import { taskProgress } from './methods/taskProgress';
import { upsert } from './methods/upsert';

/**
 * The GraphStore port on a Neo4j 5 server, cluster or Aura (see
 * src/store/port.ts for the contract of each method). Every method runs
 * through the one {@link Neo4jConnection}: a session per call, reads in
 * `executeRead` and writes in `executeWrite`, the call's deadline and abort
 * signal honoured. Open it with {@link openNeo4jStore}.
 */
export class Neo4jStore implements GraphStore {
  readonly name = 'neo4j' as const;

  constructor(private readonly connection: Neo4jConnection) {}

  /** The database sessions use; undefined for the user's home database. */
  get database(): string | undefined {
    return this.connection.database;
  }

  getNodes(ids: readonly string[], options?: CallOptions): Promise<(NodeRecord | null)[]> {
    return getNodes(this.connection, ids, options);
  }

  getEdges(keys: readonly EdgeKey[], options?: CallOptions): Promise<(EdgeRecord | null)[]> {
    return getEdges(this.connection, keys, options);
  }

  getNeighbours(query: NeighbourQuery, options?: CallOptions): Promise<Neighbour[][]> {
    return getNeighbours(this.connection, query, options);
  }

  listNodes(query: NodeListQuery, options?: CallOptions): Promise<Page<NodeRecord>> {
    return listNodes(this.connection, query, options);
  }

  listEdges(query: EdgeListQuery, options?: CallOptions): Promise<Page<EdgeRecord>> {
    return listEdges(this.connection, query, options);
  }

  upsert(batch: GraphBatch, options?: CallOptions): Promise<UpsertResult> {
    return upsert(this.connection, batch, options);
  }

  stats(options?: CallOptions): Promise<GraphStats> {
    return stats(this.connection, options);
  }

  listValidityChanges(query: ValidityChangeQuery, options?: CallOptions): Promise<Page<ValidityChange>> {
    return listValidityChanges(this.connection, query, options);
  }

  search(query: SearchQuery, options?: CallOptions): Promise<Page<SearchHit>> {
    return search(this.connection, query, options);
  }

  findPaths(query: PathQuery, options?: CallOptions): Promise<GraphPath[]> {
    return findPaths(this.connection, query, options);
  }

  neighbourhood(query: NeighbourhoodQuery, options?: CallOptions): Promise<Subgraph> {
    return neighbourhood(this.connection, query, options);
  }

  countNodes(query: NodeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
    return countNodes(this.connection, query, options);
  }

  countEdges(query: EdgeCountQuery, options?: CallOptions): Promise<CountGroup[]> {
    return countEdges(this.connection, query, options);
  }

  applyChange(change: RecordChange, options?: CallOptions): Promise<ChangeResult> {
    return applyChange(this.connection, change, options);
  }

  getRecords(ids: readonly string[], options?: CallOptions): Promise<(ImplementationRecord | null)[]> {
    return getRecords(this.connection, ids, options);
  }

  recordsOf(query: RecordsOfQuery, options?: CallOptions): Promise<ImplementationRecord[][]> {
    return recordsOf(this.connection, query, options);
  }

  listChanges(query: ChangeListQuery, options?: CallOptions): Promise<Page<ChangeEntry>> {
    return listChanges(this.connection, query, options);
  }

  targetProgress(query: ProgressQuery, options?: CallOptions): Promise<(TargetProgress | null)[]> {
    return targetProgress(this.connection, query, options);
  }

  taskProgress(query: ProgressQuery, options?: CallOptions): Promise<(TaskProgress | null)[]> {
    return taskProgress(this.connection, query, options);
  }

  ping(options?: CallOptions): Promise<void> {
    return ping(this.connection, options);
  }

  /** Closes the driver (once); every call made afterwards fails with StoreUnavailableError. */
  close(): Promise<void> {
    return this.connection.close();
  }
}
