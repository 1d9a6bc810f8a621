import type { CallOptions, GraphStore, NodeListQuery } from '../../src/store/port';
import { startTestServer, type TestServer } from '../support/server';

/** POSTs a query; returns the status, headers and parsed body. */
async function post(url: string, query: string, init: RequestInit = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    ...init,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results structurally
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Waits (polling every 5 ms, at most 2,000 times) until `condition` holds; false if it never does. */
async function until(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 2000 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  return condition();
}

const TRIVIAL = '{ node(id: "Agency:dn-skhcn") { id name } }';

describe('a store call slower than the request deadline', () => {
  let server: TestServer;
  let slow = false;
  const blocked = gate();
  const seen: CallOptions[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      // getNodes ignores its CallOptions and waits for the test, as an adapter that cannot cut a statement would.
      wrapStore: (store: GraphStore) => {
        const wrapped = Object.create(store) as GraphStore;
        Object.defineProperty(wrapped, 'getNodes', {
          value: async (ids: readonly string[], options?: CallOptions) => {
            if (options) seen.push(options);
            if (slow) await blocked.opened;
            return store.getNodes(ids, options);
          },
        });
        return wrapped;
      },
      server: { execution: { requestTimeoutMs: 2000, maxResponseBytes: 4000 } },
    });
  }, 300_000);
  afterAll(async () => {
    blocked.open();
    await server?.close();
  }, 300_000);

  it('is cut at the deadline: HTTP 504, one DEADLINE_EXCEEDED error naming the deadline, no partial data', async () => {
    slow = true;
    const { status, body } = await post(server.url, TRIVIAL);
    slow = false;
    expect(status).toBe(504);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED', timeoutMs: 2000 });
    expect(body.errors[0].message).toMatch(/deadline of 2000 ms passed \(REQUEST_TIMEOUT_MS\)/);
    // The store was handed the request's deadline and signal, and the signal fired.
    const last = seen[seen.length - 1];
    expect(typeof last?.deadline).toBe('number');
    expect(last?.signal?.aborted).toBe(true);
  });

  it('does not hold up the next request: a trivial query right after answers normally', async () => {
    const { status, body } = await post(server.url, TRIVIAL);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.node).toEqual({ id: 'Agency:dn-skhcn', name: expect.any(String) });
  });

  it('replaces an answer larger than MAX_RESPONSE_BYTES by RESPONSE_TOO_LARGE naming the size and the limit (HTTP 400)', async () => {
    // As of the decision (2019-05-13): the plan's own structure, before later facts ended some of its bodies.
    const { status, body } = await post(server.url, '{ agencies(first: 200, asOf: "2019-05-13") { nodes { id nameVi leads(asOf: "2019-05-13") { code coordinators(asOf: "2019-05-13") { id nameVi } } } } }');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
    expect(body.errors[0].extensions.maxBytes).toBe(4000);
    expect(body.errors[0].extensions.bytes).toBeGreaterThan(4000);
    expect(body.errors[0].message).toMatch(/maximum is 4000 \(MAX_RESPONSE_BYTES\)/);
    const after = await post(server.url, TRIVIAL);
    expect(after.status).toBe(200);
    expect(after.body.data.node.id).toBe('Agency:dn-skhcn');
  });
});

describe('a client that disconnects mid-request', () => {
  it('aborts the request: the running store call sees the signal fire, and no store call starts afterwards', async () => {
    const blocked = gate();
    const reached = gate();
    const calls: string[] = [];
    let running: CallOptions | undefined;
    const server = await startTestServer({
      wrapStore: (store: GraphStore) => {
        const wrapped = Object.create(store) as GraphStore;
        for (const method of ['getNodes', 'getNeighbours', 'listNodes', 'getEdges', 'listEdges'] as const) {
          const original = store[method] as (...args: unknown[]) => Promise<unknown>;
          Object.defineProperty(wrapped, method, {
            value: async (query: unknown, options?: CallOptions) => {
              const agencies = method === 'listNodes' && (query as NodeListQuery).kind === 'Agency';
              if (method !== 'listNodes') calls.push(method); // listNodes of Plan: the readiness probe
              if (agencies) {
                running = options;
                reached.open();
                await blocked.opened;
              }
              return original.call(store, query, options);
            },
          });
        }
        return wrapped;
      },
    });
    try {
      const client = new AbortController();
      // listNodes for the agencies, then (were the request still wanted) getNeighbours for their tasks.
      const query = '{ agencies(first: 5) { nodes { id leads { code coordinators { id } } } } }';
      const request = post(server.url, query, { signal: client.signal }).catch(() => 'aborted');
      await reached.opened;
      client.abort();
      expect(await request).toBe('aborted');
      expect(await until(() => running?.signal?.aborted === true)).toBe(true);
    } finally {
      blocked.open();
      await server.close(); // waits for the request and its store calls to settle
    }
    expect(calls).toEqual([]);
  }, 300_000);
});
