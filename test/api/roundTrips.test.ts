import { MAX_SUCCESSION_DEPTH } from '../../src/model/succession';
import { startTestApi, type TestApi } from '../support/api';
import { SYN, syntheticSuccession } from '../support/syntheticSuccession';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('store round-trips per request', () => {
  it('a three-level nested query over all agencies costs at most one store call per level', async () => {
    api.resetStoreCalls();
    const result = await api.execute(`{
      agencies(first: 200) {
        nodes {
          id
          leads { code coordinators { id name } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const agencies = result.data.agencies.nodes as { leads: { coordinators: unknown[] }[] }[];
    const tasksLed = agencies.flatMap((a) => a.leads);
    // The query really fans out: many agencies, many tasks, many coordinators.
    expect(agencies.length).toBeGreaterThan(10);
    expect(tasksLed.length).toBeGreaterThan(10);
    expect(tasksLed.flatMap((t) => t.coordinators).length).toBeGreaterThan(10);
    // Level 1: the agency list; level 2: LEADS for all agencies; level 3: COORDINATES for all tasks.
    expect(api.storeCalls()).toBeLessThanOrEqual(3);
  });

  it('the whole coordination matrix is one store call', async () => {
    api.resetStoreCalls();
    const result = await api.execute(`{
      assignments(filter: { plan: "Plan:dn-202-2019" }, first: 1000) {
        totalCount
        nodes { role agency { id } task { code } source { clause } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.assignments.nodes.length).toBe(result.data.assignments.totalCount);
    // One listEdges; the agencies and tasks then come in one batched node lookup.
    expect(api.storeCalls()).toBeLessThanOrEqual(2);
  });

  it('relationship fields on many parents batch into one call per relationship', async () => {
    api.resetStoreCalls();
    const result = await api.execute(`{
      tasks(first: 200) { nodes { lead { id } leadBodies { id } coordinators { id } targets { id } plan { id } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.tasks.nodes.length).toBeGreaterThan(20);
    // list + LEADS(IN) shared by lead/leadBodies + COORDINATES(IN) + HAS_TARGET(OUT) + HAS_TASK(IN)
    expect(api.storeCalls()).toBeLessThanOrEqual(5);
  });

  it('a legal-basis chain costs one call per level of depth', async () => {
    api.resetStoreCalls();
    const result = await api.execute(`{ legalBasis(document: "LegalDocument:dn-202-qd-ubnd-2019", maxDepth: 10) { depth } }`);
    expect(result.errors).toBeUndefined();
    const depths = (result.data.legalBasis as { depth: number }[]).map((l) => l.depth);
    const maxDepth = Math.max(...depths);
    // start node + one neighbour call per level reached (+1 for the level that finds nothing more)
    expect(api.storeCalls()).toBeLessThanOrEqual(maxDepth + 2);
  });
});

describe('store round-trips of reads as of a date (SYNTHETIC succession records)', () => {
  beforeAll(async () => {
    await api.store.upsert(syntheticSuccession());
  });

  it('who carries every task now costs one call per level of succession, whatever the number of tasks', async () => {
    api.resetStoreCalls();
    const result = await api.execute(`{
      tasks(first: 50, orderBy: [{ field: ORDINAL, direction: DESC }], asOf: "2026-06-01") { nodes {
        leadBodies(asOf: "2026-06-01") { id }
        coordinators(asOf: "2026-06-01") { id }
        assignments(asOf: "2026-06-01") { validity { from to } carriedBy { agency { id } since chain { type from { id } to { id } date source { quote } } } }
      } }
    }`);
    expect(result.errors).toBeUndefined();
    const tasks = result.data.tasks.nodes as { coordinators: { id: string }[] }[];
    expect(tasks.length).toBeGreaterThan(30);
    // The synthetic task's work really went down a two-step chain.
    expect(tasks.flatMap((t) => t.coordinators.map((c) => c.id))).toEqual(expect.arrayContaining([SYN.newA, SYN.newB]));
    // The list, LEADS(IN) and COORDINATES(IN) for all tasks; then per level of the chain (two levels here)
    // one listEdges for the succession of every ended body and one lookup of the bodies it reaches.
    expect(api.storeCalls()).toBeLessThanOrEqual(3 + 2 * 2);
  });

  it('the work every body carries now costs a bounded number of calls, whatever the number of bodies', async () => {
    api.resetStoreCalls();
    const result = await api.execute(`{
      agencies(first: 200, asOf: "2026-06-01") { nodes { id carries(asOf: "2026-06-01") { role task { id } carriedBy { since } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const agencies = result.data.agencies.nodes as { id: string; carries: unknown[] }[];
    expect(agencies.length).toBeGreaterThan(20);
    expect(agencies.find((a) => a.id === SYN.newA)?.carries).toHaveLength(1);
    // The list; back along the succession one listEdges per step (new-a -> mid -> old, and the step that finds
    // none); LEADS(OUT) and COORDINATES(OUT) of every body reached; then forward two calls per step (two steps).
    expect(api.storeCalls()).toBeLessThanOrEqual(1 + 3 + 2 + 2 * 2);
  });

  it('a page of the changes list, with the ends of its relationships, is at most two calls', async () => {
    api.resetStoreCalls();
    const result = await api.execute(`{ validityChanges(first: 200) { totalCount nodes {
      date change node { id name } relationship { type from { name } to { name } } source { quote } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.validityChanges.nodes.length).toBeGreaterThan(5);
    // listValidityChanges, then one batched lookup of the relationships' ends.
    expect(api.storeCalls()).toBeLessThanOrEqual(2);
  });

  it('a succession longer than the cap stops at the cap: at most two calls per level', async () => {
    const length = MAX_SUCCESSION_DEPTH + 4;
    const ids = Array.from({ length: length + 1 }, (_, i) => `Agency:syn-time.chain-${i}`);
    const year = (i: number) => `${2000 + i}-01-01`;
    await api.store.upsert({
      nodes: ids.map((id, i) => ({
        id,
        kind: 'Agency',
        props: {
          name: `Synthetic chained body ${i}`,
          synthetic: true,
          sourceDocument: 'synthetic',
          sourceClause: 'synthetic test fixture',
          level: 'OTHER',
          validFrom: year(i),
          ...(i < length ? { validTo: year(i + 1) } : {}),
        },
      })),
      edges: ids.slice(1).map((to, i) => ({
        type: 'SUCCEEDED_BY' as const,
        from: ids[i] as string,
        to,
        props: { synthetic: true, sourceDocument: 'synthetic', sourceClause: 'synthetic test fixture', validFrom: year(i + 1) },
      })),
    });
    api.resetStoreCalls();
    const result = await api.execute(`{ node(id: "${ids[0]}") { ... on Agency { carriedBy(asOf: "2099-01-01") { agency { id } } } } }`);
    expect(result.errors).toBeUndefined();
    // The body at the end is out of reach: the walk is cut at MAX_SUCCESSION_DEPTH steps.
    expect(result.data.node.carriedBy).toEqual([]);
    expect(api.storeCalls()).toBeLessThanOrEqual(1 + 2 * MAX_SUCCESSION_DEPTH);
    const near = await api.execute(`{ node(id: "${ids[0]}") { ... on Agency { carriedBy(asOf: "${year(3)}") { agency { id } chain { date } } } } }`);
    expect(near.data.node.carriedBy).toEqual([{ agency: { id: ids[3] }, chain: [{ date: year(1) }, { date: year(2) }, { date: year(3) }] }]);
  });
});
