/**
 * The live endpoint's bounds against hostile clients, at the protocol level (raw WebSocket frames):
 * bad JSON, oversized and unknown messages, a subscribe before connection_init, a client that never
 * initialises, a flood of subscribe messages, too many connections, another path, and shutdown.
 */
import pino from 'pino';
import WebSocket from 'ws';
import { loadSeed } from '../../seed/loadSeed';
import { startServer, type RunningServer } from '../../src/server/startServer';
import { openTestStore, type TestStore } from '../support/openTestStore';
import { testConfig } from '../support/testConfig';

const PROTOCOL = 'graphql-transport-ws';
const LABS = 'Target:dn-202-2019.i-2-a-4';
const PROGRESS = `subscription { targetProgress(targets: ["${LABS}"]) { achieved } }`;
const LIMITS = { maxConnections: 4, maxSubscriptionsPerConnection: 5, maxMessageBytes: 4096, connectionInitTimeoutMs: 200, keepAliveMs: 60_000 };

let opened: TestStore;
let server: RunningServer;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  opened = await openTestStore();
  await loadSeed(opened.store);
  const config = testConfig();
  server = await startServer({ store: opened.store, logger: pino({ level: 'silent' }), config: { ...config, live: LIMITS } });
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await server?.stop();
  await opened?.dispose();
});

/** A raw client: its messages (parsed) and its close (code, reason). */
interface Raw {
  readonly socket: WebSocket;
  readonly messages: { type: string; id?: string; payload?: unknown }[];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  /** Resolves once `count` messages have arrived. */
  received(count: number): Promise<void>;
}

function raw(url: string = server.url, path = '/graphql'): Raw {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, PROTOCOL);
  sockets.push(socket);
  const messages: Raw['messages'] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString('utf8')) as Raw['messages'][number]);
    waiters.splice(0).forEach((w) => w());
  });
  socket.on('error', () => undefined);
  return {
    socket,
    messages,
    closed: new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }))),
    opened: new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    }),
    received(count) {
      return new Promise((resolve) => {
        const check = () => (messages.length >= count ? resolve() : waiters.push(check));
        check();
      });
    },
  };
}

async function initialised(): Promise<Raw> {
  const client = raw();
  await client.opened;
  client.socket.send(JSON.stringify({ type: 'connection_init' }));
  await client.received(1);
  expect(client.messages[0]?.type).toBe('connection_ack');
  return client;
}

/** The HTTP answer to an upgrade the server refused. */
function refusedUpgrade(path = '/graphql', origin?: string): Promise<{ status: number; body: { errors: { message: string; extensions: { code: string } }[] }; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`, PROTOCOL, origin ? { origin } : {});
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), retryAfter: res.headers['retry-after'] as string | undefined }));
    });
  });
}

describe('the live endpoint against hostile clients', () => {
  it('closes a connection that sends bad JSON or an unknown message type with 4400', async () => {
    const bad = await initialised();
    bad.socket.send('{"type": "subscribe", ');
    expect((await bad.closed).code).toBe(4400);
    const unknown = await initialised();
    unknown.socket.send(JSON.stringify({ type: 'launch', id: '1' }));
    expect((await unknown.closed).code).toBe(4400);
  });

  it('closes a connection that sends a message over LIVE_MAX_MESSAGE_BYTES with 1009', async () => {
    const big = await initialised();
    big.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `# ${'x'.repeat(LIMITS.maxMessageBytes)}\n${PROGRESS}` } }));
    expect((await big.closed).code).toBe(1009);
  });

  it('closes with 4401 a subscribe sent before connection_init, and with 4408 a client that never initialises', async () => {
    const early = raw();
    await early.opened;
    early.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: PROGRESS } }));
    expect((await early.closed).code).toBe(4401);
    const silent = raw();
    await silent.opened;
    expect((await silent.closed).code).toBe(4408);
  });

  it('answers a flood of subscribe messages past LIVE_MAX_SUBSCRIPTIONS with errors, and keeps serving', async () => {
    const client = await initialised();
    const flood = 300;
    for (let i = 0; i < flood; i += 1) client.socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: PROGRESS } }));
    // One connection_ack, then for each subscription either its first value or an error.
    await client.received(1 + flood);
    const answers = client.messages.slice(1);
    const errors = answers.filter((m) => m.type === 'error');
    const values = answers.filter((m) => m.type === 'next');
    expect(values).toHaveLength(LIMITS.maxSubscriptionsPerConnection);
    expect(errors).toHaveLength(flood - LIMITS.maxSubscriptionsPerConnection);
    expect(errors[0]?.payload).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_LIMIT_EXCEEDED', maximum: LIMITS.maxSubscriptionsPerConnection }) })]);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  });

  it('refuses an upgrade beyond LIVE_MAX_CONNECTIONS with 503 OVERLOADED and Retry-After, and one on another path with 404', async () => {
    for (let i = 0; i < LIMITS.maxConnections; i += 1) await initialised();
    const refused = await refusedUpgrade();
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBeDefined();
    expect(refused.body.errors[0]?.extensions.code).toBe('OVERLOADED');
    expect(refused.body.errors[0]?.message).toMatch(/LIVE_MAX_CONNECTIONS/);
    for (const socket of sockets.splice(0)) socket.terminate();
    const elsewhere = await refusedUpgrade('/explore');
    expect(elsewhere.status).toBe(404);
  });
});

describe('origins', () => {
  it('refuses a page of another origin with 403 FORBIDDEN, and accepts the server’s own pages', async () => {
    const refused = await refusedUpgrade('/graphql', 'https://elsewhere.example');
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]?.extensions.code).toBe('FORBIDDEN');
    const own = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, PROTOCOL, { origin: server.url });
    sockets.push(own);
    await new Promise<void>((resolve, reject) => {
      own.once('open', () => resolve());
      own.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  });
});

describe('shutdown', () => {
  it('closes live connections with 1001 and refuses new ones, and the server stops', async () => {
    const own = await openTestStore();
    await loadSeed(own.store);
    const stopping = await startServer({ store: own.store, logger: pino({ level: 'silent' }), config: { ...testConfig(), live: LIMITS } });
    try {
      const client = raw(stopping.url);
      await client.opened;
      client.socket.send(JSON.stringify({ type: 'connection_init' }));
      await client.received(1);
      client.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: PROGRESS } }));
      await client.received(2);
      await stopping.stop();
      expect(await client.closed).toEqual({ code: 1001, reason: expect.stringMatching(/shutting down/) });
      expect(stopping.live.connections).toBe(0);
    } finally {
      await stopping.stop();
      await own.dispose();
    }
  });
});
