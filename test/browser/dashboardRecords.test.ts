/**
 * The dashboard's record of implementation in Chromium: progress per target,
 * the task status grid, sign-in, the form with which an editor records an
 * actual, live progress on another page, and the export links. Values and
 * evidence written here are test data and say so.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { mintToken } from '../../src/auth/mintToken';
import { loadConfig } from '../../src/config';
import { ACTUAL_COLUMNS } from '../../src/export/exportColumns';
import { EXPORTS, GRID_YEARS } from '../../web/src/dashboard/recordLayout';
import { startTestServer } from '../support/server';
import { runAxe } from './axe';
import { PLAN, TIMEOUT, describeInBrowser, expectOfflineAndClean, record, screenshot, startSession, until, type BrowserSession } from './session';

const ATTENDANCES = 'Target:dn-202-2019.i-2-a-2'; // at least 200 attendances by 2025 (SUM)
const MATERIALS = 'Target:dn-202-2019.i-2-a-1'; // at least 10 reference materials by 2025 (SUM)
const PARTICIPATIONS = 'Target:dn-202-2019.i-2-a-3'; // at least 50 participations by 2025 (SUM)
const ANNUAL_TASK = 'Task:dn-202-2019.pl-i-2'; // conferences and seminars, every year
const EVIDENCE = { document: 'TEST-1/BC', quote: 'Test data: not from any real report.' };

/** The server's settings with a fresh development secret, so tests can mint tokens it accepts. */
const authConfig = loadConfig({ API_PROFILE: 'development', GRAPHQL_JIT: 'false', AUTH_JWT_SECRET: randomBytes(48).toString('base64') });
const token = (subject: string, role: 'reader' | 'editor'): Promise<string> => mintToken(authConfig.auth.jwt, { subject, role, ttlSeconds: 3600 });

let session: BrowserSession;

async function openDashboard(): Promise<Page> {
  const page = await session.openPage('/dashboard');
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 90_000 });
  return page;
}

/** Signs in on `page` with a bearer token and waits until the role shows. */
async function signIn(page: Page, bearer: string, role: string): Promise<void> {
  await page.locator('#credential-bearer').check();
  await page.locator('#credential-value').fill(bearer);
  await page.locator('#sign-in-button').click();
  await page.locator(`#viewer-role[data-role="${role}"]`).waitFor();
}

async function fillActual(page: Page, fields: { target: string; value: string; start: string; end: string; status?: string; document?: string; url?: string; quote?: string; note?: string }): Promise<void> {
  await page.locator('#actual-target').selectOption(fields.target);
  await page.locator('#actual-value').fill(fields.value);
  await page.locator('#actual-period-start').fill(fields.start);
  await page.locator('#actual-period-end').fill(fields.end);
  if (fields.status) await page.locator('#actual-status').selectOption(fields.status);
  await page.locator('#actual-document').fill(fields.document ?? '');
  await page.locator('#actual-url').fill(fields.url ?? '');
  await page.locator('#actual-quote').fill(fields.quote ?? '');
  await page.locator('#actual-note').fill(fields.note ?? '');
}

const achievedOn = (page: Page, target: string): Promise<string | null> => page.locator(`#progress-table tr[data-target="${target}"]`).getAttribute('data-achieved');

async function authedApi<T>(bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${session.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const actualsOf = async (target: string): Promise<{ id: string; value: number }[]> =>
  (await session.api<{ node: { actuals: { id: string; value: number }[] } }>(`query($id: ID!) { node(id: $id) { ... on Target { actuals { id value } } } }`, { id: target })).node.actuals;

describeInBrowser('the record of implementation on the dashboard, in Chromium', () => {
  beforeAll(async () => {
    session = await startSession({ server: () => startTestServer({ auth: authConfig.auth }) });
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(() => expectOfflineAndClean(session));

  it(
    'shows every target of the plan with what is achieved against its quantity, by phase, and its status, as the API computes them',
    async () => {
      const api = await session.api<{ targets: { nodes: { id: string; quantity: number; progress: { status: string; achieved: number | null; byPhase: { phase: { id: string } }[] } }[] } }>(
        `query($plan: ID!) { targets(filter: { plan: $plan }, first: 100) { nodes { id quantity progress { status achieved byPhase { phase { id } } } } } }`,
        { plan: PLAN },
      );
      const page = await openDashboard();
      expect(await page.locator('#progress-table tbody tr').count()).toBe(api.targets.nodes.length);
      for (const target of api.targets.nodes) {
        const row = page.locator(`#progress-table tr[data-target="${target.id}"]`);
        expect(await row.getAttribute('data-status')).toBe(target.progress.status);
        expect(await row.getAttribute('data-achieved')).toBe(target.progress.achieved === null ? '' : String(target.progress.achieved));
        expect(await row.locator('td.achieved').innerText()).toContain(String(target.quantity));
        for (const phase of target.progress.byPhase) expect(await row.locator(`.by-phase li[data-phase-id="${phase.phase.id}"]`).count()).toBe(1);
      }
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'shows each task in each year 2019–2030 with the status its report of that year gives, or overdue when the year ended without one',
    async () => {
      const editor = await token('grid-editor@test', 'editor');
      await authedApi(editor, `mutation($input: RecordTaskReportInput!) { recordTaskReport(input: $input) { taskReport { id } } }`, {
        input: { task: ANNUAL_TASK, year: 2021, status: 'DONE', narrative: 'Test data: not from any real report.', evidence: EVIDENCE },
      });
      const api = await session.api<{ tasks: { nodes: { id: string; reports: { year: number; status: string }[]; progress: { overdueYears: number[] } }[] } }>(
        `query($plan: ID!) { tasks(filter: { plan: $plan }, first: 200) { nodes { id reports { year status } progress { overdueYears } } } }`,
        { plan: PLAN },
      );
      const page = await openDashboard();
      expect(await page.locator('#task-grid tbody tr').count()).toBe(api.tasks.nodes.length);
      expect(await page.locator('#task-grid thead th[scope="col"]').allInnerTexts()).toEqual([expect.any(String), ...GRID_YEARS.map(String)]);
      expect(await page.locator(`#task-grid tr[data-task-id="${ANNUAL_TASK}"] td[data-year="2021"]`).getAttribute('data-state')).toBe('DONE');
      let overdue = 0;
      for (const task of api.tasks.nodes) {
        const states = await page.locator(`#task-grid tr[data-task-id="${task.id}"] td`).evaluateAll((cells) => cells.map((cell) => [Number(cell.getAttribute('data-year')), cell.getAttribute('data-state')] as const));
        expect(states.map(([year]) => year)).toEqual([...GRID_YEARS]);
        for (const [year, state] of states) {
          const report = task.reports.filter((r) => r.year === year).pop();
          const expected = report ? report.status : task.progress.overdueYears.includes(year) ? 'OVERDUE_NO_REPORT' : 'NONE';
          expect([task.id, year, state]).toEqual([task.id, year, expected]);
          if (expected === 'OVERDUE_NO_REPORT') overdue += 1;
        }
      }
      // The plan's recurring tasks are overdue in the years without a report, so the grid is not all blanks.
      expect(overdue).toBeGreaterThan(0);
      // Every cell says its state in words to a screen reader.
      expect(await page.locator(`#task-grid tr[data-task-id="${ANNUAL_TASK}"] td[data-year="2021"] .visually-hidden`).innerText()).not.toBe('');
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'lets an editor sign in and record an actual through the form; the progress shows the new value, and a page opened before sees it change without reloading',
    async () => {
      const watcher = await openDashboard();
      // The subscription's first message (the current progress) has arrived: the watcher is listening.
      await watcher.locator('#progress-live').waitFor({ timeout: 60_000 });
      // In the page (a string: this project's TypeScript has no DOM types outside web/): note when the row first shows 30.
      await watcher.evaluate(`(() => {
        window.notReloaded = true;
        const section = document.getElementById('section-progress');
        new MutationObserver(() => {
          if (window.seenAt === undefined && section.querySelector('tr[data-target="${ATTENDANCES}"][data-achieved="30"]')) window.seenAt = Date.now();
        }).observe(section, { subtree: true, childList: true, attributes: true });
      })()`);
      expect(await achievedOn(watcher, ATTENDANCES)).toBe('');

      const page = await openDashboard();
      await signIn(page, await token('editor@test', 'editor'), 'EDITOR');
      expect(await page.locator('#viewer-subject').innerText()).toBe('editor@test');
      await fillActual(page, { target: ATTENDANCES, value: '30', start: '2020-01-01', end: '2020-12-31', status: 'FINAL', ...EVIDENCE, note: 'Test data.' });
      await page.evaluate(`document.getElementById('actual-form').addEventListener('submit', () => { window.submittedAt = Date.now(); }, { capture: true })`);
      await page.locator('#actual-submit').click();
      await until('the form says it recorded the value', async () => (await page.locator('#actual-result').innerText()).includes('Actual:'));
      await until('the editor’s page shows the new progress', async () => (await achievedOn(page, ATTENDANCES)) === '30');
      await until('the watcher’s page shows the new progress', async () => (await achievedOn(watcher, ATTENDANCES)) === '30');
      expect(await watcher.evaluate('window.notReloaded')).toBe(true);
      const after = await session.api<{ node: { progress: { status: string; achieved: number } } }>(`query($id: ID!) { node(id: $id) { ... on Target { progress { status achieved } } } }`, { id: ATTENDANCES });
      expect(after.node.progress.achieved).toBe(30);
      expect(await watcher.locator(`#progress-table tr[data-target="${ATTENDANCES}"]`).getAttribute('data-status')).toBe(after.node.progress.status);
      expect(await page.locator(`#progress-table tr[data-target="${ATTENDANCES}"]`).getAttribute('data-status')).toBe(after.node.progress.status);

      const submittedAt = (await page.evaluate('window.submittedAt')) as number;
      const seenAt = (await watcher.evaluate('window.seenAt')) as number;
      const figures = { submitToWatcherUpdateMs: seenAt - submittedAt };
      record('dashboard-live-update', figures);
      console.log(`submit -> the other page's progress update: ${figures.submitToWatcherUpdateMs} ms`);

      const actuals = await actualsOf(ATTENDANCES);
      expect(actuals).toEqual([{ id: expect.stringMatching(/^Actual:/), value: 30 }]);
      await screenshot(page, 'dashboard-record-actual', { fullPage: true });
      await page.close();
      await watcher.close();
    },
    TIMEOUT,
  );

  it(
    'shows a task report written elsewhere in the grid of a page already open, without reloading',
    async () => {
      const watcher = await openDashboard();
      await watcher.locator('#section-taskGrid[data-live="true"]').waitFor({ timeout: 60_000 });
      const cell = watcher.locator(`#task-grid tr[data-task-id="${ANNUAL_TASK}"] td[data-year="2022"]`);
      expect(await cell.getAttribute('data-state')).not.toBe('IN_PROGRESS');
      await authedApi(await token('grid-live-editor@test', 'editor'), `mutation($input: RecordTaskReportInput!) { recordTaskReport(input: $input) { taskReport { id } } }`, {
        input: { task: ANNUAL_TASK, year: 2022, status: 'IN_PROGRESS', narrative: 'Test data: not from any real report.', evidence: EVIDENCE },
      });
      await until('the grid shows the new report', async () => (await cell.getAttribute('data-state')) === 'IN_PROGRESS');
      await watcher.close();
    },
    TIMEOUT,
  );

  it(
    'sends a submission that got no answer again with the same idempotency key, so the retry writes nothing twice',
    async () => {
      const page = await openDashboard();
      await signIn(page, await token('retry-editor@test', 'editor'), 'EDITOR');
      await fillActual(page, { target: PARTICIPATIONS, value: '7', start: '2021-01-01', end: '2021-12-31', ...EVIDENCE });
      const keys: string[] = [];
      let dropped = false;
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (!body.includes('DashboardRecordActual')) return route.continue();
        keys.push((JSON.parse(body) as { variables: { key: string } }).variables.key);
        if (dropped) return route.continue();
        // The write reaches the server, but its answer is lost on the way back.
        dropped = true;
        await route.fetch();
        return route.abort('connectionreset');
      });
      await page.locator('#actual-submit').click();
      await until('the form says the server could not be reached', async () => (await page.locator('#actual-errors').innerText()).trim() !== '');
      await page.locator('#actual-submit').click();
      await until('the retry’s answer', async () => (await page.locator('#actual-result').innerText()).includes('Actual:'));
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(await actualsOf(PARTICIPATIONS)).toEqual([{ id: expect.stringMatching(/^Actual:/), value: 7 }]);
      await page.unroute('**/graphql');
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'tells a reader in plain words that recording needs the editor role (FORBIDDEN), and writes nothing',
    async () => {
      const page = await openDashboard();
      await signIn(page, await token('reader@test', 'reader'), 'READER');
      await fillActual(page, { target: MATERIALS, value: '2', start: '2020-01-01', end: '2020-12-31', ...EVIDENCE });
      await page.locator('#actual-submit').click();
      await until('the refusal', async () => (await page.locator('#actual-errors .server-error').count()) > 0);
      const text = await page.locator('#actual-errors').innerText();
      expect(text).toMatch(/quyền ghi nhận/);
      expect(text).toContain('reader@test has the reader role');
      expect(await actualsOf(MATERIALS)).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'refuses a draft the server would refuse before sending it, on the fields at fault, and says UNAUTHENTICATED in plain words without sign-in',
    async () => {
      const page = await openDashboard();
      const sent: string[] = [];
      page.on('request', (request) => {
        if ((request.postData() ?? '').includes('DashboardRecordActual')) sent.push(request.url());
      });
      await page.locator('[data-lang="en"]').click();
      await fillActual(page, { target: MATERIALS, value: '2', start: '2020-12-31', end: '2020-01-01', quote: EVIDENCE.quote });
      await page.locator('#actual-submit').click();
      await page.locator('#actual-errors li[data-field="periodEnd"]').waitFor();
      expect(await page.locator('#actual-period-end').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#actual-period-end-error').innerText()).toContain('must not be before the period start');
      expect(sent).toEqual([]);
      await fillActual(page, { target: MATERIALS, value: '2', start: '2020-01-01', end: '2020-12-31', quote: EVIDENCE.quote });
      await page.locator('#actual-submit').click();
      await page.locator('#actual-errors li[data-field="evidenceDocument"]').waitFor();
      expect(sent).toEqual([]);
      await fillActual(page, { target: MATERIALS, value: '2', start: '2020-01-01', end: '2020-12-31', url: 'ftp://example.org/x', quote: EVIDENCE.quote });
      await page.locator('#actual-submit').click();
      await page.locator('#actual-errors li[data-field="evidenceUrl"]').waitFor();
      expect(sent).toEqual([]);
      // Not signed in: the server answers UNAUTHENTICATED, said in words.
      await fillActual(page, { target: MATERIALS, value: '2', start: '2020-01-01', end: '2020-12-31', ...EVIDENCE });
      await page.locator('#actual-submit').click();
      await until('the refusal', async () => (await page.locator('#actual-errors .server-error').count()) > 0);
      expect(sent).toHaveLength(1);
      expect(await page.locator('#actual-errors .server-error').innerText()).toContain('could not authenticate you');
      expect(await actualsOf(MATERIALS)).toEqual([]);
      await page.locator('[data-lang="vi"]').click();
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'links every export; without a credential they are plain links',
    async () => {
      const page = await openDashboard();
      const links = await page.locator('#export-links a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(links).toEqual(EXPORTS.map((e) => e.path));
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'downloads an export with the signed-in person’s credential, under the name the server gives',
    async () => {
      const page = await openDashboard();
      await signIn(page, await token('export-editor@test', 'editor'), 'EDITOR');
      const sent: (string | undefined)[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/export/actuals.csv')) sent.push(request.headers().authorization);
      });
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-links a[data-export="/export/actuals.csv"]').click()]);
      expect(sent).toEqual([expect.stringMatching(/^Bearer /)]);
      expect(download.suggestedFilename()).toMatch(/^plan-\d{4}-\d{2}-\d{2}-actuals\.csv$/);
      const file = await download.path();
      const text = fs.readFileSync(file, 'utf8');
      expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(ACTUAL_COLUMNS.join(','));
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'has no accessibility violations (axe-core) in the new sections, signed in, with errors shown, in either language',
    async () => {
      const page = await openDashboard();
      await signIn(page, await token('axe-editor@test', 'editor'), 'EDITOR');
      await page.locator('#actual-submit').click();
      await page.locator('#actual-errors li').first().waitFor();
      const include = [['#section-progress'], ['#section-taskGrid'], ['#section-record'], ['#section-export']];
      const vi = await runAxe(page, { include });
      await page.locator('[data-lang="en"]').click();
      const en = await runAxe(page, { include });
      record('axe-dashboard-records', { vi, en });
      expect(vi).toEqual([]);
      expect(en).toEqual([]);
      await page.locator('[data-lang="vi"]').click();
      await page.close();
    },
    TIMEOUT,
  );
});
