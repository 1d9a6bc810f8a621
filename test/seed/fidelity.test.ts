/**
 * Seed fidelity through the GraphQL API: what a client reads about Decision
 * 202/QĐ-UBND must match what ./planText parses from the text of the
 * decision (the appendix row by row, the targets, the legal basis, the plan
 * body), and every node and relationship must carry its provenance. The
 * later facts (seed/laterFacts) add records with their own provenance and
 * leave the text's facts as they are.
 */
import { readLaterFacts } from '../../seed/laterFacts/readLaterFacts';
import { toGraphBatch } from '../../seed/laterFacts/toGraphBatch';
import { readSeed } from '../../seed/readSeed';
import { foldText } from '../../src/model/text';
import { startTestApi, type TestApi } from '../support/api';
import {
  parseAppendix,
  parseAppendixTargets,
  parseBodyTargets,
  parseLegalBasis,
  parseObjectives,
  parsePhases,
  parseSectionIIDuties,
  parseTimeframe,
  readPlanText,
  uncoveredRemainder,
  type AppendixRow,
} from './planText';
import { readAllSeedFiles } from './seedData';

const PLAN_ID = 'Plan:dn-202-2019';
/** The decision's date: the text's facts are read as of it (the API's default date is today). */
const ISSUED_ON = '2019-05-13';
const DECISION_ID = 'LegalDocument:dn-202-qd-ubnd-2019';

const text = readPlanText();
const rows = parseAppendix(text);

interface Provenance {
  document: string;
  clause: string;
  quote: string | null;
}
interface AgencyRef {
  id: string;
  name: string;
  nameVi: string | null;
  abbreviation: string | null;
  collective: boolean;
}
interface Assignment {
  role: 'LEAD' | 'COORDINATOR';
  agency: AgencyRef;
  source: Provenance;
}
interface TaskView {
  id: string;
  code: string;
  nameVi: string | null;
  groupVi: string | null;
  timeframe: string;
  timeframeVi: string | null;
  dueYear: number | null;
  recurring: boolean;
  ordinal: number | null;
  source: Provenance;
  assignments: Assignment[];
}
interface TargetView {
  id: string;
  metric: string;
  quantity: number;
  year: number;
  comparator: string;
  source: Provenance;
  plan: { id: string } | null;
  setBy: { id: string }[];
}

let api: TestApi | undefined;

/** Runs a query and fails the test on any GraphQL error. */
async function query<T>(q: string, variables?: Record<string, unknown>): Promise<T> {
  if (!api) throw new Error('the test API did not start');
  const result = await api.execute<T>(q, variables);
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data as T;
}

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const PROVENANCE = 'source { document clause quote }';

describe('appendix (Phụ lục), row by row', () => {
  let tasks: TaskView[] = [];
  let totalCount = 0;

  beforeAll(async () => {
    const data = await query<{ tasks: { totalCount: number; nodes: TaskView[] } }>(
      `query ($plan: ID!) {
        tasks(filter: { section: [APPENDIX], plan: $plan }, first: 200) {
          totalCount
          nodes {
            id code nameVi groupVi timeframe timeframeVi dueYear recurring ordinal ${PROVENANCE}
            assignments { role agency { id name nameVi abbreviation collective } ${PROVENANCE} }
          }
        }
      }`,
      { plan: PLAN_ID },
    );
    tasks = data.tasks.nodes;
    totalCount = data.tasks.totalCount;
  });

  test('as many appendix tasks as rows in the text, one per row code', () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(totalCount).toBe(rows.length);
    expect(tasks.map((t) => t.code).sort()).toEqual(rows.map((r) => r.code).sort());
  });

  const cases = rows.map((r) => [r.code, r] as [string, AppendixRow]);

  test.each(cases)('%s: wording, clause, heading and timeframe', (code, row) => {
    const task = tasks.find((t) => t.code === code);
    expect(task).toBeDefined();
    const tf = parseTimeframe(row.timeframe);
    expect({
      nameVi: task!.nameVi,
      document: task!.source.document,
      clause: task!.source.clause,
      groupVi: task!.groupVi,
      ordinal: task!.ordinal,
      timeframe: task!.timeframe,
      timeframeVi: task!.timeframeVi,
      dueYear: task!.dueYear,
      recurring: task!.recurring,
    }).toEqual({
      nameVi: row.content,
      document: '202/QĐ-UBND',
      clause: row.clause,
      groupVi: row.group,
      ordinal: row.ordinal,
      timeframe: tf.timeframe,
      timeframeVi: row.timeframe,
      dueYear: tf.dueYear,
      recurring: tf.recurring,
    });
  });

  test.each(cases)('%s: exactly one lead, quoting the lead cell', (code, row) => {
    const task = tasks.find((t) => t.code === code)!;
    const leads = task.assignments.filter((a) => a.role === 'LEAD');
    expect(leads.map((l) => l.source.quote)).toEqual([row.lead]);
    expect(leads[0]!.source.clause).toBe(row.clause);
    expect(namesAgency(row.lead, leads[0]!.agency)).toBe(true);
  });

  test.each(cases)('%s: coordinators quote the coordinator cell and cover it', (code, row) => {
    const task = tasks.find((t) => t.code === code)!;
    const coords = task.assignments.filter((a) => a.role === 'COORDINATOR');
    if (row.coordinators === '') {
      expect(coords).toEqual([]);
      return;
    }
    expect(coords.length).toBeGreaterThan(0);
    for (const c of coords) {
      expect(c.source.document).toBe('202/QĐ-UBND');
      expect(c.source.clause).toBe(row.clause);
      expect(c.source.quote).toBeTruthy();
      expect(row.coordinators).toContain(c.source.quote);
      expect({ quote: c.source.quote, names: namesAgency(c.source.quote!, c.agency) }).toEqual({ quote: c.source.quote, names: true });
      expect({ agency: c.agency.id, collective: c.agency.collective }).toEqual({ agency: c.agency.id, collective: true });
    }
    expect(new Set(coords.map((c) => c.agency.id)).size).toBe(coords.length);
    expect(uncoveredRemainder(row.coordinators, coords.map((c) => c.source.quote!))).toBe('');
  });

  test('the same words in different rows name the same agency', () => {
    const seen = new Map<string, Set<string>>();
    for (const t of tasks) {
      for (const a of t.assignments) {
        const key = foldText(a.source.quote ?? '').replace(/^cac /, '');
        if (!seen.has(key)) seen.set(key, new Set());
        seen.get(key)!.add(a.agency.id);
      }
    }
    expect([...seen].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });
});

describe('targets', () => {
  let targets: TargetView[] = [];
  const parsed = [...parseBodyTargets(text), ...parseAppendixTargets(rows)];

  beforeAll(async () => {
    const data = await query<{ targets: { nodes: TargetView[] } }>(
      `query ($plan: ID!) {
        targets(filter: { plan: $plan }, first: 200) {
          nodes { id metric quantity year comparator ${PROVENANCE} plan { id } setBy { id } }
        }
      }`,
      { plan: PLAN_ID },
    );
    targets = data.targets.nodes;
  });

  test('the text gives 8 body targets and the appendix figures', () => {
    expect(parsed.filter((p) => p.clause.startsWith('Mục I.2.')).length).toBe(8);
    expect(parsed.filter((p) => p.clause.startsWith('Phụ lục')).length).toBeGreaterThanOrEqual(6);
  });

  test.each(parsed.map((p) => [`${p.clause}: ${p.comparator} ${p.quantity} by ${p.year}`, p] as const))('%s', (_label, p) => {
    const match = targets.filter((t) => t.source.clause === p.clause && t.quantity === p.quantity && t.year === p.year);
    expect(match).toHaveLength(1);
    expect(match[0]!.comparator).toBe(p.comparator);
    expect(match[0]!.source.document).toBe('202/QĐ-UBND');
    expect(match[0]!.plan?.id).toBe(PLAN_ID);
    expect(match[0]!.metric).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  test('no target has a figure the text does not give', () => {
    const extra = targets.filter((t) => !parsed.some((p) => p.clause === t.source.clause && p.quantity === t.quantity && p.year === t.year));
    expect(extra.map((t) => t.id)).toEqual([]);
  });

  test('both the body\'s 20 and the appendix\'s 30 by 2030 are present, as one metric', () => {
    const body = targets.filter((t) => t.source.clause === 'Mục I.2.b' && t.quantity === 20 && t.year === 2030);
    const appendix = targets.filter((t) => t.source.clause === 'Phụ lục II.2.a' && t.quantity === 30 && t.year === 2030);
    expect(body).toHaveLength(1);
    expect(appendix).toHaveLength(1);
    expect(body[0]!.metric).toBe(appendix[0]!.metric);
    expect(body[0]!.id).not.toBe(appendix[0]!.id);
  });

  test('body targets are set by the plan, appendix targets by their row', async () => {
    const codes = await query<{ tasks: { nodes: { id: string; code: string }[] } }>(
      `query ($plan: ID!) { tasks(filter: { section: [APPENDIX], plan: $plan }, first: 200) { nodes { id code } } }`,
      { plan: PLAN_ID },
    );
    const taskOfCode = new Map(codes.tasks.nodes.map((t) => [t.code, t.id]));
    for (const t of targets) {
      const expected = t.source.clause.startsWith('Mục') ? PLAN_ID : taskOfCode.get(`PL.${t.source.clause.replace('Phụ lục ', '')}`);
      expect({ target: t.id, setBy: t.setBy.map((s) => s.id) }).toEqual({ target: t.id, setBy: [expected] });
    }
  });
});

describe('legal basis of the decision', () => {
  test('basedOn lists the "Căn cứ" / "Theo đề nghị" lines in order (number and ISO date)', async () => {
    const lines = parseLegalBasis(text);
    expect(lines).toHaveLength(4);
    const data = await query<{ node: { basedOn: { id: string; number: string | null; issuedOn: string | null; docType: string }[] } | null }>(
      `query ($id: ID!) { node(id: $id) { ... on LegalDocument { basedOn(asOf: "${ISSUED_ON}") { id number issuedOn docType } } } }`,
      { id: DECISION_ID },
    );
    expect(data.node).not.toBeNull();
    expect(data.node!.basedOn.map((d) => ({ number: d.number, issuedOn: d.issuedOn, docType: d.docType }))).toEqual(
      lines.map((l) => ({ number: l.number, issuedOn: l.issuedOn, docType: l.docType })),
    );
  });

  test('each BASED_ON quotes its line', async () => {
    const lines = parseLegalBasis(text);
    const data = await query<{ node: { relationships: { ordinal: number | null; to: { id: string }; source: Provenance }[] } }>(
      `query ($id: ID!) { node(id: $id) { relationships(types: [BASED_ON], direction: OUT, asOf: "${ISSUED_ON}") { ordinal to { id } ${PROVENANCE} } } }`,
      { id: DECISION_ID },
    );
    const rels = [...data.node.relationships].sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
    expect(rels.map((r) => r.source.quote)).toEqual(lines.map((l) => l.line));
  });
});

describe('plan body', () => {
  test('section II duties are tasks with the text\'s wording and no invented lead or coordinator', async () => {
    const duties = parseSectionIIDuties(text);
    const data = await query<{ tasks: { nodes: { code: string; nameVi: string; source: Provenance; assignments: Assignment[] }[] } }>(
      `query ($plan: ID!) {
        tasks(filter: { section: [TASKS_AND_SOLUTIONS], plan: $plan }, first: 200) {
          nodes { code nameVi ${PROVENANCE} assignments { role agency { id name nameVi abbreviation collective } ${PROVENANCE} } }
        }
      }`,
      { plan: PLAN_ID },
    );
    const byCode = new Map(data.tasks.nodes.map((t) => [t.code, t]));
    expect([...byCode.keys()].sort()).toEqual(duties.map((d) => d.code).sort());
    for (const d of duties) {
      const t = byCode.get(d.code)!;
      expect({ code: d.code, nameVi: t.nameVi, clause: t.source.clause, assignments: t.assignments }).toEqual({
        code: d.code,
        nameVi: d.text,
        clause: d.clause,
        assignments: [],
      });
    }
  });

  test('objectives and phases of the plan', async () => {
    const data = await query<{
      node: { objectives: { code: string; nameVi: string }[]; phases: { ordinal: number; startYear: number; endYear: number; nameVi: string }[] };
    }>(`query ($id: ID!) { node(id: $id) { ... on Plan { objectives { code nameVi } phases { ordinal startYear endYear nameVi } } } }`, {
      id: PLAN_ID,
    });
    expect([...data.node.objectives].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      parseObjectives(text)
        .map((o) => ({ code: o.code, nameVi: o.text }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect([...data.node.phases].sort((a, b) => a.ordinal - b.ordinal)).toEqual(
      parsePhases(text).map((p) => ({ ordinal: p.ordinal, startYear: p.startYear, endYear: p.endYear, nameVi: p.text })),
    );
  });
});

describe('provenance of everything seeded', () => {
  const files = readAllSeedFiles();
  const ids = [...new Set(files.flatMap((f) => f.nodes.map((n) => n.id)))];
  const seededEdges = new Set(files.flatMap((f) => f.relationships.map((r) => `${r.type} ${r.from} -> ${r.to}`)));
  const seededIds = new Set(ids);
  const laterFacts = readLaterFacts();
  const laterEdgesFromSeeded = toGraphBatch(laterFacts, readSeed())
    .edges.filter((e) => seededIds.has(e.from))
    .map((e) => `${e.type} ${e.from} -> ${e.to}`);

  interface NodeView {
    id: string;
    source: Provenance;
    relationships: { type: string; from: { id: string }; to: { id: string }; source: Provenance }[];
  }
  let viewed: (NodeView | null)[] = [];
  /** The same nodes' relationships on a day after the 2025 reorganisation, when the later facts' own hold. */
  let viewedLater: (NodeView | null)[] = [];

  const view = async (asOf: string): Promise<(NodeView | null)[]> => {
    const seen: (NodeView | null)[] = [];
    for (let i = 0; i < ids.length; i += 400) {
      const data = await query<{ nodes: (NodeView | null)[] }>(
        `query ($ids: [ID!]!, $asOf: String) {
          nodes(ids: $ids) { id source { document clause quote } relationships(direction: OUT, asOf: $asOf) { type from { id } to { id } ${PROVENANCE} } }
        }`,
        { ids: ids.slice(i, i + 400), asOf },
      );
      seen.push(...data.nodes);
    }
    return seen;
  };

  beforeAll(async () => {
    viewed = await view(ISSUED_ON);
    viewedLater = await view('2026-06-01');
  });

  test('every seeded node is served', () => {
    expect(ids.length).toBeGreaterThan(50);
    expect(viewed.map((n) => n?.id ?? null)).toEqual(ids);
  });

  test('every node has a source document and clause', () => {
    const bad = viewed.filter((n) => !n || n.source.document.trim() === '' || n.source.clause.trim() === '').map((n) => n?.id);
    expect(bad).toEqual([]);
  });

  test('every relationship has a source document and clause; on the decision\'s date the served ones are exactly the seeded ones, later the later facts\' own are added', () => {
    const served = new Set<string>();
    const bad: string[] = [];
    for (const n of viewed) {
      for (const r of n?.relationships ?? []) {
        const key = `${r.type} ${r.from.id} -> ${r.to.id}`;
        served.add(key);
        if (r.source.document.trim() === '' || r.source.clause.trim() === '') bad.push(key);
      }
    }
    expect(bad).toEqual([]);
    expect([...served].sort()).toEqual([...seededEdges].sort());
    const laterServed: { key: string; source: Provenance }[] = [];
    for (const n of viewedLater) {
      for (const r of n?.relationships ?? []) {
        const key = `${r.type} ${r.from.id} -> ${r.to.id}`;
        if (!seededEdges.has(key)) laterServed.push({ key, source: r.source });
      }
    }
    expect(laterServed.map((r) => r.key).filter((key) => !laterEdgesFromSeeded.includes(key))).toEqual([]);
    // (A succession joins a body that has ended to its successor, so no day shows both its ends; the later facts' own test covers them.)
    // A later fact's relationship keeps its own provenance: the fact it comes from, never the decision's text.
    expect(laterServed.filter((r) => r.source.document === '202/QĐ-UBND' || !laterFacts.has(r.source.clause)).map((r) => r.key)).toEqual([]);
  });
});

/** True when the quoted words name the agency: one folded form contains the other. */
function namesAgency(quote: string, agency: AgencyRef): boolean {
  const q = foldText(quote);
  return [agency.nameVi, agency.name, agency.abbreviation]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map(foldText)
    .some((n) => q.includes(n) || n.includes(q));
}
