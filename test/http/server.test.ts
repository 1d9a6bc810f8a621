import http from 'node:http';
import pino from 'pino';
import type { GraphStore } from '../../src/store/port';
import { TEST_ADAPTER } from '../support/openTestStore';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let storeDown = false;

beforeAll(async () => {
  server = await startTestServer({
    wrapStore: (store: GraphStore) => {
      // While storeDown, every read fails (whichever one the readiness probe makes).
      const wrapped = Object.create(store) as GraphStore;
      for (const method of ['ping', 'stats', 'getNodes', 'listNodes', 'listEdges', 'getNeighbours', 'getEdges', 'search', 'countNodes', 'countEdges'] as const) {
        const original = store[method] as (...args: unknown[]) => Promise<unknown>;
        Object.defineProperty(wrapped, method, {
          value: (...args: unknown[]) => (storeDown ? Promise.reject(new Error('store down')) : original.apply(store, args)),
        });
      }
      return wrapped;
    },
    server: { readiness: { probeIntervalMs: 20, probeTimeoutMs: 5000 } },
  });
});
afterAll(async () => {
  await server.close();
});

const QUERY = '{ node(id: "Agency:dn-skhcn") { id name } }';

/** Polls /ready (the background probe runs every 20 ms here) until it answers `status`; false after 500 tries. */
async function readyStatusBecomes(status: number): Promise<boolean> {
  for (let i = 0; i < 500; i += 1) {
    if ((await fetch(`${server.url}/ready`)).status === status) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

describe('GraphQL over HTTP', () => {
  it('answers a POST with JSON, reporting store round-trips in a header', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(Number(response.headers.get('x-store-round-trips'))).toBe(1);
    const body = (await response.json()) as { data: { node: { id: string } } };
    expect(body.data.node.id).toBe('Agency:dn-skhcn');
  });

  it('answers a GET query that carries a preflight header', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { node: { id: string } } };
    expect(body.data.node.id).toBe('Agency:dn-skhcn');
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(QUERY)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('answers an anonymous write with 401 UNAUTHENTICATED, and every answer with its request id', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { retractActual(input: { id: "Actual:x", expectedVersion: 1, reason: "x" }) { replayed } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a mutation over GET', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });

  it('gives 400 with a parse error for a malformed query', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ node(id: ' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('gives 400 for a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });

  it('gives 200 with BAD_USER_INPUT in the body for a malformed id (a field error)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ node(id: "garbage") { id } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('health and readiness', () => {
  it('GET /health is 200 while the process lives', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready is 200 when the store can be read, turns 503 when reads fail and back to 200 when they work again', async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: TEST_ADAPTER });
    storeDown = true;
    try {
      expect(await readyStatusBecomes(503)).toBe(true);
      expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ status: 'unavailable', store: TEST_ADAPTER });
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
    } finally {
      storeDown = false;
    }
    expect(await readyStatusBecomes(200)).toBe(true);
  });

  it('unknown paths are 404', async () => {
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
  });
});

describe('shutdown', () => {
  it('lets a request whose client hung up finish before the store is closed', async () => {
    const outcomes: string[] = [];
    let started!: () => void;
    const reached = new Promise<void>((resolve) => (started = resolve));
    const own = await startTestServer({
      wrapStore: (store: GraphStore) => {
        const wrapped = Object.create(store) as GraphStore;
        Object.defineProperty(wrapped, 'getNodes', {
          value: async (ids: readonly string[]) => {
            started();
            await new Promise((resolve) => setTimeout(resolve, 300));
            return store.getNodes(ids).then(
              (nodes) => (outcomes.push('answered'), nodes),
              (error: unknown) => (outcomes.push(`failed: ${(error as Error).message}`), Promise.reject(error)),
            );
          },
        });
        return wrapped;
      },
    });
    const client = new AbortController();
    const request = fetch(`${own.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
      signal: client.signal,
    }).catch(() => 'aborted');
    await reached;
    client.abort();
    expect(await request).toBe('aborted');
    await own.close(); // stops the server, then closes the store
    expect(outcomes).toEqual(['answered']);
  });

  it('ends while a keep-alive client keeps a request in flight: answers written during shutdown close their connection, nothing is logged as an error', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    // Shutdown starts while the fourth request is in the store, so its answer is written during shutdown.
    let fourthInStore: () => void = () => undefined;
    const fourthStarted = new Promise<void>((resolve) => (fourthInStore = resolve));
    let calls = 0;
    const own = await startTestServer({
      logger,
      wrapStore: (store: GraphStore) => {
        const wrapped = Object.create(store) as GraphStore;
        Object.defineProperty(wrapped, 'getNodes', {
          value: async (...args: Parameters<GraphStore['getNodes']>) => {
            calls += 1;
            if (calls === 4) fourthInStore();
            await new Promise((resolve) => setTimeout(resolve, 20));
            return store.getNodes(...args);
          },
        });
        return wrapped;
      },
    });
    // One connection, reused: the next request leaves as soon as the last answer came.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answers: { status: number; connection: string | undefined }[] = [];
    let ended: string | undefined;
    const poller = (async () => {
      while (ended === undefined) {
        try {
          answers.push(await postOn(agent, own.url, QUERY));
        } catch (error) {
          ended = (error as NodeJS.ErrnoException).code ?? String(error);
        }
      }
    })();
    await fourthStarted;
    expect(answers).toHaveLength(3);
    await own.server.stop(); // never returned while the client kept its connection busy
    ended ??= 'stopped';
    await poller;
    agent.destroy();
    await own.close();
    expect(answers.slice(0, 3).map((a) => [a.status, a.connection])).toEqual(Array(3).fill([200, 'keep-alive']));
    const duringShutdown = answers.slice(3).filter((a) => a.connection === 'close');
    expect(duringShutdown.length).toBeGreaterThan(0);
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});

/** POSTs `query` through `agent` (node:http, so the connection's reuse is the agent's); the status and the Connection header. */
function postOn(agent: http.Agent, url: string, query: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}
