import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { createApiKey } from '../../src/auth/apiKeyCommands';
import { Authenticator } from '../../src/auth/Authenticator';
import { mintToken } from '../../src/auth/mintToken';
import { requireRole } from '../../src/auth/viewer';
import type { Context } from '../../src/context';
import { createErrorFormatter } from '../../src/errors';
import { createHttpApp } from '../../src/server/createHttpApp';
import { ClientErrorLog } from '../../src/server/errors/ClientErrorLog';
import { formatClientErrors } from '../../src/server/errors/formatClientErrors';
import type { GraphStore } from '../../src/store/port';
import { authConfig, tempDir, TEST_SECRET } from '../auth/fixtures';

/**
 * The contract the write operations rely on: a resolver calls
 * `requireRole(context.viewer, needed, action)`, and over HTTP the caller
 * gets 401 UNAUTHENTICATED (no viewer) or 403 FORBIDDEN (a lower role), coded,
 * through the API's own HTTP app and error formatting. The schema here is a
 * stand-in: the API's schema has no operation that needs a role yet.
 */
const typeDefs = `
  type Query { whoMayRead: String }
  type Mutation { editSomething: String, administerSomething: String }
`;
const resolvers = {
  Query: { whoMayRead: (_: unknown, __: unknown, context: Context) => context.viewer?.subject ?? 'anonymous' },
  Mutation: {
    editSomething: (_: unknown, __: unknown, context: Context) => `edited by ${requireRole(context.viewer, 'editor', 'editSomething').subject}`,
    administerSomething: (_: unknown, __: unknown, context: Context) => `administered by ${requireRole(context.viewer, 'admin', 'administerSomething').subject}`,
  },
};

interface Answer {
  data?: Record<string, string | null> | null;
  errors?: { message: string; extensions: Record<string, unknown>; path?: string[] }[];
}

const temp = tempDir();
const env = { AUTH_JWT_SECRET: TEST_SECRET, AUTH_API_KEYS_FILE: path.join(temp.dir, 'keys.json') };
const logger = pino({ level: 'silent' });
const store = { name: 'none', ping: async () => undefined } as unknown as GraphStore;
let apollo: ApolloServer<Context>;
let server: http.Server;
let url: string;
let editorKey: string;

beforeAll(async () => {
  apollo = new ApolloServer<Context>({ typeDefs, resolvers, logger, formatError: formatClientErrors(createErrorFormatter(logger), new ClientErrorLog(logger)) });
  await apollo.start();
  editorKey = createApiKey(env.AUTH_API_KEYS_FILE, 'editor', 'editor key').key;
  const app = createHttpApp(apollo, store, logger, { authenticator: await Authenticator.create(authConfig(env)) });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await apollo?.stop();
  temp.remove();
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as Answer };
}

const bearer = async (role: 'reader' | 'editor' | 'admin') => ({
  authorization: `Bearer ${await mintToken(authConfig(env).jwt, { subject: `${role}-user`, role, ttlSeconds: 600 })}`,
});

describe('requireRole over HTTP (errors thrown in resolvers)', () => {
  it('anonymous: 401 UNAUTHENTICATED naming the action and the role needed, the field null', async () => {
    const answer = await post('mutation { editSomething }');
    expect(answer.status).toBe(401);
    expect(answer.body.data).toEqual({ editSomething: null });
    expect(answer.body.errors).toEqual([
      {
        message: 'editSomething needs credentials with the editor role: send Authorization: Bearer <token> or X-API-Key.',
        locations: [{ line: 1, column: 12 }],
        path: ['editSomething'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it('a lower role: 403 FORBIDDEN naming the viewer and the roles', async () => {
    const answer = await post('mutation { editSomething }', await bearer('reader'));
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]).toMatchObject({ message: 'editSomething needs the editor role; reader-user has the reader role.', extensions: { code: 'FORBIDDEN' } });
    const byKey = await post('mutation { administerSomething }', { 'x-api-key': editorKey });
    expect(byKey.status).toBe(403);
    expect(byKey.body.errors?.[0]?.message).toMatch(/^administerSomething needs the admin role; apikey:[0-9a-f]{12} has the editor role\.$/);
  });

  it('the role or a higher one: 200 and the answer, the viewer as the resolver saw it', async () => {
    expect(await post('mutation { editSomething }', await bearer('editor'))).toEqual({ status: 200, body: { data: { editSomething: 'edited by editor-user' } } });
    expect(await post('mutation { editSomething administerSomething }', await bearer('admin'))).toEqual({
      status: 200,
      body: { data: { editSomething: 'edited by admin-user', administerSomething: 'administered by admin-user' } },
    });
    expect((await post('{ whoMayRead }')).body).toEqual({ data: { whoMayRead: 'anonymous' } });
  });

  it('bad credentials are refused before any resolver runs (401 from the context function)', async () => {
    const answer = await post('mutation { editSomething }', { authorization: 'Bearer not-a-token' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ errors: [{ message: 'The bearer token is not a JWT (three base64url parts separated by dots).', extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});
