import { startTestApi, type TestApi } from '../support/api';

// The analyst queries are checked on the plan as the decision made it: every query asks for the day of the
// decision (asOf: "2019-05-13"), before later facts ended or merged some of its bodies (see asOf.test.ts).

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

interface Hit {
  node: { id: string; __typename: string };
  matchedField: string;
  snippet: string;
  score: number;
}

async function searchIds(text: string, kinds?: string[]): Promise<string[]> {
  const result = await api.execute(`query ($t: String!, $k: [NodeKind!]) { search(asOf: "2019-05-13", text: $t, kinds: $k, first: 50) { nodes { node { id } } } }`, {
    t: text,
    k: kinds ?? null,
  });
  expect(result.errors).toBeUndefined();
  return (result.data.search.nodes as Hit[]).map((h) => h.node.id);
}

describe('search', () => {
  it.each([
    ['so khoa hoc va cong nghe', 'Agency:dn-skhcn'],
    ['SỞ KH&CN', 'Agency:dn-skhcn'],
    ['Sở Khoa học và Công nghệ', 'Agency:dn-skhcn'],
    ['202/QD-UBND', 'LegalDocument:dn-202-qd-ubnd-2019'],
    ['202 qđ ubnd', 'LegalDocument:dn-202-qd-ubnd-2019'],
    ['996/QĐ-TTg', 'LegalDocument:vn-996-qd-ttg-2018'],
    ['Department of Science and Technology', 'Agency:dn-skhcn'],
  ])('"%s" finds %s first', async (text, id) => {
    expect((await searchIds(text))[0]).toBe(id);
  });

  it('"kiem dinh" finds what a Vietnamese reader expects: the tasks and bodies about kiểm định', async () => {
    const result = await api.execute(`{ search(asOf: "2019-05-13", text: "kiem dinh", first: 100) { totalCount nodes { node { id ... on Task { nameVi } ... on Agency { nameVi } ... on Category { nameVi } } snippet matchedField } } }`);
    expect(result.errors).toBeUndefined();
    const hits = result.data.search.nodes as { node: { id: string; nameVi?: string }; snippet: string }[];
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.map((h) => h.node.id)).toEqual(expect.arrayContaining(['Task:dn-202-2019.pl-ii-2-b', 'Task:dn-202-2019.pl-ii-4-b']));
    for (const hit of hits.slice(0, 5)) expect(hit.snippet).toMatch(/«[Kk]iểm» «định»/);
    expect(result.data.search.totalCount).toBe(hits.length);
  });

  it('reports the matched field and highlights the words as written', async () => {
    const result = await api.execute(`{ search(asOf: "2019-05-13", text: "so khoa hoc", kinds: [Agency], first: 1) { nodes { node { id } matchedField snippet score } } }`);
    expect(result.errors).toBeUndefined();
    const [hit] = result.data.search.nodes as Hit[];
    expect(hit?.node.id).toBe('Agency:dn-skhcn');
    expect(hit?.matchedField).toBe('NAME_VI');
    expect(hit?.snippet).toContain('«Sở» «Khoa» «học»');
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('restricts to kinds and pages with totalCount', async () => {
    const ids = await searchIds('do luong', ['Task']);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id.startsWith('Task:')).toBe(true);
    const first = await api.execute(`{ search(asOf: "2019-05-13", text: "do luong", kinds: [Task], first: 3) { totalCount pageInfo { endCursor hasNextPage } nodes { node { id } } } }`);
    const after = first.data.search.pageInfo.endCursor as string;
    const second = await api.execute(`query ($a: String) { search(asOf: "2019-05-13", text: "do luong", kinds: [Task], first: 3, after: $a) { nodes { node { id } } } }`, { a: after });
    expect(first.data.search.totalCount).toBe(ids.length);
    expect([...first.data.search.nodes, ...second.data.search.nodes].map((h: Hit) => h.node.id)).toEqual(ids.slice(0, 6));
  });

  it('rejects text with nothing to search and a page past the limit, naming them', async () => {
    const blank = await api.execute(`{ search(asOf: "2019-05-13", text: "?!", first: 5) { totalCount } }`);
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.message).toContain('"text"');
    const big = await api.execute(`{ search(asOf: "2019-05-13", text: "do luong", first: 101) { totalCount } }`);
    expect(big.errors?.[0]?.message).toMatch(/"first".*1 to 100/);
  });
});

interface PathResult {
  length: number;
  nodes: { id: string }[];
  steps: { sentence: string; forward: boolean; relationship: { type: string; source: { clause: string } } }[];
}

describe('paths', () => {
  it('reads how the Ministry is connected to the decision, as sentences with provenance', async () => {
    const result = await api.execute(`{
      paths(asOf: "2019-05-13", from: "Agency:vn-bkhcn", to: "LegalDocument:dn-202-qd-ubnd-2019", types: [ISSUED_BY, BASED_ON]) {
        length nodes { id } steps { sentence forward relationship { type source { clause } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const paths = result.data.paths as PathResult[];
    expect(paths).toHaveLength(1);
    expect(paths[0]?.nodes.map((n) => n.id)).toEqual(['Agency:vn-bkhcn', 'LegalDocument:vn-82-qd-bkhcn-2019', 'LegalDocument:dn-202-qd-ubnd-2019']);
    expect(paths[0]?.steps.map((s) => s.sentence)).toEqual(['82/QĐ-BKHCN was issued by Bộ KH&CN', '202/QĐ-UBND is based on 82/QĐ-BKHCN']);
    expect(paths[0]?.steps.map((s) => s.forward)).toEqual([false, false]);
    expect(paths[0]?.steps[1]?.relationship.source.clause).toBe('Căn cứ');
  });

  it('SHORTEST gives only minimal paths; ALL adds longer ones, shortest first', async () => {
    const q = (mode: string) => `{ paths(asOf: "2019-05-13", from: "Agency:dn-skhcn", to: "Plan:dn-202-2019", mode: ${mode}, maxDepth: 3, first: 100) { length } }`;
    const shortest = (await api.execute(q('SHORTEST'))).data.paths as { length: number }[];
    const all = (await api.execute(q('ALL'))).data.paths as { length: number }[];
    expect(shortest.length).toBeGreaterThan(0);
    const min = shortest[0]?.length ?? 0;
    for (const p of shortest) expect(p.length).toBe(min);
    expect(all.length).toBeGreaterThan(shortest.length);
    expect(all.map((p) => p.length)).toEqual([...all.map((p) => p.length)].sort((a, b) => a - b));
    for (const p of all) expect(p.length).toBeLessThanOrEqual(3);
  });

  it('is empty for an unknown node and rejects a depth past the cap, naming it', async () => {
    const none = await api.execute(`{ paths(asOf: "2019-05-13", from: "Agency:dn-skhcn", to: "Plan:nowhere") { length } }`);
    expect(none.errors).toBeUndefined();
    expect(none.data.paths).toEqual([]);
    const deep = await api.execute(`{ paths(asOf: "2019-05-13", from: "Agency:dn-skhcn", to: "Plan:dn-202-2019", maxDepth: 7) { length } }`);
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0]?.message).toMatch(/"maxDepth".*1 to 6/);
  });
});

describe('neighbourhood', () => {
  it('gives the plan and its tasks one hop away, with only edges among the nodes returned', async () => {
    const result = await api.execute(`{
      neighbourhood(asOf: "2019-05-13", ids: ["Plan:dn-202-2019"], depth: 1, kinds: [Task], types: [HAS_TASK], limit: 500) {
        truncated nodes { id __typename } relationships { type from { id } to { id } }
      }
      tasks(filter: { plan: "Plan:dn-202-2019" }, first: 200) { totalCount }
    }`);
    expect(result.errors).toBeUndefined();
    const hood = result.data.neighbourhood;
    expect(hood.truncated).toBe(false);
    const ids = new Set((hood.nodes as { id: string }[]).map((n) => n.id));
    expect(ids.has('Plan:dn-202-2019')).toBe(true);
    expect(ids.size).toBe(result.data.tasks.totalCount + 1);
    for (const e of hood.relationships as { type: string; from: { id: string }; to: { id: string } }[]) {
      expect(e.type).toBe('HAS_TASK');
      expect(ids.has(e.from.id) && ids.has(e.to.id)).toBe(true);
    }
  });

  it('flags truncation at the node limit', async () => {
    const result = await api.execute(`{ neighbourhood(asOf: "2019-05-13", ids: ["Agency:dn-skhcn"], depth: 2, limit: 5) { truncated nodes { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.neighbourhood.truncated).toBe(true);
    expect(result.data.neighbourhood.nodes).toHaveLength(5);
    expect(result.data.neighbourhood.nodes[0].id).toBe('Agency:dn-skhcn');
  });

  it('gives every field of its nodes and relationships, the same as node lookups give, in at most 3 store calls', async () => {
    const fields = `id __typename name nameVi description source { document clause quote }
      ... on Agency { abbreviation collective } ... on Task { code dueYear timeframe recurring } ... on Plan { startYear endYear }`;
    api.resetStoreCalls();
    const result = await api.execute(`{
      neighbourhood(asOf: "2019-05-13", ids: ["Agency:dn-skhcn"], depth: 2, limit: 60) {
        nodes { ${fields} }
        relationships { type note ordinal source { document clause quote } from { id nameVi } to { id nameVi } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(api.storeCalls()).toBeLessThanOrEqual(3);
    const hood = result.data.neighbourhood as {
      nodes: { id: string }[];
      relationships: { type: string; from: { id: string }; to: { id: string }; source: { clause: string } }[];
    };
    expect(hood.nodes.length).toBeGreaterThan(10);
    const direct = await api.execute(`query ($ids: [ID!]!) { nodes(ids: $ids) { ${fields} } }`, { ids: hood.nodes.map((n) => n.id) });
    expect(direct.errors).toBeUndefined();
    expect(hood.nodes).toEqual(direct.data.nodes);
    // Each relationship as the agency's assignments (full records from the store) give it.
    const lead = hood.relationships.find((r) => r.type === 'LEADS' && r.from.id === 'Agency:dn-skhcn');
    expect(lead).toBeDefined();
    const assignments = await api.execute(`{ node(id: "Agency:dn-skhcn") { ... on Agency { assignments(role: LEAD) { task { id } source { clause } } } } }`);
    expect(assignments.errors).toBeUndefined();
    const same = (assignments.data.node.assignments as { task: { id: string }; source: { clause: string } }[]).find((a) => a.task.id === lead?.to.id);
    expect(lead?.source.clause).toBe(same?.source.clause);
    expect(lead?.source.clause).not.toBe('');
  });

  it('rejects k past the cap, naming it', async () => {
    const result = await api.execute(`{ neighbourhood(asOf: "2019-05-13", ids: ["Agency:dn-skhcn"], depth: 4) { truncated } }`);
    expect(result.errors?.[0]?.message).toMatch(/"depth".*1 to 3/);
  });
});

describe('aggregates', () => {
  it('counts tasks led vs coordinated per agency, agreeing with the assignment list', async () => {
    const result = await api.execute(`{
      aggregates(asOf: "2019-05-13") { agencyWorkload(plan: "Plan:dn-202-2019") { agency { id } leads coordinates total } }
      assignments(filter: { plan: "Plan:dn-202-2019" }, first: 1000) { nodes { role agency { id } } }
    }`);
    expect(result.errors).toBeUndefined();
    const expected = new Map<string, { leads: number; coordinates: number }>();
    for (const a of result.data.assignments.nodes as { role: string; agency: { id: string } }[]) {
      const row = expected.get(a.agency.id) ?? { leads: 0, coordinates: 0 };
      if (a.role === 'LEAD') row.leads += 1;
      else row.coordinates += 1;
      expected.set(a.agency.id, row);
    }
    const rows = result.data.aggregates.agencyWorkload as { agency: { id: string }; leads: number; coordinates: number; total: number }[];
    expect(rows.length).toBe(expected.size);
    for (const row of rows) expect({ leads: row.leads, coordinates: row.coordinates }).toEqual(expected.get(row.agency.id));
    expect(rows[0]?.agency.id).toBe('Agency:dn-skhcn');
  });

  it('counts tasks per timeframe and section, nodes per kind and relationships per type', async () => {
    const result = await api.execute(`{
      aggregates(asOf: "2019-05-13") {
        tasksByTimeframe(plan: "Plan:dn-202-2019") { timeframe count }
        tasksBySection(plan: "Plan:dn-202-2019") { section count }
        nodesByKind { kind count }
        relationshipsByType { type count }
        byPhase { phase { id } tasks targets }
      }
      annual: tasks(filter: { plan: "Plan:dn-202-2019", timeframe: [ANNUAL] }, asOf: "2019-05-13") { totalCount }
      appendix: tasks(filter: { plan: "Plan:dn-202-2019", section: [APPENDIX] }, asOf: "2019-05-13") { totalCount }
      agencies(asOf: "2019-05-13") { totalCount }
      plan: node(id: "Plan:dn-202-2019") { relationships(types: [HAS_TASK], asOf: "2019-05-13") { type } }
    }`);
    expect(result.errors).toBeUndefined();
    const agg = result.data.aggregates;
    expect(agg.tasksByTimeframe.find((g: { timeframe: string }) => g.timeframe === 'ANNUAL')?.count).toBe(result.data.annual.totalCount);
    expect(agg.tasksBySection.find((g: { section: string }) => g.section === 'APPENDIX')?.count).toBe(result.data.appendix.totalCount);
    expect(agg.nodesByKind.find((g: { kind: string }) => g.kind === 'Agency')?.count).toBe(result.data.agencies.totalCount);
    expect(agg.relationshipsByType.find((g: { type: string }) => g.type === 'HAS_TASK')?.count).toBeGreaterThanOrEqual(result.data.plan.relationships.length);
    expect(agg.byPhase.map((p: { phase: { id: string } }) => p.phase.id)).toEqual(['Phase:dn-202-2019.giai-doan-1', 'Phase:dn-202-2019.giai-doan-2']);
  });
});

describe('timeline', () => {
  it('orders tasks and targets by due year, keeps "every year" tasks apart, and filters due by a year', async () => {
    const result = await api.execute(`{
      timeline(plan: "Plan:dn-202-2019", dueBy: 2025) {
        years { year tasks { code dueYear } targets { quantity year } }
        recurringTasks { code recurring timeframe }
      }
      all: timeline(plan: "Plan:dn-202-2019") { years { year } }
      annual: tasks(filter: { plan: "Plan:dn-202-2019", recurring: true }, first: 200) { totalCount }
    }`);
    expect(result.errors).toBeUndefined();
    const years = result.data.timeline.years as { year: number; tasks: { dueYear: number }[]; targets: { year: number }[] }[];
    expect(years.map((y) => y.year)).toEqual([2025]);
    expect(years[0]?.tasks.map((t) => t.dueYear)).toEqual(years[0]?.tasks.map(() => 2025));
    expect(years[0]?.targets.length).toBeGreaterThan(3);
    expect(result.data.timeline.recurringTasks.length).toBe(result.data.annual.totalCount);
    for (const t of result.data.timeline.recurringTasks) expect(t).toMatchObject({ recurring: true, timeframe: 'ANNUAL' });
    expect(result.data.all.years.map((y: { year: number }) => y.year)).toEqual([2025, 2030]);
  });
});

describe('round-trips', () => {
  it.each([
    ['search', '{ search(asOf: "2019-05-13", text: "kiem dinh", first: 20) { nodes { node { id } snippet } } }', 1],
    ['paths', '{ paths(asOf: "2019-05-13", from: "Agency:vn-bkhcn", to: "LegalDocument:dn-202-qd-ubnd-2019", mode: ALL, maxDepth: 4) { steps { sentence relationship { from { id } to { id } } } } }', 1],
    ['neighbourhood', '{ neighbourhood(asOf: "2019-05-13", ids: ["Agency:dn-skhcn"], depth: 2) { nodes { id name } relationships { from { id } to { id } } } }', 1],
    [
      'neighbourhood with every field',
      '{ neighbourhood(asOf: "2019-05-13", ids: ["Agency:dn-skhcn"], depth: 2) { nodes { id description source { clause } } relationships { source { clause } from { description } } } }',
      3,
    ],
    ['paths with provenance', '{ paths(asOf: "2019-05-13", from: "Agency:vn-bkhcn", to: "LegalDocument:dn-202-qd-ubnd-2019", mode: ALL) { nodes { description } relationships { source { quote } } } }', 3],
    ['agency workload', '{ aggregates(asOf: "2019-05-13") { agencyWorkload { agency { nameVi } total } } }', 2],
    ['timeline', '{ timeline(dueBy: 2030) { years { year } recurringTasks { code } } }', 3],
  ])('%s costs a bounded number of store calls', async (_label, query, bound) => {
    api.resetStoreCalls();
    const result = await api.execute(query);
    expect(result.errors).toBeUndefined();
    expect(api.storeCalls()).toBeLessThanOrEqual(bound);
  });
});
