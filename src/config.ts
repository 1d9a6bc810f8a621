import path from 'node:path';
import { ConfigError } from './errors';
import {
  NEO4J_DEFAULT_USERNAME,
  NEO4J_INTEGER_OPTIONS,
  NEO4J_OPTION_VARIABLES,
  neo4jOptionProblems,
  type Neo4jIntegerOption,
} from './store/neo4j/Neo4jStoreOptions';

/** Log levels accepted by LOG_LEVEL. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings of the embedded Kùzu store. */
export interface KuzuConfig {
  readonly kind: 'kuzu';
  /** Directory of the database; created on first start. */
  readonly dataDir: string;
  /** Read connections in the pool. */
  readonly poolSize: number;
}

/** Settings of a Neo4j server or cluster (selected by NEO4J_URI); ranges and defaults in NEO4J_INTEGER_OPTIONS. */
export interface Neo4jConfig {
  readonly kind: 'neo4j';
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string | undefined;
  readonly maxConnectionPoolSize: number;
  readonly connectionAcquisitionTimeoutMs: number;
  readonly connectionTimeoutMs: number;
  readonly maxTransactionRetryTimeMs: number;
  readonly transactionTimeoutMs: number;
}

/**
 * Budgets of the read caches in bytes (0 = off). Both are emptied by every
 * write through this process, so they are on by default only for the
 * embedded store, which no other process can write to.
 */
export interface CacheConfig {
  /** Read-through cache of store answers and records (STORE_CACHE_MB). */
  readonly storeBytes: number;
  /** Cache of whole GraphQL answers (RESPONSE_CACHE_MB). */
  readonly responseBytes: number;
}

/** The whole configuration, read and validated once at start-up. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** Load the seed plans when the graph is empty at start-up. */
  readonly seedOnStart: boolean;
  /** Serve the schema as an Apollo Federation 2 subgraph (adds `_service` and `_entities`). */
  readonly federation: boolean;
  /** Serve the GraphQL IDE at /explore and on a browser's GET /graphql. */
  readonly ideEnabled: boolean;
  readonly store: KuzuConfig | Neo4jConfig;
  readonly cache: CacheConfig;
  /** Execute operations with graphql-jit instead of graphql-js (GRAPHQL_JIT). */
  readonly jit: boolean;
}

/** The environment variables read, with their defaults (documented in the README); NEO4J_* ones in src/store/neo4j/Neo4jStoreOptions.ts. */
export const CONFIG_DEFAULTS = {
  PORT: '4000',
  HOST: '0.0.0.0',
  LOG_LEVEL: 'info',
  DATA_DIR: './data',
  KUZU_POOL_SIZE: '4',
  SEED_ON_START: 'true',
  FEDERATION: 'true',
  IDE_ENABLED: 'true',
  STORE_CACHE_MB: '64',
  RESPONSE_CACHE_MB: '16',
  GRAPHQL_JIT: 'true',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the configuration from `env` (default: process.env).
 * Throws a {@link ConfigError} naming every bad variable and its value.
 * Explicit `overrides` win over the environment.
 */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const get = (name: keyof typeof CONFIG_DEFAULTS): string => {
    const value = env[name];
    return value === undefined || value === '' ? CONFIG_DEFAULTS[name] : value;
  };
  const int = (name: keyof typeof CONFIG_DEFAULTS, min: number, max: number): number => {
    const raw = get(name);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be an integer from ${min} to ${max}`);
      return Number(CONFIG_DEFAULTS[name]);
    }
    return value;
  };
  const bool = (name: keyof typeof CONFIG_DEFAULTS): boolean => {
    const raw = get(name).toLowerCase();
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name}="${get(name)}" must be true or false`);
    return true;
  };

  const port = int('PORT', 0, 65535);
  const host = get('HOST');
  const logLevelRaw = get('LOG_LEVEL');
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as LogLevel) : undefined;
  if (!logLevel) problems.push(`LOG_LEVEL="${logLevelRaw}" must be one of ${LOG_LEVELS.join(', ')}`);
  const seedOnStart = bool('SEED_ON_START');
  const federation = bool('FEDERATION');
  const ideEnabled = bool('IDE_ENABLED');
  const jit = bool('GRAPHQL_JIT');

  let store: KuzuConfig | Neo4jConfig;
  const neo4jUri = env.NEO4J_URI;
  if (neo4jUri) {
    // Each NEO4J_* setting is checked once, by the adapter's own rule (src/store/neo4j/Neo4jStoreOptions.ts).
    const neo4jInt = (key: Neo4jIntegerOption): number | string | undefined => {
      const raw = env[NEO4J_OPTION_VARIABLES[key]];
      if (raw === undefined || raw === '') return undefined;
      return /^\d+$/.test(raw) ? Number(raw) : raw;
    };
    const integers = Object.fromEntries((Object.keys(NEO4J_INTEGER_OPTIONS) as Neo4jIntegerOption[]).map((key) => [key, neo4jInt(key)]));
    const neo4j = {
      uri: neo4jUri,
      username: env.NEO4J_USERNAME || NEO4J_DEFAULT_USERNAME,
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      ...integers,
    };
    problems.push(...neo4jOptionProblems(neo4j));
    const valid = (key: Neo4jIntegerOption): number => {
      const value = integers[key];
      return typeof value === 'number' ? value : NEO4J_INTEGER_OPTIONS[key].default;
    };
    store = {
      kind: 'neo4j',
      uri: neo4j.uri,
      username: neo4j.username,
      password: neo4j.password,
      database: neo4j.database,
      maxConnectionPoolSize: valid('maxConnectionPoolSize'),
      connectionAcquisitionTimeoutMs: valid('connectionAcquisitionTimeoutMs'),
      connectionTimeoutMs: valid('connectionTimeoutMs'),
      maxTransactionRetryTimeMs: valid('maxTransactionRetryTimeMs'),
      transactionTimeoutMs: valid('transactionTimeoutMs'),
    };
  } else {
    store = { kind: 'kuzu', dataDir: path.resolve(get('DATA_DIR')), poolSize: int('KUZU_POOL_SIZE', 1, 64) };
  }

  // With Neo4j, other processes may write to the database unseen: the caches are off unless asked for.
  const cacheBytes = (name: 'STORE_CACHE_MB' | 'RESPONSE_CACHE_MB'): number =>
    neo4jUri && !env[name] ? 0 : int(name, 0, 65_536) * 1024 * 1024;
  const cache = { storeBytes: cacheBytes('STORE_CACHE_MB'), responseBytes: cacheBytes('RESPONSE_CACHE_MB') };

  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return { port, host, logLevel: logLevel as LogLevel, seedOnStart, federation, ideEnabled, store, cache, jit, ...overrides };
}
