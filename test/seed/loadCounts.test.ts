/**
 * What loading the real seed plans (with the later facts about them) reports, on the adapter under test (a shared store suite): the
 * counts upsert returns (see UpsertResult in src/store/port.ts) agree with what the store then
 * holds, and a second load changes nothing.
 */
import { loadSeed, readSeedGraph } from '../../seed/loadSeed';
import { NO_CHANGES } from '../../src/store/port';
import { openTestStore, TEST_ADAPTER, type TestStore } from '../support/openTestStore';

describe(`loading the seed plans (${TEST_ADAPTER})`, () => {
  let opened: TestStore;

  beforeAll(async () => {
    opened = await openTestStore();
  });

  afterAll(async () => {
    await opened.dispose();
  });

  it('reports every node and relationship created on an empty store, as many as the store then holds', async () => {
    const { store } = opened;
    const batch = readSeedGraph();
    const first = await loadSeed(store);
    const stats = await store.stats();
    expect(first).toEqual({ ...NO_CHANGES, nodesCreated: stats.nodes, edgesCreated: stats.edges });
    expect(stats).toEqual({ nodes: batch.nodes.length, edges: new Set(batch.edges.map((e) => `${e.type} ${e.from} ${e.to}`)).size });
  });

  it('reports every node and relationship unchanged when the same seed is loaded again', async () => {
    const { store } = opened;
    const stats = await store.stats();
    expect(stats.nodes).toBeGreaterThan(0);
    expect(await loadSeed(store)).toEqual({ ...NO_CHANGES, nodesUnchanged: stats.nodes, edgesUnchanged: stats.edges });
    expect(await store.stats()).toEqual(stats);
  });
});
