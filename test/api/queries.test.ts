import { startTestApi, type TestApi, type TestResult } from '../support/api';

interface AssignmentPage {
  assignments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { role: string; agency: { id: string }; task: { id: string } }[];
  };
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('node lookup', () => {
  it('resolves a node by its readable id with its provenance and Vietnamese wording', async () => {
    const result = await api.execute(`{
      node(id: "Agency:dn-skhcn") { id __typename name nameVi source { document clause } ... on Agency { abbreviation collective level } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.node).toMatchObject({
      id: 'Agency:dn-skhcn',
      __typename: 'Agency',
      nameVi: 'Sở Khoa học và Công nghệ',
      collective: false,
      level: 'CITY',
    });
    expect(result.data.node.source.document).toBe('202/QĐ-UBND');
    expect(result.data.node.source.clause.length).toBeGreaterThan(0);
  });

  it('gives null for a well-formed id that names nothing', async () => {
    const result = await api.execute(`{ node(id: "Agency:no-such-agency") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.node).toBeNull();
  });

  it('nodes(ids) keeps the order asked for, with null for unknown ids', async () => {
    const result = await api.execute(`{ nodes(ids: ["Plan:dn-202-2019", "Task:nothing-here", "Agency:dn-skhcn"]) { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.nodes).toEqual([{ id: 'Plan:dn-202-2019' }, null, { id: 'Agency:dn-skhcn' }]);
  });
});

describe('errors', () => {
  it.each([
    ['no kind prefix', 'dn-skhcn'],
    ['an unknown kind', 'Spaceship:x'],
    ['a malformed key', 'Agency:Has Spaces'],
    ['an empty id', ''],
  ])('a malformed id (%s) is BAD_USER_INPUT naming the argument', async (_label, id) => {
    const result = await api.execute(`query ($id: ID!) { node(id: $id) { id } }`, { id });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('"id"');
  });

  it('an out-of-range page size is BAD_USER_INPUT naming `first` and its limit', async () => {
    const result = await api.execute(`{ tasks(first: 5000) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/"first".*5000.*1 to 200/);
  });

  it('a cursor the API did not issue is BAD_USER_INPUT naming `after`', async () => {
    const result = await api.execute(`{ tasks(after: "bm9wZQ") { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('"after"');
  });

  it('too many ids is BAD_USER_INPUT naming the limit', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `Task:t${i}`);
    const result = await api.execute(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/501 ids; at most 500/);
  });
});

describe('relationships both ways', () => {
  it('Agency.leads and Task.lead agree (on the day of the decision, before any body changed)', async () => {
    const result = await api.execute(`{
      node(id: "Agency:dn-skhcn") { ... on Agency { leads(asOf: "2019-05-13") { id lead(asOf: "2019-05-13") { id } leadBodies(asOf: "2019-05-13") { id } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const leads = result.data.node.leads as { id: string; leadBodies: { id: string }[] }[];
    expect(leads.length).toBeGreaterThan(10);
    for (const task of leads) expect(task.leadBodies.map((a) => a.id)).toContain('Agency:dn-skhcn');
  });

  it('Agency.coordinates and Task.coordinators agree, with assignment provenance', async () => {
    const result = await api.execute(`{
      node(id: "Agency:dn-don-vi-lien-quan") { ... on Agency { collective coordinates { id coordinators { id } }
        assignments(role: COORDINATOR) { role task { id } source { document clause quote } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const agency = result.data.node;
    expect(agency.collective).toBe(true);
    expect(agency.coordinates.length).toBeGreaterThan(0);
    for (const task of agency.coordinates) expect(task.coordinators.map((a: { id: string }) => a.id)).toContain('Agency:dn-don-vi-lien-quan');
    expect(agency.assignments.length).toBe(agency.coordinates.length);
    for (const a of agency.assignments) {
      expect(a.role).toBe('COORDINATOR');
      expect(a.source.document).toBe('202/QĐ-UBND');
      expect(a.source.clause).toMatch(/\S/);
    }
  });

  it('LegalDocument.basedOn and citedBy are inverse', async () => {
    const result = await api.execute(`{
      node(id: "LegalDocument:dn-202-qd-ubnd-2019") { ... on LegalDocument { number basedOn { id number citedBy { id } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const doc = result.data.node;
    expect(doc.number).toBe('202/QĐ-UBND');
    expect(doc.basedOn.map((d: { number: string | null }) => d.number)).toEqual(expect.arrayContaining(['996/QĐ-TTg', '82/QĐ-BKHCN']));
    for (const basis of doc.basedOn) expect(basis.citedBy.map((c: { id: string }) => c.id)).toContain('LegalDocument:dn-202-qd-ubnd-2019');
  });

  it('every relationship of a node carries its source', async () => {
    const result = await api.execute(`{
      node(id: "Plan:dn-202-2019") { relationships { type from { id } to { id } source { document clause } } }
    }`);
    expect(result.errors).toBeUndefined();
    const rels = result.data.node.relationships as { type: string; from: { id: string }; to: { id: string }; source: { document: string; clause: string } }[];
    expect(new Set(rels.map((r) => r.type))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(rels.map((r) => r.type)).toEqual(expect.arrayContaining(['HAS_TASK', 'HAS_TARGET', 'IMPLEMENTS', 'ISSUES']));
    for (const r of rels) {
      expect([r.from.id, r.to.id]).toContain('Plan:dn-202-2019');
      expect(r.source.document).toMatch(/\S/);
      expect(r.source.clause).toMatch(/\S/);
    }
  });
});

describe('who coordinates what', () => {
  it('the assignment list filters by agency, role and timeframe', async () => {
    const all = await api.execute(`{ assignments(filter: { plan: "Plan:dn-202-2019" }, first: 1000) { totalCount nodes { role agency { id } task { timeframe } } } }`);
    const annualLeads = await api.execute(`{
      assignments(filter: { agency: ["Agency:dn-skhcn"], role: LEAD, timeframe: [ANNUAL] }, first: 1000) {
        totalCount nodes { role agency { id } task { timeframe recurring } }
      }
    }`);
    expect(all.errors).toBeUndefined();
    expect(annualLeads.errors).toBeUndefined();
    const expected = (all.data.assignments.nodes as { role: string; agency: { id: string }; task: { timeframe: string } }[]).filter(
      (a) => a.role === 'LEAD' && a.agency.id === 'Agency:dn-skhcn' && a.task.timeframe === 'ANNUAL',
    );
    expect(annualLeads.data.assignments.totalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(3);
    for (const a of annualLeads.data.assignments.nodes) {
      expect(a).toMatchObject({ role: 'LEAD', agency: { id: 'Agency:dn-skhcn' }, task: { timeframe: 'ANNUAL', recurring: true } });
    }
  });

  it('pages through assignments with cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page += 1) {
      const result: TestResult<AssignmentPage> = await api.execute<AssignmentPage>(
        `query ($after: String) { assignments(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { role agency { id } task { id } } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page = (result.data as AssignmentPage).assignments;
      total = page.totalCount;
      for (const a of page.nodes) seen.push(`${a.role}|${a.agency.id}|${a.task.id}`);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });
});

describe('lists', () => {
  it('filters tasks due by 2025, sorted by due year', async () => {
    const result = await api.execute(`{
      tasks(filter: { dueBy: 2025 }, orderBy: [{ field: DUE_YEAR, direction: ASC }], first: 200) { totalCount nodes { code dueYear timeframe } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.tasks.totalCount).toBeGreaterThan(0);
    for (const t of result.data.tasks.nodes) expect(t.dueYear).toBeLessThanOrEqual(2025);
    expect(result.data.tasks.nodes.map((t: { code: string }) => t.code)).toEqual(expect.arrayContaining(['PL.II.2.b', 'PL.II.3.a']));
  });

  it('finds agencies by name without diacritics and in any case', async () => {
    const plain = await api.execute(`{ agencies(filter: { name: { contains: "so khoa hoc va cong nghe" } }, asOf: "2019-05-13") { nodes { id } } }`);
    const upper = await api.execute(`{ agencies(filter: { name: { contains: "SỞ KHOA HỌC" } }, asOf: "2019-05-13") { nodes { id } } }`);
    expect(plain.data.agencies.nodes.map((n: { id: string }) => n.id)).toContain('Agency:dn-skhcn');
    expect(upper.data.agencies.nodes.map((n: { id: string }) => n.id)).toContain('Agency:dn-skhcn');
  });

  it('finds a legal document by its number however it is typed', async () => {
    for (const number of ['202/QĐ-UBND', '202/QD-UBND', '202 qđ ubnd']) {
      const result = await api.execute(`query ($n: String) { legalDocuments(filter: { number: $n }) { nodes { id } } }`, { n: number });
      expect(result.errors).toBeUndefined();
      expect(result.data.legalDocuments.nodes).toEqual([{ id: 'LegalDocument:dn-202-qd-ubnd-2019' }]);
    }
  });

  it('an empty list filter matches nothing', async () => {
    const result = await api.execute(`{ tasks(filter: { timeframe: [] }) { totalCount nodes { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.tasks).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('legal basis', () => {
  it('walks the chain with depth and provenance, ending on cycles', async () => {
    const result = await api.execute(`{
      legalBasis(document: "LegalDocument:dn-202-qd-ubnd-2019") { depth citing { id } document { id number } source { clause quote } }
    }`);
    expect(result.errors).toBeUndefined();
    const links = result.data.legalBasis as { depth: number; citing: { id: string }; document: { number: string | null } }[];
    const direct = links.filter((l) => l.depth === 1);
    expect(direct.map((l) => l.document.number)).toEqual(expect.arrayContaining(['996/QĐ-TTg', '82/QĐ-BKHCN', '24/TTr-SKHCN']));
    for (const l of direct) expect(l.citing.id).toBe('LegalDocument:dn-202-qd-ubnd-2019');
  });

  it('is null for an unknown document and BAD_USER_INPUT for a depth past the cap', async () => {
    const unknown = await api.execute(`{ legalBasis(document: "LegalDocument:none") { depth } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.legalBasis).toBeNull();
    const deep = await api.execute(`{ legalBasis(document: "LegalDocument:dn-202-qd-ubnd-2019", maxDepth: 51) { depth } }`);
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0]?.message).toMatch(/"maxDepth".*1 to 50/);
  });
});
