import { todayInPlanTimeZone } from '../../src/model/today';
import { startTestApi, type TestApi } from '../support/api';
import { SYN, syntheticSuccession } from '../support/syntheticSuccession';

/**
 * Reads as of a date, on the store under test (Kùzu, or Neo4j when NEO4J_URI
 * is set), over the seeded plan plus a small SYNTHETIC batch of validity and
 * succession records (test/support/syntheticSuccession.ts: no real body or
 * date).
 */

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await api.store.upsert(syntheticSuccession());
});
afterAll(async () => {
  await api.close();
});

const WHO = `query ($asOf: String) {
  node(id: "${SYN.task}") { ... on Task {
    lead(asOf: $asOf) { id }
    coordinators(asOf: $asOf) { id }
    assignments(asOf: $asOf) {
      role agency { id validity { from to toSource { quote } } }
      validity { from to }
      carriedBy { agency { id } since chain { type from { id } to { id } date source { document clause quote } } }
    }
  } } }`;

interface Who {
  node: {
    lead: { id: string } | null;
    coordinators: { id: string }[];
    assignments: {
      role: string;
      agency: { id: string; validity: { from: string | null; to: string | null; toSource: { quote: string } | null } };
      validity: { from: string | null; to: string | null };
      carriedBy: { agency: { id: string }; since: string | null; chain: { type: string; from: { id: string }; to: { id: string }; date: string | null; source: { document: string | null; clause: string | null; quote: string } | null }[] }[];
    }[];
  };
}

async function who(asOf?: string): Promise<Who['node']> {
  const result = await api.execute<Who>(WHO, asOf ? { asOf } : {});
  expect(result.errors).toBeUndefined();
  return (result.data as Who).node;
}

const ids = (list: readonly { id: string }[]) => list.map((n) => n.id);

describe('who carries the work on a date', () => {
  it('the day before the merger: the assigned bodies themselves, the later assignment not yet made', async () => {
    const task = await who('2022-12-31');
    expect(task.lead?.id).toBe(SYN.kept);
    expect(ids(task.coordinators)).toEqual([SYN.old, SYN.withdrawn]);
    expect(task.assignments.map((a) => a.agency.id)).toEqual([SYN.kept, SYN.old, SYN.withdrawn]);
    const old = task.assignments.find((a) => a.agency.id === SYN.old);
    expect(old?.carriedBy).toEqual([{ agency: { id: SYN.old }, since: null, chain: [] }]);
  });

  it('on the day of the merger the merged-into body carries the work, with the step and its source; the assignment stays with its own validity', async () => {
    const task = await who('2023-01-01');
    expect(ids(task.coordinators)).toEqual([SYN.mid, SYN.withdrawn]);
    const old = task.assignments.find((a) => a.agency.id === SYN.old);
    expect(old?.validity).toEqual({ from: null, to: null });
    expect(old?.agency.validity).toMatchObject({ from: '2010-01-01', to: '2023-01-01' });
    expect(old?.agency.validity.toSource?.quote).toBe('synthetic: old ends, merged into mid');
    expect(old?.carriedBy).toEqual([
      {
        agency: { id: SYN.mid },
        since: '2023-01-01',
        chain: [
          {
            type: 'MERGED_INTO',
            from: { id: SYN.old },
            to: { id: SYN.mid },
            date: '2023-01-01',
            source: { document: 'SYN/2099', clause: 'Điều 1', quote: 'synthetic: old merged into mid' },
          },
        ],
      },
    ]);
  });

  it('as of 2026-06-01: the bodies split off carry it through a two-step chain, each step sourced; a withdrawn assignment is carried by nobody; a later one counts', async () => {
    const task = await who('2026-06-01');
    expect(task.lead?.id).toBe(SYN.kept);
    expect(ids(task.coordinators)).toEqual([SYN.newA, SYN.newB, SYN.late]);
    const old = task.assignments.find((a) => a.agency.id === SYN.old);
    expect(old?.carriedBy.map((c) => [c.agency.id, c.since, c.chain.map((s) => [s.type, s.from.id, s.to.id, s.date, s.source?.quote])])).toEqual([
      [SYN.newA, '2025-07-01', [['MERGED_INTO', SYN.old, SYN.mid, '2023-01-01', 'synthetic: old merged into mid'], ['SPLIT_INTO', SYN.mid, SYN.newA, '2025-07-01', 'synthetic: mid split, part to new-a']]],
      [SYN.newB, '2025-07-01', [['MERGED_INTO', SYN.old, SYN.mid, '2023-01-01', 'synthetic: old merged into mid'], ['SPLIT_INTO', SYN.mid, SYN.newB, '2025-07-01', 'synthetic: mid split, part to new-b']]],
    ]);
    const withdrawn = task.assignments.find((a) => a.agency.id === SYN.withdrawn);
    expect(withdrawn?.validity).toEqual({ from: null, to: '2024-01-01' });
    expect(withdrawn?.carriedBy).toEqual([]);
    const late = task.assignments.find((a) => a.agency.id === SYN.late);
    expect(late?.validity.from).toBe('2026-01-01');
    expect(late?.carriedBy).toEqual([{ agency: { id: SYN.late }, since: '2026-01-01', chain: [] }]);
  });

  it('the day before the split the middle body still carries it', async () => {
    const task = await who('2025-06-30');
    expect(ids(task.coordinators)).toEqual([SYN.mid]);
  });

  it('an open-ended body carries its own work on any date', async () => {
    for (const date of ['1995-01-01', '2019-05-13', '2099-12-31']) expect((await who(date)).lead?.id).toBe(SYN.kept);
  });

  it('a body answers its successors, predecessors and carriers by date', async () => {
    const result = await api.execute(`{
      old: node(id: "${SYN.old}") { ... on Agency {
        before: successors(asOf: "2022-12-31") { to { id } }
        after: successors(asOf: "2023-01-01") { type to { id } date source { quote } }
        now: carriedBy(asOf: "2026-06-01") { agency { id } since chain { type } }
      } }
      mid: node(id: "${SYN.mid}") { ... on Agency {
        predecessors(asOf: "2026-06-01") { type from { id } date }
        successors(asOf: "2025-07-01") { type to { id } }
      } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.old.before).toEqual([]);
    expect(result.data.old.after).toEqual([{ type: 'MERGED_INTO', to: { id: SYN.mid }, date: '2023-01-01', source: { quote: 'synthetic: old merged into mid' } }]);
    expect(result.data.old.now).toEqual([
      { agency: { id: SYN.newA }, since: '2025-07-01', chain: [{ type: 'MERGED_INTO' }, { type: 'SPLIT_INTO' }] },
      { agency: { id: SYN.newB }, since: '2025-07-01', chain: [{ type: 'MERGED_INTO' }, { type: 'SPLIT_INTO' }] },
    ]);
    expect(result.data.mid.predecessors).toEqual([{ type: 'MERGED_INTO', from: { id: SYN.old }, date: '2023-01-01' }]);
    expect(result.data.mid.successors).toEqual([
      { type: 'SPLIT_INTO', to: { id: SYN.newA } },
      { type: 'SPLIT_INTO', to: { id: SYN.newB } },
    ]);
  });
});

describe('the work a body carries', () => {
  const CARRIES = `query ($id: ID!, $asOf: String) { node(id: $id) { ... on Agency {
    carries(asOf: $asOf) { role agency { id } task { id } carriedBy { agency { id } chain { type } } } } } }`;

  it.each([
    [SYN.old, '2022-12-31', [SYN.old]],
    [SYN.old, '2023-01-01', []],
    [SYN.mid, '2022-12-31', []],
    [SYN.mid, '2024-06-01', [SYN.old]],
    [SYN.newA, '2025-06-30', []],
    [SYN.newA, '2026-06-01', [SYN.old]],
    [SYN.withdrawn, '2023-12-31', [SYN.withdrawn]],
    [SYN.withdrawn, '2024-01-01', []],
  ])('%s on %s carries the assignments made to %j', async (id, asOf, assignedTo) => {
    const result = await api.execute(CARRIES, { id, asOf });
    expect(result.errors).toBeUndefined();
    const carried = result.data.node.carries as { role: string; agency: { id: string }; task: { id: string }; carriedBy: { agency: { id: string } }[] }[];
    expect(carried.map((a) => a.agency.id)).toEqual(assignedTo);
    for (const a of carried) {
      expect(a.task.id).toBe(SYN.task);
      expect(a.carriedBy.map((c) => c.agency.id)).toContain(id);
    }
  });

  it('a lasting body carries its own lead', async () => {
    const result = await api.execute(CARRIES, { id: SYN.kept, asOf: '2026-06-01' });
    expect(result.data.node.carries).toEqual([{ role: 'LEAD', agency: { id: SYN.kept }, task: { id: SYN.task }, carriedBy: [{ agency: { id: SYN.kept }, chain: [] }] }]);
  });
});

describe('a document in force', () => {
  it.each([
    ['2019-01-31', 'NOT_YET_IN_FORCE', [], []],
    ['2019-02-01', 'IN_FORCE', [], []],
    ['2021-01-01', 'PARTLY_IN_FORCE', [SYN.docB], []],
    ['2023-12-31', 'PARTLY_IN_FORCE', [SYN.docB], []],
    ['2024-01-01', 'NO_LONGER_IN_FORCE', [SYN.docB], [SYN.docC]],
  ])('as of %s: %s, amended by %j, replaced by %j', async (asOf, status, amendedBy, replacedBy) => {
    const result = await api.execute(
      `query ($asOf: String) { node(id: "${SYN.docA}") { ... on LegalDocument {
        status(asOf: $asOf) amendedBy(asOf: $asOf) { id } replacedBy(asOf: $asOf) { id } validity { to toSource { quote } } } } }`,
      { asOf },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.node).toEqual({
      status,
      amendedBy: amendedBy.map((id) => ({ id })),
      replacedBy: replacedBy.map((id) => ({ id })),
      validity: { to: '2024-01-01', toSource: { quote: 'synthetic: doc-a replaced by doc-c' } },
    });
  });

  it('the later documents name what they amend and replace', async () => {
    const result = await api.execute(`{
      b: node(id: "${SYN.docB}") { ... on LegalDocument { amends(asOf: "2026-06-01") { id } status(asOf: "2026-06-01") } }
      c: node(id: "${SYN.docC}") { ... on LegalDocument { replaces(asOf: "2026-06-01") { id } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ b: { amends: [{ id: SYN.docA }], status: 'IN_FORCE' }, c: { replaces: [{ id: SYN.docA }] } });
  });

  it('the decision of 2019 is in force today, with open validity when no later fact ends it', async () => {
    const result = await api.execute(`{ node(id: "LegalDocument:dn-202-qd-ubnd-2019") { ... on LegalDocument { status issuedOn } } }`);
    expect(result.errors).toBeUndefined();
    expect(['IN_FORCE', 'PARTLY_IN_FORCE', 'NO_LONGER_IN_FORCE']).toContain(result.data.node.status);
  });
});

describe('a citation outlives the cited document\'s force (seed facts)', () => {
  const DECISION = 'LegalDocument:dn-202-qd-ubnd-2019';
  const LAW_2015 = 'LegalDocument:vn-luat-tccqdp-2015';
  const QD_996 = 'LegalDocument:vn-996-qd-ttg-2018';
  const LATER = ['LegalDocument:vn-510-qd-bkhcn-2021', 'LegalDocument:vn-1537-qd-bkhcn-2023'];

  it.each(['2019-05-13', '2025-02-28', '2025-03-01', '2026-06-01'])(
    'as of %s the decision still rests on the 2015 law, with the law\'s status of that day',
    async (asOf) => {
      const result = await api.execute(
        `query ($asOf: String) { node(id: "${DECISION}") { ... on LegalDocument {
          basedOn(asOf: $asOf) { id status(asOf: $asOf) }
          legalBasis(asOf: $asOf, maxDepth: 1) { document { id } }
        } } }`,
        { asOf },
      );
      expect(result.errors).toBeUndefined();
      const law = result.data.node.basedOn.find((d: { id: string }) => d.id === LAW_2015);
      expect(law).toEqual({ id: LAW_2015, status: asOf < '2025-03-01' ? 'IN_FORCE' : 'NO_LONGER_IN_FORCE' });
      expect(result.data.node.legalBasis.map((l: { document: { id: string } }) => l.document.id)).toContain(LAW_2015);
    },
  );

  it.each([
    ['2019-05-13', []],
    ['2021-03-17', [LATER[0]]],
    ['2026-06-01', LATER],
  ])('as of %s a national decision is cited by the documents issued by then: %j', async (asOf, later) => {
    const result = await api.execute(
      `query ($asOf: String) { node(id: "${QD_996}") { ... on LegalDocument { citedBy(asOf: $asOf) { id } } } }`,
      { asOf },
    );
    expect(result.errors).toBeUndefined();
    const ids = (result.data.node.citedBy as { id: string }[]).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([DECISION, ...later]));
    for (const id of LATER.filter((l) => !later.includes(l))) expect(ids).not.toContain(id);
  });

  it('graph reads as of a date show the documents in force; the citation fields keep the others', async () => {
    const result = await api.execute(
      `{ node(id: "${DECISION}") { ... on LegalDocument { basedOn(asOf: "2026-06-01") { id } } }
         neighbourhood(ids: ["${DECISION}"], depth: 1, asOf: "2026-06-01") { nodes { id } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.node.basedOn.map((d: { id: string }) => d.id)).toContain(LAW_2015);
    expect(result.data.neighbourhood.nodes.map((n: { id: string }) => n.id)).not.toContain(LAW_2015);
  });
});

describe('the answer states the date it used', () => {
  it('absent, asOf is today in Vietnam, stated in extensions.asOf and on the connection', async () => {
    const before = todayInPlanTimeZone();
    const result = await api.execute(`{ agencies(first: 1) { asOf totalCount } }`);
    const after = todayInPlanTimeZone();
    expect(result.errors).toBeUndefined();
    expect([before, after]).toContain(result.data.agencies.asOf);
    expect(result.extensions?.asOf).toBe(result.data.agencies.asOf);
  });

  it('a date given is the one stated', async () => {
    const result = await api.execute(`{ tasks(first: 1, asOf: "2026-06-01") { asOf } search(text: "khoa hoc", asOf: "2026-06-01") { asOf } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ tasks: { asOf: '2026-06-01' }, search: { asOf: '2026-06-01' } });
    expect(result.extensions?.asOf).toBe('2026-06-01');
    expect(result.extensions?.asOfDates).toBeUndefined();
  });

  it('a request that mixes dates says so and names each', async () => {
    const result = await api.execute(`{ a: agencies(first: 1, asOf: "2019-05-13") { asOf } b: agencies(first: 1, asOf: "2026-06-01") { asOf } }`);
    expect(result.errors).toBeUndefined();
    expect(result.extensions).toMatchObject({ asOf: 'mixed', asOfDates: ['2019-05-13', '2026-06-01'] });
  });

  it('a request with no dated read states no date', async () => {
    const result = await api.execute(`{ node(id: "Agency:dn-skhcn") { id name } }`);
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.asOf).toBeUndefined();
  });
});

describe('a bad date is refused', () => {
  it.each([
    ['an impossible day', '2026-02-30'],
    ['a month without a leading zero', '2026-6-1'],
    ['a word', 'today'],
    ['an empty string', ''],
    ['a date and time', '2026-06-01T00:00:00Z'],
    ['a year out of range', '1066-10-14'],
  ])('%s (%j) is BAD_USER_INPUT naming asOf and the value, on a list, a relationship field and an analyst query', async (_label, asOf) => {
    for (const query of [
      `query ($asOf: String) { agencies(asOf: $asOf) { totalCount } }`,
      `query ($asOf: String) { node(id: "${SYN.task}") { ... on Task { coordinators(asOf: $asOf) { id } } } }`,
      `query ($asOf: String) { aggregates(asOf: $asOf) { nodesByKind { count } } }`,
    ]) {
      const result = await api.execute(query, { asOf });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain('"asOf"');
      expect(result.errors?.[0]?.message).toContain(JSON.stringify(asOf));
    }
  });
});

describe('lists, relationship fields and analyst queries keep what is valid on the date', () => {
  const BODIES = `query ($asOf: String) { agencies(filter: { name: { contains: "synthetic time body" } }, asOf: $asOf) { asOf nodes { id } } }`;

  it.each([
    ['2022-06-01', [SYN.kept, SYN.late, SYN.old, SYN.withdrawn]],
    ['2023-01-01', [SYN.kept, SYN.late, SYN.mid, SYN.withdrawn]],
    ['2025-07-01', [SYN.kept, SYN.late, SYN.newA, SYN.newB, SYN.withdrawn]],
  ])('the bodies that exist on %s', async (asOf, expected) => {
    const result = await api.execute(BODIES, { asOf });
    expect(result.errors).toBeUndefined();
    expect(result.data.agencies).toEqual({ asOf, nodes: expected.map((id) => ({ id })) });
  });

  it('a relationship field follows only relationships valid with both ends on the date', async () => {
    const result = await api.execute(`{ node(id: "${SYN.old}") { ... on Agency {
      before: coordinates(asOf: "2022-12-31") { id }
      after: coordinates(asOf: "2023-01-01") { id }
      relationships(asOf: "2022-12-31", direction: OUT) { type to { id } validity { from to } }
    } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.node.before).toEqual([{ id: SYN.task }]);
    expect(result.data.node.after).toEqual([]);
    expect(result.data.node.relationships).toEqual([{ type: 'COORDINATES', to: { id: SYN.task }, validity: { from: null, to: null } }]);
  });

  it('search, paths, neighbourhood and aggregates honour asOf', async () => {
    const query = `query ($asOf: String) {
      search(text: "synthetic time body", asOf: $asOf, first: 20) { totalCount }
      paths(from: "${SYN.old}", to: "${SYN.kept}", asOf: $asOf) { length }
      neighbourhood(ids: ["${SYN.task}"], asOf: $asOf) { nodes { id } }
      aggregates(asOf: $asOf) { nodesByKind { kind count } }
      agencies(asOf: $asOf, first: 1) { totalCount }
      timeline(asOf: $asOf) { recurringTasks { id } }
    }`;
    const [before, after] = await Promise.all([api.execute(query, { asOf: '2022-06-01' }), api.execute(query, { asOf: '2026-06-01' })]);
    expect(before.errors).toBeUndefined();
    expect(after.errors).toBeUndefined();
    expect(before.data.search.totalCount).toBe(4);
    expect(after.data.search.totalCount).toBe(5);
    expect(before.data.paths).toEqual([{ length: 2 }]);
    expect(after.data.paths).toEqual([]);
    const around = (r: typeof before) => (r.data.neighbourhood.nodes as { id: string }[]).map((n) => n.id).sort();
    expect(around(before)).toEqual([SYN.kept, SYN.old, SYN.task, SYN.withdrawn].sort());
    expect(around(after)).toEqual([SYN.kept, SYN.late, SYN.task].sort());
    const agencies = (r: typeof before) => (r.data.aggregates.nodesByKind as { kind: string; count: number }[]).find((g) => g.kind === 'Agency')?.count;
    // The counts are the store's, of what is valid on each date: they agree with the lists.
    expect(agencies(before)).toBe(before.data.agencies.totalCount);
    expect(agencies(after)).toBe(after.data.agencies.totalCount);
    expect(after.extensions?.asOf).toBe('2026-06-01');
  });
});

describe('the changes list', () => {
  const CHANGES = `query ($from: String, $to: String, $first: Int, $after: String) {
    validityChanges(from: $from, to: $to, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { date change node { id } relationship { type from { id } to { id } } source { document quote } } } }`;
  const synthetic = (c: { node: { id: string } | null; relationship: { from: { id: string } } | null }) =>
    (c.node?.id ?? c.relationship?.from.id ?? '').includes('syn-time');

  it('lists what starts and ends on the day of the merger, by date, key and ends first, each with its source', async () => {
    const result = await api.execute(CHANGES, { from: '2023-01-01', to: '2023-01-02', first: 50 });
    expect(result.errors).toBeUndefined();
    expect(result.data.validityChanges.nodes.filter(synthetic)).toEqual([
      { date: '2023-01-01', change: 'STARTS', node: { id: SYN.mid }, relationship: null, source: { document: 'SYN/2099', quote: 'synthetic: mid starts' } },
      { date: '2023-01-01', change: 'ENDS', node: { id: SYN.old }, relationship: null, source: { document: 'SYN/2099', quote: 'synthetic: old ends, merged into mid' } },
      {
        date: '2023-01-01',
        change: 'STARTS',
        node: null,
        relationship: { type: 'MERGED_INTO', from: { id: SYN.old }, to: { id: SYN.mid } },
        source: { document: 'SYN/2099', quote: 'synthetic: old merged into mid' },
      },
    ]);
  });

  it('pages with first and after, the range end excluded', async () => {
    const first = await api.execute(CHANGES, { from: '2025-07-01', to: '2025-07-02', first: 1 });
    expect(first.errors).toBeUndefined();
    const total = first.data.validityChanges.totalCount as number;
    expect(total).toBeGreaterThanOrEqual(5); // mid ends; new-a, new-b and both SPLIT_INTO start
    expect(first.data.validityChanges.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const seen = [...first.data.validityChanges.nodes];
    let after = first.data.validityChanges.pageInfo.endCursor as string;
    for (let page = 0; page < total; page += 1) {
      const next = await api.execute(CHANGES, { from: '2025-07-01', to: '2025-07-02', first: 2, after });
      expect(next.errors).toBeUndefined();
      seen.push(...next.data.validityChanges.nodes);
      if (!next.data.validityChanges.pageInfo.hasNextPage) break;
      after = next.data.validityChanges.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(seen.every((c: { date: string }) => c.date === '2025-07-01')).toBe(true);
    const none = await api.execute(CHANGES, { from: '2025-07-02', to: '2025-07-03' });
    expect(none.data.validityChanges.nodes.filter(synthetic)).toEqual([]);
  });

  it.each([
    [{ from: '2025-02-30' }, '"from"'],
    [{ to: 'soon' }, '"to"'],
    [{ from: '2026-01-01', to: '2025-01-01' }, '"to"'],
    [{ first: 0 }, '"first"'],
    [{ after: 'not-a-cursor' }, '"after"'],
  ])('%j is BAD_USER_INPUT naming %s', async (variables, named) => {
    const result = await api.execute(CHANGES, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(named);
  });
});
