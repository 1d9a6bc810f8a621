/**
 * The part of neo4j-driver 6 the adapter uses. The real `Driver` satisfies it
 * structurally; unit tests pass a fake. Keeping it this small documents
 * exactly which driver calls the adapter makes.
 */

/** One record of a result: values by column name. */
export interface Neo4jRecordPort {
  get(key: string): unknown;
}

/** Update counters of a result summary (`summary.counters.updates()`). */
export interface Neo4jUpdateCounters {
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
}

/** The eagerly consumed result of one statement. */
export interface Neo4jQueryResultPort {
  readonly records: readonly Neo4jRecordPort[];
  readonly summary: { readonly counters: { updates(): Neo4jUpdateCounters } };
}

/** A managed transaction (the `tx` of `executeRead` / `executeWrite`). */
export interface Neo4jTransactionPort {
  run(cypher: string, parameters: Record<string, unknown>): PromiseLike<Neo4jQueryResultPort>;
}

/** Settings of one managed transaction (neo4j-driver's `TransactionConfig`). */
export interface Neo4jTransactionConfig {
  /** Milliseconds after which the server terminates the transaction (at least 1; 0 would mean no limit). */
  readonly timeout: number;
}

/** A session: transaction functions retried by the driver on transient errors. */
export interface Neo4jSessionPort {
  executeRead<T>(work: (tx: Neo4jTransactionPort) => Promise<T>, config?: Neo4jTransactionConfig): Promise<T>;
  executeWrite<T>(work: (tx: Neo4jTransactionPort) => Promise<T>, config?: Neo4jTransactionConfig): Promise<T>;
  close(): Promise<void>;
}

/** Session settings the adapter passes: the database and the access mode a cluster routes by. */
export interface Neo4jSessionSettings {
  readonly database?: string;
  readonly defaultAccessMode: 'READ' | 'WRITE';
}

/** The driver: one per store. */
export interface Neo4jDriverPort {
  session(settings: Neo4jSessionSettings): Neo4jSessionPort;
  verifyConnectivity(settings?: { database?: string }): Promise<void>;
  verifyAuthentication(settings?: { database?: string }): Promise<boolean>;
  close(): Promise<void>;
}
