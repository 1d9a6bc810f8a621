import path from 'node:path';
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { createApiKey, revokeApiKey } from '../../src/auth/apiKeyCommands';
import { Authenticator } from '../../src/auth/Authenticator';
import { mintToken } from '../../src/auth/mintToken';
import { loadConfig } from '../../src/config';
import { RESPONSE_CACHE_HEADER } from '../../src/server/responseCachePlugin';
import { startServer, type RunningServer } from '../../src/server/startServer';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { openTestStore, type TestStore } from '../support/openTestStore';
import { testConfig } from '../support/testConfig';
import { authConfig, goodClaims, nowSeconds, secretBytes, signToken, tempDir, TEST_SECRET } from '../auth/fixtures';

const ORIGIN = 'https://dashboard.example.org';
const VIEWER = '{ viewer { subject role via } }';
const READ = '{ agencies(first: 1) { totalCount } }';

interface Answer {
  data?: { viewer?: { subject: string; role: string; via: string } | null; agencies?: { totalCount: number } };
  errors?: { message: string; extensions: { code: string }; path?: unknown }[];
}

const temp = tempDir();
const env = { AUTH_JWT_SECRET: TEST_SECRET, AUTH_API_KEYS_FILE: path.join(temp.dir, 'keys.json') };
let opened: TestStore;
let open: RunningServer; // ANONYMOUS_READ on (the default), response cache on
let closed: RunningServer; // ANONYMOUS_READ=false
const keys = { reader: '', editor: '', revoked: '' };
let revokedId = '';

beforeAll(async () => {
  keys.reader = createApiKey(env.AUTH_API_KEYS_FILE, 'reader', 'reader test').key;
  keys.editor = createApiKey(env.AUTH_API_KEYS_FILE, 'editor', 'editor test').key;
  const revoked = createApiKey(env.AUTH_API_KEYS_FILE, 'admin', 'revoked test');
  keys.revoked = revoked.key;
  revokedId = revoked.record.id;
  revokeApiKey(env.AUTH_API_KEYS_FILE, revokedId);

  opened = await openTestStore();
  await loadSeed(opened.store);
  const watched = watchStoreWrites(opened.store);
  const common = { store: watched.store, logger: pino({ level: 'silent' }) };
  open = await startServer({
    ...common,
    config: testConfig({ posture: loadConfig({ API_PROFILE: 'production', CORS_ORIGINS: ORIGIN }).posture }),
    authenticator: await Authenticator.create(authConfig(env)),
    responseCache: { clock: watched.clock, maxBytes: 4 * 1024 * 1024 },
  });
  closed = await startServer({ ...common, config: testConfig(), authenticator: await Authenticator.create(authConfig({ ...env, ANONYMOUS_READ: 'false' })) });
});

afterAll(async () => {
  await open?.stop();
  await closed?.stop();
  await opened?.dispose();
  temp.remove();
});

async function post(server: RunningServer, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer };
}

/** A 401 in the GraphQL error shape: one error, UNAUTHENTICATED, no data, no path, no stack; returns its message. */
function expectUnauthenticated(answer: Awaited<ReturnType<typeof post>>): string {
  expect(answer.status).toBe(401);
  expect(answer.headers.get('content-type')).toMatch(/json/);
  expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="graphql"');
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  expect(answer.body.errors?.[0]?.path).toBeUndefined();
  expect(answer.text).not.toMatch(/at .*\.(js|ts):\d+|node_modules|Context creation failed/);
  return answer.body.errors?.[0]?.message ?? '';
}

describe('authentication over HTTP, anonymous reading on (the default)', () => {
  it('answers a request without credentials as before: data, and viewer null', async () => {
    const answer = await post(open, `{ viewer { subject } agencies(first: 1) { totalCount } }`);
    expect(answer.status).toBe(200);
    expect(answer.body.data?.viewer).toBeNull();
    expect(answer.body.data?.agencies?.totalCount).toBeGreaterThan(0);
  });

  it('a resolver sees the viewer of a bearer token and of an API key', async () => {
    const token = await mintToken(authConfig(env).jwt, { subject: 'alice', role: 'editor', ttlSeconds: 600 });
    expect((await post(open, VIEWER, { authorization: `Bearer ${token}` })).body.data?.viewer).toEqual({ subject: 'alice', role: 'EDITOR', via: 'TOKEN' });
    const byKey = await post(open, VIEWER, { 'x-api-key': keys.reader });
    expect(byKey.body.data?.viewer).toEqual({ subject: `apikey:${keys.reader.slice(4, 16)}`, role: 'READER', via: 'API_KEY' });
  });

  it('never serves one caller the cached answer of another (the response cache keys on the credentials)', async () => {
    const asReader = await post(open, VIEWER, { 'x-api-key': keys.reader });
    const asEditor = await post(open, VIEWER, { 'x-api-key': keys.editor });
    const anonymous = await post(open, VIEWER);
    expect(asReader.body.data?.viewer?.role).toBe('READER');
    expect(asEditor.body.data?.viewer?.role).toBe('EDITOR');
    expect(anonymous.body.data?.viewer).toBeNull();
    expect((await post(open, VIEWER, { 'x-api-key': keys.reader })).headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');
  });

  it('refuses bad credentials with 401 UNAUTHENTICATED saying what is wrong, even for a read, never echoing them', async () => {
    const expired = await signToken(goodClaims({ exp: nowSeconds() - 3600 }), secretBytes());
    const expiredMessage = expectUnauthenticated(await post(open, READ, { authorization: `Bearer ${expired}` }));
    expect(expiredMessage).toContain('expired');
    expect(expiredMessage).not.toContain(expired.split('.')[2]);
    const forged = await signToken(goodClaims(), secretBytes('not-the-server-secret-but-just-as-long-0123'));
    expect(expectUnauthenticated(await post(open, READ, { authorization: `Bearer ${forged}` }))).toContain('signature');
    const wrongAudience = await signToken(goodClaims({ aud: 'another-api' }), secretBytes());
    expect(expectUnauthenticated(await post(open, READ, { authorization: `Bearer ${wrongAudience}` }))).toContain('audience');
    const unknownRole = await signToken(goodClaims({ role: 'owner' }), secretBytes());
    expect(expectUnauthenticated(await post(open, READ, { authorization: `Bearer ${unknownRole}` }))).toContain('not a role of this API');
    const revoked = expectUnauthenticated(await post(open, READ, { 'x-api-key': keys.revoked }));
    expect(revoked).toContain(`${revokedId} was revoked`);
    expect(revoked).not.toContain(keys.revoked);
    expect(expectUnauthenticated(await post(open, READ, { 'x-api-key': `${keys.reader.slice(0, -4)}AAAA` }))).toBe('The X-API-Key is not a known key.');
  });

  it('lets allowed browser origins send Authorization and X-API-Key (CORS preflight)', async () => {
    const preflight = await fetch(`${open.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-api-key, content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['authorization', 'x-api-key', 'content-type']));
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await fetch(`${open.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("keeps Apollo's CSRF prevention: a simple GET with credentials but no preflight header is still refused", async () => {
    const response = await fetch(`${open.url}/graphql?query=${encodeURIComponent(READ)}`, { headers: { 'x-api-key': keys.reader } });
    expect(response.status).toBe(400);
  });
});

describe('authentication over HTTP, ANONYMOUS_READ=false', () => {
  it('refuses every operation without credentials with 401 in the GraphQL error shape', async () => {
    expect(expectUnauthenticated(await post(closed, READ))).toContain('authenticated requests only');
    expect(expectUnauthenticated(await post(closed, '{ __typename }'))).toContain('authenticated requests only');
    const get = await fetch(`${closed.url}/graphql?query=${encodeURIComponent(READ)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(401);
  });

  it('still answers /health and /ready without credentials', async () => {
    expect((await fetch(`${closed.url}/health`)).status).toBe(200);
    expect((await fetch(`${closed.url}/ready`)).status).toBe(200);
  });

  it('answers a reader with credentials', async () => {
    const answer = await post(closed, `{ viewer { role } agencies(first: 1) { totalCount } }`, { 'x-api-key': keys.reader });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.viewer?.role).toBe('READER');
    expect(answer.body.data?.agencies?.totalCount).toBeGreaterThan(0);
  });
});
