import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { RESPONSE_CACHE_HEADER } from '../../src/server/responseCachePlugin';
import { startServer, type RunningServer } from '../../src/server/startServer';
import type { GraphStore } from '../../src/store/port';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { openTestStore, type TestStore } from '../support/openTestStore';
import { testConfig } from '../support/testConfig';

let opened: TestStore;
let server: RunningServer;
let store: GraphStore;

beforeAll(async () => {
  opened = await openTestStore();
  await loadSeed(opened.store);
  const watched = watchStoreWrites(opened.store);
  store = watched.store;
  server = await startServer({
    store,
    logger: pino({ level: 'silent' }),
    config: testConfig(),
    responseCache: { clock: watched.clock, maxBytes: 4 * 1024 * 1024 },
  });
});

afterAll(async () => {
  await server.stop();
  await opened.dispose();
});

const AGENCY_QUERY = 'query Agency($id: ID!) { node(id: $id) { id name } }';

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    cache: response.headers.get(RESPONSE_CACHE_HEADER),
    roundTrips: Number(response.headers.get('x-store-round-trips')),
    body: (await response.json()) as { data?: { node?: { name?: string } | null }; errors?: unknown[] },
  };
}

describe('response cache', () => {
  it('answers a repeated query from memory, without store round-trips, with the same answer', async () => {
    const request = { query: AGENCY_QUERY, variables: { id: 'Agency:vn-bkhcn' } };
    const first = await post(request);
    const second = await post(request);
    expect(first).toMatchObject({ cache: 'miss' });
    expect(first.roundTrips).toBeGreaterThan(0);
    expect(second).toMatchObject({ cache: 'hit', roundTrips: 0 });
    expect(second.body).toEqual(first.body);
    expect(second.body.data?.node?.name).toEqual(expect.any(String));
  });

  it('keys on the variables, the operation name and the caller', async () => {
    const request = { query: AGENCY_QUERY, variables: { id: 'Agency:dn-ubnd' } };
    await post(request);
    expect((await post(request)).cache).toBe('hit');
    expect((await post({ ...request, variables: { id: 'Agency:dn-skhcn' } })).cache).toBe('miss');
    const pair = 'query A { node(id: "Agency:dn-ubnd") { id } } query B { node(id: "Agency:dn-skhcn") { id } }';
    const a = await post({ query: pair, operationName: 'A' });
    const b = await post({ query: pair, operationName: 'B' });
    expect([a.cache, b.cache]).toEqual(['miss', 'miss']);
    expect(b.body).not.toEqual(a.body);
    expect((await post(request, { authorization: 'Bearer someone-else' })).cache).toBe('miss');
    expect((await post(request, { authorization: 'Bearer someone-else' })).cache).toBe('hit');
  });

  it('never outlives the data: after a write through the store the next answer shows it', async () => {
    const request = { query: AGENCY_QUERY, variables: { id: 'Agency:dn-skhcn' } };
    const before = await post(request);
    expect((await post(request)).cache).toBe('hit');
    const name = `${before.body.data?.node?.name ?? ''} (renamed)`;
    await store.upsert({ nodes: [{ id: 'Agency:dn-skhcn', kind: 'Agency', props: { name } }], edges: [] });
    const after = await post(request);
    expect(after.cache).toBe('miss');
    expect(after.body.data?.node?.name).toBe(name);
    expect((await post(request)).body.data?.node?.name).toBe(name);
  });

  it('keeps no answer with errors', async () => {
    const request = { query: AGENCY_QUERY, variables: { id: 'not an id' } };
    const first = await post(request);
    expect(first.body.errors?.length).toBeGreaterThan(0);
    expect((await post(request)).cache).toBe('miss');
  });
});
