import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';
import { TEST_SECRET } from './fixtures';

const configError = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('authentication settings (Config.auth)', () => {
  it('without auth settings: anonymous reads on, no credentials accepted, default issuer, audience, tolerance and role claim', () => {
    expect(loadConfig({}).auth).toEqual({
      anonymousRead: true,
      jwt: { secret: undefined, jwksFile: undefined, issuer: 'plan-knowledge-graph', audience: 'plan-knowledge-graph', clockToleranceSeconds: 30, roleClaim: 'role' },
      apiKeysFile: undefined,
    });
  });

  it('reads every AUTH_* variable and resolves the file paths', () => {
    const auth = loadConfig({
      ANONYMOUS_READ: 'false',
      AUTH_JWT_SECRET: TEST_SECRET,
      AUTH_JWKS_FILE: 'keys/jwks.json',
      AUTH_JWT_ISSUER: 'https://id.example.org/',
      AUTH_JWT_AUDIENCE: 'plan-api',
      AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '5',
      AUTH_JWT_ROLE_CLAIM: 'https://example.org/role',
      AUTH_API_KEYS_FILE: 'keys/api-keys.json',
    }).auth;
    expect(auth).toEqual({
      anonymousRead: false,
      jwt: {
        secret: TEST_SECRET,
        jwksFile: path.resolve('keys/jwks.json'),
        issuer: 'https://id.example.org/',
        audience: 'plan-api',
        clockToleranceSeconds: 5,
        roleClaim: 'https://example.org/role',
      },
      apiKeysFile: path.resolve('keys/api-keys.json'),
    });
  });

  it('refuses a secret under 32 bytes, naming the variable and its length but not the secret', () => {
    const message = configError({ AUTH_JWT_SECRET: 'too-short-but-secret' });
    expect(message).toContain('AUTH_JWT_SECRET');
    expect(message).toContain('20 bytes');
    expect(message).toContain('at least 32');
    expect(message).not.toContain('too-short-but-secret');
  });

  it('refuses ANONYMOUS_READ=false when no credentials could be checked (nothing could be read)', () => {
    expect(configError({ ANONYMOUS_READ: 'false' })).toMatch(/ANONYMOUS_READ="false" needs .*AUTH_JWT_SECRET, AUTH_JWKS_FILE or AUTH_API_KEYS_FILE/);
    expect(loadConfig({ ANONYMOUS_READ: 'no', AUTH_API_KEYS_FILE: 'k.json' }).auth.anonymousRead).toBe(false);
  });

  it('names each bad value: a flag, the clock tolerance, an issuer with spaces', () => {
    expect(configError({ ANONYMOUS_READ: 'maybe' })).toContain('ANONYMOUS_READ="maybe" must be true or false');
    expect(configError({ AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '301' })).toContain('AUTH_JWT_CLOCK_TOLERANCE_SECONDS="301" must be an integer from 0 to 300');
    expect(configError({ AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '-1' })).toContain('AUTH_JWT_CLOCK_TOLERANCE_SECONDS="-1"');
    expect(configError({ AUTH_JWT_ISSUER: ' issuer ' })).toContain('AUTH_JWT_ISSUER=" issuer "');
  });
});
