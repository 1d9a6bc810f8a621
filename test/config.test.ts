import path from 'node:path';
import { loadConfig } from '../src/config';
import { NEO4J_INTEGER_OPTIONS, validateNeo4jStoreOptions, type Neo4jStoreOptions } from '../src/store/neo4j/Neo4jStoreOptions';
import { KUZU_OPTION_RANGES, validateKuzuStoreOptions } from '../src/store/kuzu/KuzuStoreOptions';

describe('configuration', () => {
  it('defaults to port 4000 and the embedded store in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('info');
    expect(config.store).toEqual({
      kind: 'kuzu',
      dataDir: path.resolve('./data'),
      poolSize: 4,
      bufferPoolBytes: 512 * 1024 * 1024,
      maxThreads: 2,
      queryTimeoutMs: 30_000,
    });
    expect(config.seedOnStart).toBe(true);
    expect(config.federation).toBe(true);
  });

  it('reads the environment', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/x', LOG_LEVEL: 'debug', SEED_ON_START: 'false' });
    expect(config).toMatchObject({ port: 8080, logLevel: 'debug', seedOnStart: false, store: { kind: 'kuzu', dataDir: '/tmp/x' } });
  });

  it('selects Neo4j with one variable (plus its password)', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'pw' });
    expect(config.store).toMatchObject({ kind: 'neo4j', uri: 'neo4j+s://abc.databases.neo4j.io', username: 'neo4j', password: 'pw' });
  });

  it('reads the Kùzu settings in the ranges of the store options themselves (one range per setting)', () => {
    const MiB = 1024 * 1024;
    const config = loadConfig({ KUZU_BUFFER_POOL_MB: '768', KUZU_MAX_THREADS: '1', KUZU_QUERY_TIMEOUT_MS: '0' });
    expect(config.store).toMatchObject({ bufferPoolBytes: 768 * MiB, maxThreads: 1, queryTimeoutMs: 0 });
    const edges: [string, 'bufferPoolBytes' | 'maxThreads' | 'queryTimeoutMs' | 'poolSize', number][] = [
      ['KUZU_BUFFER_POOL_MB', 'bufferPoolBytes', MiB],
      ['KUZU_MAX_THREADS', 'maxThreads', 1],
      ['KUZU_QUERY_TIMEOUT_MS', 'queryTimeoutMs', 1],
      ['KUZU_POOL_SIZE', 'poolSize', 1],
    ];
    for (const [variable, option, unit] of edges) {
      const { min, max } = KUZU_OPTION_RANGES[option];
      for (const value of [min, max]) {
        const read = loadConfig({ [variable]: String(value / unit) }).store as unknown as Record<string, number>;
        expect(read[option]).toBe(value);
        expect(validateKuzuStoreOptions({ path: '/tmp/x', [option]: value })[option]).toBe(value);
      }
      for (const value of [min - unit, max + unit]) {
        expect(() => loadConfig({ [variable]: String(value / unit) })).toThrow(new RegExp(`${variable}="${value / unit}" must be an integer from ${min / unit} to ${max / unit}`));
        expect(() => validateKuzuStoreOptions({ path: '/tmp/x', [option]: value })).toThrow(new RegExp(`${option} must be`));
      }
    }
  });

  it('names every bad variable and its value in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', KUZU_POOL_SIZE: '0' })).toThrow(
      /PORT="eighty"[\s\S]*LOG_LEVEL="loud"[\s\S]*KUZU_POOL_SIZE="0"/,
    );
  });

  it('rejects a Neo4j URI of another scheme and a missing password', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI "http:\/\/localhost:7474" has the scheme "http"[\s\S]*NEO4J_PASSWORD/);
  });

  it('checks each NEO4J_* number once, against the range the Neo4j adapter defines, with the adapter\'s message', () => {
    const neo4j = { NEO4J_URI: 'bolt://localhost:7687', NEO4J_PASSWORD: 'pw' };
    const configMessage = (env: Record<string, string>): string => {
      try {
        loadConfig({ ...neo4j, ...env });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    const adapterMessage = (options: Partial<Neo4jStoreOptions>): string => {
      try {
        validateNeo4jStoreOptions({ uri: neo4j.NEO4J_URI, username: 'neo4j', password: 'pw', ...options });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    const problem = (message: string) => message.split('\n  - ')[1];
    expect(problem(configMessage({ NEO4J_MAX_POOL_SIZE: '10001' }))).toBe('NEO4J_MAX_POOL_SIZE must be an integer from 1 to 10000 (got 10001)');
    expect(problem(configMessage({ NEO4J_MAX_POOL_SIZE: '10001' }))).toBe(problem(adapterMessage({ maxConnectionPoolSize: 10001 })));
    expect(problem(configMessage({ NEO4J_MAX_POOL_SIZE: '0' }))).toBe(problem(adapterMessage({ maxConnectionPoolSize: 0 })));
    expect(configMessage({ NEO4J_TRANSACTION_TIMEOUT_MS: 'soon' })).toContain('NEO4J_TRANSACTION_TIMEOUT_MS must be an integer from 1 to 3600000 (got "soon")');
    expect(configMessage({ NEO4J_MAX_TRANSACTION_RETRY_TIME_MS: '3600001' })).toContain('NEO4J_MAX_TRANSACTION_RETRY_TIME_MS');
    expect(loadConfig({ ...neo4j, NEO4J_MAX_POOL_SIZE: '10000', NEO4J_MAX_TRANSACTION_RETRY_TIME_MS: '0', NEO4J_TRANSACTION_TIMEOUT_MS: '2500' }).store).toMatchObject({
      maxConnectionPoolSize: 10000,
      maxTransactionRetryTimeMs: 0,
      transactionTimeoutMs: 2500,
    });
    expect(loadConfig(neo4j).store).toMatchObject({
      maxConnectionPoolSize: NEO4J_INTEGER_OPTIONS.maxConnectionPoolSize.default,
      transactionTimeoutMs: NEO4J_INTEGER_OPTIONS.transactionTimeoutMs.default,
    });
  });

  it('serves the GraphQL IDE in the development profile unless IDE_ENABLED is false, and rejects other values', () => {
    expect(loadConfig({}).ideEnabled).toBe(false);
    expect(loadConfig({ API_PROFILE: 'development' }).ideEnabled).toBe(true);
    expect(loadConfig({ API_PROFILE: 'development', IDE_ENABLED: 'false' }).ideEnabled).toBe(false);
    expect(loadConfig({ IDE_ENABLED: 'false' }).ideEnabled).toBe(false);
    expect(loadConfig({ IDE_ENABLED: '0' }).ideEnabled).toBe(false);
    expect(loadConfig({ IDE_ENABLED: 'YES' }).ideEnabled).toBe(true);
    expect(() => loadConfig({ IDE_ENABLED: 'off' })).toThrow(/IDE_ENABLED="off" must be true or false/);
  });

  it('reads the execution bounds and the readiness probe, naming a bad value', () => {
    expect(loadConfig({}).execution).toEqual({ requestTimeoutMs: 5000, maxResponseBytes: 16 * 1024 * 1024, heavyConcurrency: 2, heavyQueueLength: 32 });
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '250', HEAVY_QUEUE_LENGTH: '0', READY_PROBE_TIMEOUT_MS: '50' })).toMatchObject({
      execution: { requestTimeoutMs: 250, heavyQueueLength: 0 },
      readiness: { probeTimeoutMs: 50, probeIntervalMs: 1000 },
    });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '5s', HEAVY_CONCURRENCY: '0', MAX_RESPONSE_BYTES: '-1' })).toThrow(
      /REQUEST_TIMEOUT_MS="5s" must be an integer from 100[\s\S]*MAX_RESPONSE_BYTES="-1"[\s\S]*HEAVY_CONCURRENCY="0" must be an integer from 1 to 64/,
    );
  });

  it('lets explicit options win over the environment', () => {
    expect(loadConfig({ PORT: '8080' }, { port: 9999 }).port).toBe(9999);
  });

  it('defaults to the production profile: introspection, the IDE, inline traces and APQ off, CORS off, no trusted documents', () => {
    expect(loadConfig({}).posture).toEqual({
      profile: 'production',
      introspection: false,
      inlineTraces: false,
      persistedQueries: false,
      corsOrigins: [],
      trustedDocuments: undefined,
      trustedDocumentsOnly: false,
    });
    expect(loadConfig({ API_PROFILE: 'development' }).posture).toMatchObject({ introspection: true, inlineTraces: true, persistedQueries: true });
    expect(loadConfig({ API_PROFILE: 'development', INTROSPECTION: 'false', PERSISTED_QUERIES: 'no' }).posture).toMatchObject({
      introspection: false,
      persistedQueries: false,
    });
    expect(loadConfig({ INLINE_TRACES: 'true' }).posture.inlineTraces).toBe(true);
  });

  it('reads the operation limits and the posture settings, naming every bad value', () => {
    expect(loadConfig({ LIMIT_MAX_DEPTH: '7', LIMIT_MAX_COST: '1000' }).limits).toMatchObject({ maxDepth: 7, maxCost: 1000 });
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).posture.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    let message = '';
    try {
      loadConfig({ LIMIT_MAX_DEPTH: '0', LIMIT_MAX_TOKENS: 'many', API_PROFILE: 'staging', CORS_ORIGINS: 'https://a.example/path', TRUSTED_DOCUMENTS_ONLY: 'true' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const problem of ['LIMIT_MAX_DEPTH="0"', 'LIMIT_MAX_TOKENS="many"', 'API_PROFILE="staging"', 'CORS_ORIGINS has "https://a.example/path"', 'TRUSTED_DOCUMENTS_ONLY="true" needs TRUSTED_DOCUMENTS']) {
      expect(message).toContain(problem);
    }
    expect(() => loadConfig({ INTROSPECTION: 'maybe' })).toThrow(/INTROSPECTION="maybe" must be true or false/);
  });
});
