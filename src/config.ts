import path from 'node:path';
import { readAuthSettings, type AuthConfig } from './auth/authSettings';
import { ConfigError } from './errors';
import {
  NEO4J_DEFAULT_USERNAME,
  NEO4J_INTEGER_OPTIONS,
  NEO4J_OPTION_VARIABLES,
  neo4jOptionProblems,
  type Neo4jIntegerOption,
} from './store/neo4j/Neo4jStoreOptions';
import { KUZU_OPTION_RANGES } from './store/kuzu/KuzuStoreOptions';

const MiB = 1024 * 1024;

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
  /** Kùzu's buffer pool, bytes. */
  readonly bufferPoolBytes: number;
  /** Threads one query may use. */
  readonly maxThreads: number;
  /** Statement timeout of a store call without a deadline, ms (0: none). */
  readonly queryTimeoutMs: number;
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

/** Bounds on the execution of one request, and admission of the heavy ones. */
export interface ExecutionConfig {
  /** Time a request may take, from its arrival to its answer (queueing included). */
  readonly requestTimeoutMs: number;
  /** Largest answer sent, in bytes; a larger one is replaced by RESPONSE_TOO_LARGE. */
  readonly maxResponseBytes: number;
  /** Heavy operations executing at once. */
  readonly heavyConcurrency: number;
  /** Heavy operations waiting for a place; beyond, OVERLOADED. */
  readonly heavyQueueLength: number;
}

/** Bounds of the exports (GET /export/..., src/server/export/): how many run at once and how long one may take. */
export interface ExportConfig {
  /** Exports streaming at once; one more is refused with 503 OVERLOADED and Retry-After (EXPORT_CONCURRENCY). */
  readonly concurrency: number;
  /** Time one export may take, from its arrival to its last byte (EXPORT_TIMEOUT_MS). */
  readonly timeoutMs: number;
}

/** The background readiness probe behind /ready. */
export interface ReadinessConfig {
  readonly probeIntervalMs: number;
  readonly probeTimeoutMs: number;
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

/**
 * Bounds of the live endpoint: GraphQL subscriptions over WebSocket at
 * /graphql (src/server/live/). Every operation sent there is also checked
 * against {@link OperationLimits}.
 */
export interface LiveConfig {
  /** WebSocket connections open at once; beyond, an upgrade is refused with HTTP 503 and Retry-After. */
  readonly maxConnections: number;
  /** Subscriptions running at once on one connection; beyond, the next is refused (OPERATION_LIMIT_EXCEEDED). */
  readonly maxSubscriptionsPerConnection: number;
  /** Largest message a client may send, in bytes; a larger one closes the connection (1009 Message Too Big). */
  readonly maxMessageBytes: number;
  /** Time a client has, once connected, to send `connection_init`; later, the connection is closed (4408). */
  readonly connectionInitTimeoutMs: number;
  /** Interval of the server's pings; a client that has not answered one by the next is dropped. */
  readonly keepAliveMs: number;
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
  /** Limits every operation is checked against before it runs (src/server/limits/). */
  readonly limits: OperationLimits;
  /** Production posture: what the server exposes besides the API itself (src/server/posture/). */
  readonly posture: Posture;
  readonly execution: ExecutionConfig;
  readonly readiness: ReadinessConfig;
  readonly exports: ExportConfig;
  readonly cache: CacheConfig;
  /** Execute operations with graphql-jit instead of graphql-js (GRAPHQL_JIT). */
  readonly jit: boolean;
  /** Authentication: bearer tokens, API keys, anonymous reading (ANONYMOUS_READ, AUTH_*; checked in src/auth/authSettings.ts). */
  readonly auth: AuthConfig;
  /** Bounds of the live endpoint (subscriptions over WebSocket, LIVE_*). */
  readonly live: LiveConfig;
}

/** Largest values an operation may have; over one, it is refused with OPERATION_LIMIT_EXCEEDED. */
export interface OperationLimits {
  /** Nesting of selections, introspection subtrees counted as one level. */
  readonly maxDepth: number;
  /** Aliased fields, counted through fragment spreads. */
  readonly maxAliases: number;
  /** Fields at the root of the operation, counted through fragment spreads. */
  readonly maxRootFields: number;
  /** Directive uses, counted through fragment spreads. */
  readonly maxDirectives: number;
  /** Lexical tokens of the document (checked while parsing). */
  readonly maxTokens: number;
  /** Field selections with fragments expanded. */
  readonly maxFields: number;
  /** Estimated cost (see src/server/limits/costModel.ts). */
  readonly maxCost: number;
}

/** The deployment profiles API_PROFILE selects; the per-feature settings default from it. */
export const API_PROFILES = ['production', 'development'] as const;
export type ApiProfile = (typeof API_PROFILES)[number];

/** What the server exposes besides answering trusted operations. */
export interface Posture {
  readonly profile: ApiProfile;
  /** Answer introspection queries (`__schema`, `__type`). */
  readonly introspection: boolean;
  /** Send federated traces (ftv1) when a gateway asks for them. */
  readonly inlineTraces: boolean;
  /** Accept automatic persisted queries (APQ registrations by hash). */
  readonly persistedQueries: boolean;
  /** Origins allowed to call the API from a browser (CORS); empty: CORS off. */
  readonly corsOrigins: readonly string[];
  /** Path of a JSON manifest of trusted documents (sha256 hex -> document), if any. */
  readonly trustedDocuments: string | undefined;
  /** Refuse every document that is not in the manifest. */
  readonly trustedDocumentsOnly: boolean;
}

/** The environment variables read, with their defaults (documented in the README); NEO4J_* ones in src/store/neo4j/Neo4jStoreOptions.ts. */
export const CONFIG_DEFAULTS = {
  PORT: '4000',
  HOST: '0.0.0.0',
  LOG_LEVEL: 'info',
  DATA_DIR: './data',
  KUZU_POOL_SIZE: String(KUZU_OPTION_RANGES.poolSize.default),
  KUZU_BUFFER_POOL_MB: String(KUZU_OPTION_RANGES.bufferPoolBytes.default / MiB),
  KUZU_MAX_THREADS: String(KUZU_OPTION_RANGES.maxThreads.default),
  KUZU_QUERY_TIMEOUT_MS: String(KUZU_OPTION_RANGES.queryTimeoutMs.default),
  SEED_ON_START: 'true',
  FEDERATION: 'true',
  LIMIT_MAX_DEPTH: '12',
  LIMIT_MAX_ALIASES: '30',
  LIMIT_MAX_ROOT_FIELDS: '20',
  LIMIT_MAX_DIRECTIVES: '30',
  LIMIT_MAX_TOKENS: '3000',
  LIMIT_MAX_FIELDS: '2000',
  LIMIT_MAX_COST: '50000',
  API_PROFILE: 'production',
  CORS_ORIGINS: '',
  TRUSTED_DOCUMENTS_ONLY: 'false',
  REQUEST_TIMEOUT_MS: '5000',
  MAX_RESPONSE_BYTES: '16777216',
  HEAVY_CONCURRENCY: '2',
  HEAVY_QUEUE_LENGTH: '32',
  READY_PROBE_INTERVAL_MS: '1000',
  READY_PROBE_TIMEOUT_MS: '1000',
  STORE_CACHE_MB: '64',
  RESPONSE_CACHE_MB: '16',
  GRAPHQL_JIT: 'true',
  LIVE_MAX_CONNECTIONS: '1000',
  LIVE_MAX_SUBSCRIPTIONS: '20',
  LIVE_MAX_MESSAGE_BYTES: '65536',
  LIVE_INIT_TIMEOUT_MS: '5000',
  LIVE_KEEPALIVE_MS: '12000',
  EXPORT_CONCURRENCY: '2',
  EXPORT_TIMEOUT_MS: '300000',
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
  // Flags without a fixed default take theirs from API_PROFILE (`fallback`).
  const bool = (name: keyof typeof CONFIG_DEFAULTS | 'IDE_ENABLED' | 'INTROSPECTION' | 'INLINE_TRACES' | 'PERSISTED_QUERIES', fallback?: boolean): boolean => {
    if (fallback !== undefined && (env[name] === undefined || env[name] === '')) return fallback;
    const raw = (env[name] || (CONFIG_DEFAULTS as Record<string, string>)[name] || '').toLowerCase();
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name}="${env[name]}" must be true or false`);
    return true;
  };

  const port = int('PORT', 0, 65535);
  const host = get('HOST');
  const logLevelRaw = get('LOG_LEVEL');
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as LogLevel) : undefined;
  if (!logLevel) problems.push(`LOG_LEVEL="${logLevelRaw}" must be one of ${LOG_LEVELS.join(', ')}`);
  const seedOnStart = bool('SEED_ON_START');
  const federation = bool('FEDERATION');
  const profileRaw = get('API_PROFILE');
  const profile = (API_PROFILES as readonly string[]).includes(profileRaw) ? (profileRaw as ApiProfile) : 'production';
  if (profile !== profileRaw) problems.push(`API_PROFILE="${profileRaw}" must be one of ${API_PROFILES.join(', ')}`);
  const development = profile === 'development';
  const ideEnabled = bool('IDE_ENABLED', development);
  const limits: OperationLimits = {
    maxDepth: int('LIMIT_MAX_DEPTH', 1, 1000),
    maxAliases: int('LIMIT_MAX_ALIASES', 0, 100_000),
    maxRootFields: int('LIMIT_MAX_ROOT_FIELDS', 1, 100_000),
    maxDirectives: int('LIMIT_MAX_DIRECTIVES', 0, 100_000),
    maxTokens: int('LIMIT_MAX_TOKENS', 10, 10_000_000),
    maxFields: int('LIMIT_MAX_FIELDS', 1, 10_000_000),
    maxCost: int('LIMIT_MAX_COST', 1, 1_000_000_000),
  };
  const corsOrigins = get('CORS_ORIGINS').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS has "${origin}": each origin must be scheme://host[:port], no path`);
  }
  const trustedDocuments = env.TRUSTED_DOCUMENTS ? path.resolve(env.TRUSTED_DOCUMENTS) : undefined;
  const trustedDocumentsOnly = bool('TRUSTED_DOCUMENTS_ONLY');
  if (trustedDocumentsOnly && !trustedDocuments) problems.push('TRUSTED_DOCUMENTS_ONLY="true" needs TRUSTED_DOCUMENTS (the manifest path)');
  const posture: Posture = {
    profile,
    introspection: bool('INTROSPECTION', development),
    inlineTraces: bool('INLINE_TRACES', development),
    persistedQueries: bool('PERSISTED_QUERIES', development),
    corsOrigins,
    trustedDocuments,
    trustedDocumentsOnly,
  };
  const execution: ExecutionConfig = {
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 100, 600_000),
    maxResponseBytes: int('MAX_RESPONSE_BYTES', 1024, 1_073_741_824),
    heavyConcurrency: int('HEAVY_CONCURRENCY', 1, 64),
    heavyQueueLength: int('HEAVY_QUEUE_LENGTH', 0, 10_000),
  };
  const readiness: ReadinessConfig = {
    probeIntervalMs: int('READY_PROBE_INTERVAL_MS', 10, 60_000),
    probeTimeoutMs: int('READY_PROBE_TIMEOUT_MS', 10, 60_000),
  };
  const exportBounds: ExportConfig = {
    concurrency: int('EXPORT_CONCURRENCY', 1, 64),
    timeoutMs: int('EXPORT_TIMEOUT_MS', 1000, 3_600_000),
  };
  const jit = bool('GRAPHQL_JIT');
  const live: LiveConfig = {
    maxConnections: int('LIVE_MAX_CONNECTIONS', 1, 100_000),
    maxSubscriptionsPerConnection: int('LIVE_MAX_SUBSCRIPTIONS', 1, 1000),
    // A subscribe message carries a document of at most LIMIT_MAX_TOKENS tokens and its variables: never more than an HTTP body.
    maxMessageBytes: int('LIVE_MAX_MESSAGE_BYTES', 1024, 1_000_000),
    connectionInitTimeoutMs: int('LIVE_INIT_TIMEOUT_MS', 100, 60_000),
    keepAliveMs: int('LIVE_KEEPALIVE_MS', 1000, 600_000),
  };
  const auth = readAuthSettings(env, problems);

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
    // Ranges from the store's own options (KUZU_OPTION_RANGES): one range per setting.
    const range = (name: keyof typeof CONFIG_DEFAULTS, option: keyof typeof KUZU_OPTION_RANGES, unit = 1): number =>
      int(name, KUZU_OPTION_RANGES[option].min / unit, KUZU_OPTION_RANGES[option].max / unit) * unit;
    store = {
      kind: 'kuzu',
      dataDir: path.resolve(get('DATA_DIR')),
      poolSize: range('KUZU_POOL_SIZE', 'poolSize'),
      bufferPoolBytes: range('KUZU_BUFFER_POOL_MB', 'bufferPoolBytes', MiB),
      maxThreads: range('KUZU_MAX_THREADS', 'maxThreads'),
      queryTimeoutMs: range('KUZU_QUERY_TIMEOUT_MS', 'queryTimeoutMs'),
    };
  }

  // With Neo4j, other processes may write to the database unseen: the caches are off unless asked for.
  const cacheBytes = (name: 'STORE_CACHE_MB' | 'RESPONSE_CACHE_MB'): number =>
    neo4jUri && !env[name] ? 0 : int(name, 0, 65_536) * 1024 * 1024;
  const cache = { storeBytes: cacheBytes('STORE_CACHE_MB'), responseBytes: cacheBytes('RESPONSE_CACHE_MB') };

  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return { port, host, logLevel: logLevel as LogLevel, seedOnStart, federation, ideEnabled, store, limits, posture, execution, readiness, exports: exportBounds, cache, jit, auth, live, ...overrides };
}
