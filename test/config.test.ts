import path from 'node:path';
import { loadConfig } from '../src/config';

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
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI="http:\/\/localhost:7474"[\s\S]*NEO4J_PASSWORD/);
  });

  it('serves the GraphQL IDE unless IDE_ENABLED is false, and rejects other values', () => {
    expect(loadConfig({}).ideEnabled).toBe(true);
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
});
