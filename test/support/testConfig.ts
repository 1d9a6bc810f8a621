import { loadConfig, type Config } from '../../src/config';

/**
 * The configuration tests serve with, read once per call like the server's
 * own (src/config.ts): the development profile (IDE, introspection, inline
 * traces and APQ on), the default limits and bounds, a free loopback port,
 * graphql-js execution (GRAPHQL_JIT=false: suites that want graphql-jit say
 * so), and `overrides` on top.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ API_PROFILE: 'development', GRAPHQL_JIT: 'false' }, { port: 0, host: '127.0.0.1', ...overrides });
}
