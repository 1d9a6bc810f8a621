import { startTestApi, type TestApi } from '../support/api';

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
