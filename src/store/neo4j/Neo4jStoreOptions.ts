import { ConfigError } from '../../errors';

/**
 * How to reach a Neo4j 5 database. Validated once by
 * {@link validateNeo4jStoreOptions} before a driver is created; src/config.ts
 * checks the NEO4J_* variables with the same {@link neo4jOptionProblems}.
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
  /** Most connections the driver keeps per server. */
  readonly maxConnectionPoolSize?: number;
  /** How long a call waits for a free pooled connection, in ms. */
  readonly connectionAcquisitionTimeoutMs?: number;
  /** How long opening a TCP/TLS connection may take, in ms. */
  readonly connectionTimeoutMs?: number;
  /** How long the driver keeps retrying a transaction on transient errors, in ms (never past a call's deadline). */
  readonly maxTransactionRetryTimeMs?: number;
  /** Server-side timeout of a transaction of a call without a deadline, in ms (with one: the time left). */
  readonly transactionTimeoutMs?: number;
}

/** The options that are integers. */
export type Neo4jIntegerOption = 'maxConnectionPoolSize' | 'connectionAcquisitionTimeoutMs' | 'connectionTimeoutMs' | 'maxTransactionRetryTimeMs' | 'transactionTimeoutMs';

/** The environment variable holding each option (as read by src/config.ts); messages name it so an operator knows what to fix. */
export const NEO4J_OPTION_VARIABLES: Readonly<Record<keyof Neo4jStoreOptions, string>> = {
  uri: 'NEO4J_URI',
  username: 'NEO4J_USERNAME',
  password: 'NEO4J_PASSWORD',
  database: 'NEO4J_DATABASE',
  maxConnectionPoolSize: 'NEO4J_MAX_POOL_SIZE',
  connectionAcquisitionTimeoutMs: 'NEO4J_ACQUISITION_TIMEOUT_MS',
  connectionTimeoutMs: 'NEO4J_CONNECTION_TIMEOUT_MS',
  maxTransactionRetryTimeMs: 'NEO4J_MAX_TRANSACTION_RETRY_TIME_MS',
  transactionTimeoutMs: 'NEO4J_TRANSACTION_TIMEOUT_MS',
};

/** The range and default of each integer option: the one definition both config.ts and the adapter check against. */
export const NEO4J_INTEGER_OPTIONS: Readonly<Record<Neo4jIntegerOption, { readonly min: number; readonly max: number; readonly default: number }>> = {
  maxConnectionPoolSize: { min: 1, max: 10_000, default: 50 },
  connectionAcquisitionTimeoutMs: { min: 1, max: 3_600_000, default: 60_000 },
  connectionTimeoutMs: { min: 1, max: 3_600_000, default: 30_000 },
  maxTransactionRetryTimeMs: { min: 0, max: 3_600_000, default: 30_000 },
  transactionTimeoutMs: { min: 1, max: 3_600_000, default: 30_000 },
};

/** The default user name (NEO4J_USERNAME). */
export const NEO4J_DEFAULT_USERNAME = 'neo4j';

/** URI schemes neo4j-driver 6 accepts. */
export const NEO4J_URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

/** Options with every default applied, as the store uses them. */
export type ValidNeo4jStoreOptions = Neo4jStoreOptions & Readonly<Record<Neo4jIntegerOption, number>>;

/**
 * Checks every option once and returns them with the defaults of
 * {@link NEO4J_INTEGER_OPTIONS} applied. Throws a {@link ConfigError} listing
 * each problem of {@link neo4jOptionProblems}.
 */
export function validateNeo4jStoreOptions(options: Neo4jStoreOptions): ValidNeo4jStoreOptions {
  const problems = neo4jOptionProblems(options);
  if (problems.length > 0) throw new ConfigError(`Invalid Neo4j settings:\n  - ${problems.join('\n  - ')}`);
  const integers = Object.fromEntries(
    (Object.keys(NEO4J_INTEGER_OPTIONS) as Neo4jIntegerOption[]).map((key) => [key, options[key] ?? NEO4J_INTEGER_OPTIONS[key].default]),
  ) as Record<Neo4jIntegerOption, number>;
  return { ...options, ...integers };
}

/**
 * The problem of each bad option, one message per option naming its
 * variable and value (never the password's value; user info in a URI is
 * masked). Integers must lie in their range of {@link NEO4J_INTEGER_OPTIONS};
 * undefined ones take the default. Empty when all is well.
 */
export function neo4jOptionProblems(options: { readonly [K in keyof Neo4jStoreOptions]?: unknown }): string[] {
  const problems: string[] = [];
  const v = NEO4J_OPTION_VARIABLES;
  const uriProblem = checkUri(options.uri);
  if (uriProblem) problems.push(`${v.uri} ${uriProblem}`);
  if (typeof options.username !== 'string' || options.username.trim() === '') {
    problems.push(`${v.username} must name the Neo4j user (got ${describe(options.username)})`);
  }
  if (typeof options.password !== 'string' || options.password === '') {
    problems.push(`${v.password} must hold the Neo4j user's password (it is ${options.password === '' || options.password === undefined ? 'empty' : 'not a string'})`);
  }
  if (options.database !== undefined) {
    if (typeof options.database !== 'string' || options.database.trim() === '' || /\s/.test(options.database)) {
      problems.push(`${v.database} must be a database name without spaces, or unset for the home database (got ${describe(options.database)})`);
    }
  }
  for (const key of Object.keys(NEO4J_INTEGER_OPTIONS) as Neo4jIntegerOption[]) {
    const value: unknown = options[key];
    const { min, max } = NEO4J_INTEGER_OPTIONS[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)) {
      problems.push(`${v[key]} must be an integer from ${min} to ${max} (got ${describe(value)})`);
    }
  }
  return problems;
}

function checkUri(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.trim() === '') return `must be a URI such as neo4j://localhost:7687 (got ${describe(uri)})`;
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(uri);
  if (!match) return `"${maskUserInfo(uri)}" is not a URI of the form scheme://host[:port]`;
  const scheme = (match[1] ?? '').toLowerCase();
  if (!(NEO4J_URI_SCHEMES as readonly string[]).includes(scheme)) {
    return `"${maskUserInfo(uri)}" has the scheme "${scheme}"; use one of ${NEO4J_URI_SCHEMES.join(', ')}`;
  }
  const authority = match[2] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host === '' || host.startsWith(':')) return `"${maskUserInfo(uri)}" names no host`;
  return undefined;
}

/** The URI with any user info (`user:password@`) replaced by `***@`. */
export function maskUserInfo(uri: string): string {
  return uri.replace(/^([^:]+:\/\/)[^@/]*@/, '$1***@');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  return String(value);
}
