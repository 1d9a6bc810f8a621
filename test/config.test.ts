import path from 'node:path';
import { loadConfig } from '../src/config';
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
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI="http:\/\/localhost:7474"[\s\S]*NEO4J_PASSWORD/);
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
