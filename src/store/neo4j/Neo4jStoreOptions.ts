/**
 * How to reach a Neo4j 5 database. Validated once by
 * {@link validateNeo4jStoreOptions} before a driver is created.
 */
export interface Neo4jStoreOptions {
  /**
   * Connection URI. Scheme: `bolt`, `bolt+s`, `bolt+ssc` (one server) or
   * `neo4j`, `neo4j+s`, `neo4j+ssc` (routing: clusters and Aura).
   */
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  /** Database name; the user's home database when omitted. */
  readonly database?: string;
  /** Most connections the driver keeps per server (driver default 100). */
  readonly maxConnectionPoolSize?: number;
  /** How long a call waits for a free pooled connection, in ms (driver default 60000). */
  readonly connectionAcquisitionTimeoutMs?: number;
  /** How long opening a TCP/TLS connection may take, in ms (driver default 30000). */
  readonly connectionTimeoutMs?: number;
  /** How long the driver keeps retrying a transaction on transient errors, in ms (driver default 30000). */
  readonly maxTransactionRetryTimeMs?: number;
}

/**
 * The environment variable holding each option (as read by src/config.ts;
 * the last two are not read there yet); error messages name it so an
 * operator knows what to fix.
 */
export const NEO4J_OPTION_VARIABLES: Readonly<Record<keyof Neo4jStoreOptions, string>> = {
  uri: 'NEO4J_URI',
  username: 'NEO4J_USERNAME',
  password: 'NEO4J_PASSWORD',
  database: 'NEO4J_DATABASE',
  maxConnectionPoolSize: 'NEO4J_MAX_POOL_SIZE',
  connectionAcquisitionTimeoutMs: 'NEO4J_ACQUISITION_TIMEOUT_MS',
  connectionTimeoutMs: 'NEO4J_CONNECTION_TIMEOUT_MS',
  maxTransactionRetryTimeMs: 'NEO4J_MAX_TRANSACTION_RETRY_TIME_MS',
};

/** URI schemes neo4j-driver 6 accepts. */
export const NEO4J_URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;
