import path from 'node:path';
import { loadConfig } from '../src/config';
import { NEO4J_INTEGER_OPTIONS, validateNeo4jStoreOptions, type Neo4jStoreOptions } from '../src/store/neo4j/Neo4jStoreOptions';

describe('configuration', () => {
  it('defaults to port 4000 and the embedded store in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('info');
    expect(config.store).toEqual({ kind: 'kuzu', dataDir: path.resolve('./data'), poolSize: 4 });
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

  it('serves the GraphQL IDE unless IDE_ENABLED is false, and rejects other values', () => {
    expect(loadConfig({}).ideEnabled).toBe(true);
    expect(loadConfig({ IDE_ENABLED: 'false' }).ideEnabled).toBe(false);
    expect(loadConfig({ IDE_ENABLED: '0' }).ideEnabled).toBe(false);
    expect(loadConfig({ IDE_ENABLED: 'YES' }).ideEnabled).toBe(true);
    expect(() => loadConfig({ IDE_ENABLED: 'off' })).toThrow(/IDE_ENABLED="off" must be true or false/);
  });

  it('lets explicit options win over the environment', () => {
    expect(loadConfig({ PORT: '8080' }, { port: 9999 }).port).toBe(9999);
  });
});
