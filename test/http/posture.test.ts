import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import * as dashboard from '../../web/src/dashboard/queries';
import { TRUSTED_MANIFEST, trustedManifestText } from '../../tools/trustedDocuments';
import { startTestServer, type TestServer } from '../support/server';

const TRIVIAL = '{ agencies(first: 1) { totalCount } }';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface ErrorBody {
  errors: { message: string; extensions: { code: string }; path?: unknown }[];
}

/** Expects a JSON answer in the GraphQL error shape with `status` and `code`, no stack, no path. */
async function expectJsonError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/json/);
  const text = await response.text();
  const body = JSON.parse(text) as ErrorBody;
  expect(body.errors[0]?.extensions.code).toBe(code);
  expect(body.errors[0]?.path).toBeUndefined();
  expect(text).not.toMatch(/at .*\.(js|ts):\d+|node_modules|\/work\//);
  return body.errors[0]?.message ?? '';
}

const post = (server: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function expectTrivialAnswered(server: TestServer) {
  const response = await post(server, { query: TRIVIAL });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { data: { agencies: { totalCount: number } } }).data.agencies.totalCount).toBeGreaterThan(0);
}

describe('the default (development) server over HTTP', () => {
  let server: TestServer;
  const previousEnv = process.env.NODE_ENV;
  beforeAll(async () => {
    delete process.env.NODE_ENV; // Express writes HTML with a stack when NODE_ENV is unset: the answers must not.
    server = await startTestServer();
  });
  afterAll(async () => {
    process.env.NODE_ENV = previousEnv;
    await server.close();
  });

  it('refuses a 1 MB body with 413 in the GraphQL error shape', async () => {
    const response = await post(server, { query: `{ ${'__typename '.repeat(100_000)} }` });
    expect(await expectJsonError(response, 413, 'BAD_REQUEST')).toMatch(/larger than/);
    await expectTrivialAnswered(server);
  });

  it('refuses a document just under the body limit by its tokens (OPERATION_LIMIT_EXCEEDED, 400)', async () => {
    const response = await post(server, { query: `{ ${'a '.repeat(400_000)} }` });
    expect(await expectJsonError(response, 400, 'OPERATION_LIMIT_EXCEEDED')).toContain('LIMIT_MAX_TOKENS');
    await expectTrivialAnswered(server);
  });

  it('refuses a deep query over HTTP with 400, naming the limit', async () => {
    let selection = 'id';
    for (let i = 0; i < 10; i += 1) selection = `leads { lead { ${selection} } }`;
    const response = await post(server, { query: `{ agencies { nodes { ${selection} } } }` });
    expect(await expectJsonError(response, 400, 'OPERATION_LIMIT_EXCEEDED')).toContain('LIMIT_MAX_DEPTH');
    await expectTrivialAnswered(server);
  });

  it('answers malformed JSON with 400 in the GraphQL error shape', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(await expectJsonError(response, 400, 'BAD_REQUEST')).toMatch(/not valid JSON/);
  });

  it('answers an unknown route with 404 in the GraphQL error shape', async () => {
    const message = await expectJsonError(await fetch(`${server.url}/nowhere`), 404, 'BAD_REQUEST');
    expect(message).toContain('/graphql');
  });

  it('answers a wrong method with 405 and a wrong Accept with 406, both JSON', async () => {
    await expectJsonError(await fetch(`${server.url}/graphql`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }), 405, 'BAD_REQUEST');
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(TRIVIAL)}`, {
      headers: { accept: 'image/png', 'apollo-require-preflight': 'true' },
    });
    expect([406, 200]).toContain(response.status);
    if (response.status === 406) expect(response.headers.get('content-type')).toMatch(/json/);
  });

  it('answers a subscription and a persisted-query hash mismatch with client codes, never INTERNAL_SERVER_ERROR; a mutation is answered', async () => {
    const mutation = await post(server, { query: 'mutation { __typename }' });
    expect(mutation.status).toBe(200);
    expect(await mutation.json()).toMatchObject({ data: { __typename: 'Mutation' } });
    await expectJsonError(await post(server, { query: 'subscription { __typename }' }), 400, 'BAD_REQUEST');
    const mismatch = await post(server, { query: TRIVIAL, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(await expectJsonError(mismatch, 400, 'BAD_REQUEST')).toMatch(/does not match/);
    await expectTrivialAnswered(server);
  });

  it('sends nosniff and Cache-Control: no-store on /graphql, and no CORS headers by default', async () => {
    const response = await post(server, { query: TRIVIAL }, { origin: 'https://elsewhere.example' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the production profile over HTTP', () => {
  let server: TestServer;
  const config = loadConfig({
    API_PROFILE: 'production',
    CORS_ORIGINS: 'https://dashboards.example.org',
    TRUSTED_DOCUMENTS: TRUSTED_MANIFEST,
    TRUSTED_DOCUMENTS_ONLY: 'true',
  });
  beforeAll(async () => {
    server = await startTestServer({ limits: config.limits, posture: config.posture, ideEnabled: config.ideEnabled });
  });
  afterAll(async () => {
    await server.close();
  });

  it('turns off the IDE, introspection, inline traces and APQ', () => {
    expect(config.ideEnabled).toBe(false);
    expect(config.posture).toMatchObject({ introspection: false, inlineTraces: false, persistedQueries: false });
  });

  it('answers a preflight from an allowed origin, and not from another', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://dashboards.example.org');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboards.example.org');
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers every dashboard operation (trusted), by text and by hash alone', async () => {
    const { TARGETS_QUERY, ASSIGNMENTS_QUERY, PLAN_ID } = dashboard;
    for (const query of [TARGETS_QUERY, ASSIGNMENTS_QUERY]) {
      const byText = await post(server, { query, variables: { plan: PLAN_ID } }, { origin: 'https://dashboards.example.org' });
      expect(byText.status).toBe(200);
      expect(byText.headers.get('access-control-allow-origin')).toBe('https://dashboards.example.org');
      expect(((await byText.json()) as { errors?: unknown }).errors).toBeUndefined();
      const byHash = await post(server, { variables: { plan: PLAN_ID }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
      expect(byHash.status).toBe(200);
      expect(((await byHash.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
  });

  it('refuses any other document, an unknown hash and introspection with coded errors', async () => {
    expect(await expectJsonError(await post(server, { query: TRIVIAL }), 400, 'UNTRUSTED_DOCUMENT')).toMatch(/not registered/);
    await expectJsonError(await post(server, { extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } }), 400, 'UNTRUSTED_DOCUMENT');
    await expectJsonError(await post(server, { query: '{ __schema { types { name } } }' }), 400, 'UNTRUSTED_DOCUMENT');
    const dashboardAfter = await post(server, { query: dashboard.TARGETS_QUERY, variables: { plan: dashboard.PLAN_ID } });
    expect(dashboardAfter.status).toBe(200);
  });

  it('refuses introspection when documents are not restricted', async () => {
    const open = await startTestServer({ posture: { ...config.posture, trustedDocuments: undefined, trustedDocumentsOnly: false } });
    try {
      const response = await post(open, { query: '{ __schema { types { name } } }' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).errors[0]?.message).toMatch(/[Ii]ntrospection/);
      await expectTrivialAnswered(open);
    } finally {
      await open.close();
    }
  });
});

describe('the trusted-documents manifest', () => {
  it('is current: regenerated from the dashboard queries and IDE examples it equals the committed file (npm run trusted-documents)', () => {
    expect(fs.readFileSync(TRUSTED_MANIFEST, 'utf8')).toBe(trustedManifestText());
  });
});
