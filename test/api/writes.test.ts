/**
 * The record of implementation through the API (schema/implementation.graphql): mutations with
 * roles, versions, idempotency keys and history, and the progress read back, on the seeded plan.
 * Values and evidence written here are test data and say so.
 */
import type { Viewer } from '../../src/auth/viewer';
import type { GraphStore, RecordChange } from '../../src/store/port';
import { startTestApi, type TestApi } from '../support/api';

const EDITOR: Viewer = { subject: 'editor@test', role: 'editor', via: 'token' };
const READER: Viewer = { subject: 'reader@test', role: 'reader', via: 'token' };
const ATTENDANCES = 'Target:dn-202-2019.i-2-a-2'; // at least 200 attendances by 2025 (SUM)
const LABS = 'Target:dn-202-2019.i-2-a-4'; // at least 1 accredited lab by 2025 (LATEST)
const ANNUAL_TASK = 'Task:dn-202-2019.pl-i-2'; // conferences and seminars, every year
const EVIDENCE = { document: 'TEST-1/BC', quote: 'Test data: not from any real report.' };

const RECORD = `mutation ($input: RecordActualInput!, $key: String) {
  recordActual(input: $input, idempotencyKey: $key) { replayed actual { id version value status recordedBy retracted evidence { document url quote } target { id } } change { seq action version actor } } }`;
const UPDATE = `mutation ($input: UpdateActualInput!, $key: String) {
  updateActual(input: $input, idempotencyKey: $key) { replayed actual { id version value note } change { seq action version changedFields } } }`;
const RETRACT = `mutation ($input: RetractInput!) { retractActual(input: $input) { actual { id version retracted retraction { by reason } } change { action } } }`;

let api: TestApi;
let applyChanges = 0;

beforeAll(async () => {
  api = await startTestApi({
    wrapStore: (store: GraphStore) => {
      const counting = Object.create(store) as GraphStore;
      Object.defineProperty(counting, 'applyChange', {
        value: (change: RecordChange, options?: Parameters<GraphStore['applyChange']>[1]) => {
          applyChanges += 1;
          return store.applyChange(change, options);
        },
      });
      return counting;
    },
  });
});

afterAll(async () => {
  await api.close();
});

const asEditor = { viewer: EDITOR };
const actualInput = (fields: Record<string, unknown> = {}) => ({
  target: ATTENDANCES,
  value: 30,
  periodStart: '2020-01-01',
  periodEnd: '2020-12-31',
  evidence: EVIDENCE,
  ...fields,
});

async function historyCount(): Promise<number> {
  const result = await api.execute('{ auditLog(first: 1) { totalCount } }');
  return result.data?.auditLog.totalCount as number;
}

describe('writing an actual', () => {
  it('records, updates and retracts it, each one transaction, with the history of every change', async () => {
    const before = applyChanges;
    const created = await api.execute(RECORD, { input: actualInput() }, asEditor);
    expect(created.errors).toBeUndefined();
    const actual = created.data?.recordActual.actual;
    expect(actual).toMatchObject({ version: 1, value: 30, status: 'PROVISIONAL', recordedBy: 'editor@test', retracted: false, target: { id: ATTENDANCES } });
    expect(actual.evidence).toEqual({ document: 'TEST-1/BC', url: null, quote: EVIDENCE.quote });
    expect(created.data?.recordActual.change).toMatchObject({ action: 'CREATE', version: 1, actor: 'editor@test' });

    const updated = await api.execute(UPDATE, { input: { id: actual.id, expectedVersion: 1, value: 35, note: 'corrected (test data)' } }, asEditor);
    expect(updated.data?.updateActual).toMatchObject({ replayed: false, actual: { version: 2, value: 35 }, change: { action: 'UPDATE', changedFields: ['value', 'note'] } });
    const retracted = await api.execute(RETRACT, { input: { id: actual.id, expectedVersion: 2, reason: 'test data' } }, asEditor);
    expect(retracted.data?.retractActual.actual).toMatchObject({ version: 3, retracted: true, retraction: { by: 'editor@test', reason: 'test data' } });
    expect(applyChanges - before).toBe(3);

    const history = await api.execute('query ($id: ID!) { history(id: $id) { totalCount nodes { action version before after requestId } } }', { id: actual.id });
    expect(history.data?.history.nodes.map((c: { action: string; version: number }) => [c.action, c.version])).toEqual([
      ['CREATE', 1],
      ['UPDATE', 2],
      ['RETRACT', 3],
    ]);
    const [first, second] = history.data?.history.nodes as { before: string | null; after: string; requestId: string }[];
    expect(first?.before).toBeNull();
    expect(second?.before).toBe(first?.after);
    expect(first?.requestId).not.toBe(second?.requestId);
    const read = await api.execute('query ($id: ID!) { record(id: $id) { id version retracted ... on Actual { value } } }', { id: actual.id });
    expect(read.data?.record).toEqual({ id: actual.id, version: 3, retracted: true, value: 35 });
  });

  it('answers a stale expected version with CONFLICT naming the current version, and writes nothing', async () => {
    const { data } = await api.execute(RECORD, { input: actualInput({ periodStart: '2021-01-01', periodEnd: '2021-12-31' }) }, asEditor);
    const id = data?.recordActual.actual.id as string;
    await api.execute(UPDATE, { input: { id, expectedVersion: 1, value: 31 } }, asEditor);
    const count = await historyCount();
    const stale = await api.execute(UPDATE, { input: { id, expectedVersion: 1, value: 99 } }, asEditor);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(stale.errors?.[0]?.message).toMatch(/version 2.*expectedVersion 2/);
    expect(await historyCount()).toBe(count);
  });

  it('answers the same idempotency key twice with the first answer and one write', async () => {
    const count = await historyCount();
    const input = actualInput({ periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 12 });
    const first = await api.execute(RECORD, { input, key: 'test-key-1' }, asEditor);
    const again = await api.execute(RECORD, { input, key: 'test-key-1' }, asEditor);
    expect(first.data?.recordActual.replayed).toBe(false);
    expect(again.data?.recordActual).toEqual({ ...first.data?.recordActual, replayed: true });
    expect(await historyCount()).toBe(count + 1);
    const other = await api.execute(RECORD, { input: { ...input, value: 13 }, key: 'test-key-1' }, asEditor);
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/test-key-1.*another change/) });
  });
});

describe('who may write, and what', () => {
  it('refuses an anonymous write as UNAUTHENTICATED and a reader as FORBIDDEN, writing nothing', async () => {
    const count = await historyCount();
    const anonymous = await api.execute(RECORD, { input: actualInput() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0]?.message).toMatch(/Recording an actual needs credentials with the editor role/);
    const reader = await api.execute(RECORD, { input: actualInput() }, { viewer: READER });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reader.errors?.[0]?.message).toMatch(/reader@test has the reader role/);
    expect(await historyCount()).toBe(count);
  });

  it('refuses to change a fact seeded from the decision with FORBIDDEN saying why', async () => {
    const result = await api.execute(UPDATE, { input: { id: ATTENDANCES, expectedVersion: 1, value: 1 } }, asEditor);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/Target:dn-202-2019.i-2-a-2 is a fact seeded from the decision's text \(202\/QĐ-UBND, Mục I.2.a\): .*read-only.*provenance/);
    const task = await api.execute('mutation { retractTaskReport(input: { id: "Task:dn-202-2019.pl-i-2", expectedVersion: 1, reason: "x" }) { replayed } }', {}, asEditor);
    expect(task.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    [{ value: -1 }, 'input.value', /-1; it must be a count from 0/],
    [{ periodStart: '2023-13-01' }, 'input.periodStart', /"2023-13-01"; it must be a date written YYYY-MM-DD/],
    [{ periodStart: '2023-06-01', periodEnd: '2023-01-31' }, 'input.periodEnd', /must not be before periodStart \(2023-06-01\)/],
    [{ evidence: { url: 'ftp://example.org/x', quote: 'q' } }, 'input.evidence.url', /"ftp:\/\/example.org\/x"; it must be an http/],
    [{ evidence: { quote: 'q' } }, 'input.evidence.document', /must name where the quoted sentence comes from/],
    [{ target: 'Task:dn-202-2019.pl-i-2' }, 'input.target', /it must be the id of a Target/],
  ])('answers bad input %j with BAD_USER_INPUT naming %s and the value', async (fields, argument, message) => {
    const result = await api.execute(RECORD, { input: actualInput(fields) }, asEditor);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('answers a rule among the target\'s actuals with BAD_USER_INPUT naming the field, and a bad idempotency key naming it', async () => {
    await api.execute(RECORD, { input: actualInput({ periodStart: '2019-01-01', periodEnd: '2019-12-31' }) }, asEditor);
    const overlap = await api.execute(RECORD, { input: actualInput({ periodStart: '2019-06-01', periodEnd: '2019-06-30' }) }, asEditor);
    expect(overlap.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/field periodStart: the period 2019-06-01 to 2019-06-30 overlaps/) });
    const key = await api.execute(RECORD, { input: actualInput(), key: 'no spaces allowed' }, asEditor);
    expect(key.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
  });
});

describe('reading the record back', () => {
  it('lists a target\'s actuals and computes its progress by phase; a level takes its latest period', async () => {
    await api.execute(RECORD, { input: actualInput({ target: LABS, value: 0, baseline: true, periodStart: '2018-12-31', periodEnd: '2018-12-31' }) }, asEditor);
    await api.execute(RECORD, { input: actualInput({ target: LABS, value: 1, status: 'VERIFIED', periodStart: '2023-01-01', periodEnd: '2023-12-31' }) }, asEditor);
    const result = await api.execute(
      `query ($a: ID!, $l: ID!) {
        attendances: node(id: $a) { ... on Target { actuals { periodStart value } progress(asOf: "2026-01-01") { achieved quantity status aggregation byPhase { phase { id } achieved } } } }
        labs: node(id: $l) { ... on Target { actuals(includeRetracted: true) { baseline } progress(asOf: "2026-01-01") { achieved status aggregation ratio baseline { value } counted { value } } } } }`,
      { a: ATTENDANCES, l: LABS },
    );
    expect(result.errors).toBeUndefined();
    const attendances = result.data?.attendances;
    const sum = (attendances.actuals as { value: number }[]).reduce((total, a) => total + a.value, 0);
    expect(attendances.progress).toMatchObject({ achieved: sum, quantity: 200, aggregation: 'SUM', status: sum >= 200 ? 'MET' : 'NOT_MET' });
    expect(attendances.progress.byPhase).toEqual([{ phase: { id: 'Phase:dn-202-2019.giai-doan-1' }, achieved: sum }]);
    expect(result.data?.labs.progress).toEqual({ achieved: 1, status: 'MET', aggregation: 'LATEST', ratio: 1, baseline: { value: 0 }, counted: [{ value: 1 }] });
  });

  it('reports on a task per year and lists the plan\'s overdue tasks', async () => {
    const report = await api.execute(
      `mutation { recordTaskReport(input: { task: "${ANNUAL_TASK}", year: 2019, status: DONE, narrative: "Test data." }) { taskReport { id year status evidence { quote } task { id } } } }`,
      {},
      asEditor,
    );
    expect(report.data?.recordTaskReport.taskReport).toMatchObject({ year: 2019, status: 'DONE', evidence: null, task: { id: ANNUAL_TASK } });
    const result = await api.execute(
      `{ node(id: "${ANNUAL_TASK}") { ... on Task { reports { year } progress(asOf: "2021-06-01") { overdue overdueYears reportedYears latestReport { year } } } }
         overdueTasks(plan: "Plan:dn-202-2019", asOf: "2021-06-01") { task { id } overdueYears } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toEqual({ reports: [{ year: 2019 }], progress: { overdue: true, overdueYears: [2020], reportedYears: [2019], latestReport: { year: 2019 } } });
    const overdue = result.data?.overdueTasks as { task: { id: string }; overdueYears: number[] }[];
    expect(overdue.find((t) => t.task.id === ANNUAL_TASK)?.overdueYears).toEqual([2020]);
    expect(overdue.every((t) => t.overdueYears.length > 0)).toBe(true);
  });

  it('filters the audit list by subject, kind and time, and pages it', async () => {
    const all = await api.execute('{ auditLog(first: 200) { totalCount nodes { seq at actor recordKind } } }');
    const nodes = all.data?.auditLog.nodes as { seq: number; at: string; actor: string; recordKind: string }[];
    expect(nodes.map((n) => n.seq)).toEqual(nodes.map((_, i) => i + 1));
    const reports = await api.execute('{ auditLog(filter: { kind: TaskReport, subject: "editor@test" }) { totalCount } }');
    expect(reports.data?.auditLog.totalCount).toBe(nodes.filter((n) => n.recordKind === 'TaskReport').length);
    const nobody = await api.execute('{ auditLog(filter: { subject: "nobody@test", from: "2020-01-01" }) { totalCount } }');
    expect(nobody.data?.auditLog.totalCount).toBe(0);
    const page = await api.execute('{ auditLog(first: 2) { pageInfo { endCursor hasNextPage } } }');
    const next = await api.execute('query ($after: String) { auditLog(first: 2, after: $after) { nodes { seq } } }', { after: page.data?.auditLog.pageInfo.endCursor });
    expect(next.data?.auditLog.nodes).toEqual([{ seq: 3 }, { seq: 4 }]);
    const bad = await api.execute('{ auditLog(filter: { from: "yesterday" }) { totalCount } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.from' });
  });
});

describe('mutations under the operation limits', () => {
  it('costs a mutation with its write, and refuses one over a limit before anything is written', async () => {
    const one = await api.execute(RECORD, { input: actualInput({ periodStart: '2024-01-01', periodEnd: '2024-12-31' }) }, asEditor);
    expect((one.extensions?.cost as { estimated: number } | undefined)?.estimated).toBeGreaterThanOrEqual(100);
    const count = await historyCount();
    const before = applyChanges;
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: retractActual(input: { id: "Actual:x${i}", expectedVersion: 1, reason: "x" }) { replayed }`).join(' ');
    const refused = await api.execute(`mutation { ${aliases} }`, {}, asEditor);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED' });
    expect(applyChanges).toBe(before);
    expect(await historyCount()).toBe(count);
  });

  it('runs each mutation field as its own transaction: a later field failing leaves the earlier one written', async () => {
    const count = await historyCount();
    const result = await api.execute(
      `mutation ($ok: RecordActualInput!) {
        ok: recordActual(input: $ok) { actual { id } }
        stale: updateActual(input: { id: "Actual:does-not-exist", expectedVersion: 1, value: 1 }) { actual { id } } }`,
      { ok: actualInput({ periodStart: '2025-01-01', periodEnd: '2025-06-30' }) },
      asEditor,
    );
    // The failed field is non-null, so `data` is null; the first field's transaction committed all the same.
    expect(result.errors?.[0]).toMatchObject({ path: ['stale'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(await historyCount()).toBe(count + 1);
    const last = await api.execute(`{ auditLog(first: 1, after: "${Buffer.from(`o:${count - 1}`).toString('base64url')}") { nodes { action recordKind } } }`);
    expect(last.data?.auditLog.nodes).toEqual([{ action: 'CREATE', recordKind: 'Actual' }]);
  });
});
