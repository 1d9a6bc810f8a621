import type { CallOptions, GraphStore } from '../../src/store/port';
import { startTestServer, type TestServer } from '../support/server';

/** POSTs a query; returns the status, headers and parsed body. */
async function post(url: string, query: string) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results structurally
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const HEAVY = '{ search(text: "kiem dinh") { totalCount } }';

describe('admission of heavy operations (concurrency 1, queue 1, a store that blocks)', () => {
  let server: TestServer;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let searching = 0;
  let mostAtOnce = 0;
  let firstReached!: () => void;
  const reached = new Promise<void>((resolve) => (firstReached = resolve));

  beforeAll(async () => {
    server = await startTestServer({
      wrapStore: (store: GraphStore) => {
        const wrapped = Object.create(store) as GraphStore;
        Object.defineProperty(wrapped, 'search', {
          value: async (query: Parameters<GraphStore['search']>[0], options?: CallOptions) => {
            searching += 1;
            mostAtOnce = Math.max(mostAtOnce, searching);
            firstReached();
            try {
              await opened;
              return await store.search(query, options);
            } finally {
              searching -= 1;
            }
          },
        });
        return wrapped;
      },
      server: { execution: { heavyConcurrency: 1, heavyQueueLength: 1, requestTimeoutMs: 600_000 }, readiness: { probeIntervalMs: 20 } },
    });
  }, 300_000);
  afterAll(async () => {
    open();
    await server?.close();
  }, 300_000);

  it('runs one, queues one, refuses the next with OVERLOADED (503, Retry-After) while cheap queries, /health and /ready still answer', async () => {
    const running = post(server.url, HEAVY);
    await reached;
    // Two more heavy ones: one takes the single place in the queue, the other finds it full.
    const b = post(server.url, HEAVY);
    const c = post(server.url, HEAVY);
    const refused = await Promise.race([b, c]);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.errors[0].extensions.code).toBe('OVERLOADED');
    expect(refused.body.errors[0].message).toMatch(/HEAVY_QUEUE_LENGTH=1/);

    const cheap = await post(server.url, '{ agencies(first: 1) { totalCount } }');
    expect(cheap.status).toBe(200);
    expect(cheap.body.data.agencies.totalCount).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);

    open();
    const answered = [await running, ...(await Promise.all([b, c])).filter((r) => r !== refused)];
    expect(answered.map((r) => r.status)).toEqual([200, 200]);
    for (const r of answered) expect(r.body.data.search.totalCount).toBeGreaterThan(0);
    expect(mostAtOnce).toBe(1);
  });
});
