/**
 * The "as of" date on the dashboard and the graph explorer, in Chromium: the
 * coordination matrix shows the bodies that carry each task on the chosen
 * day (the successors in 2026, the 2019 bodies in 2020), the pages send the
 * date with their queries, and the changes list shows the 2025
 * reorganisation with its sources. Expected bodies and quotes come from the
 * API and from seed/sources/later-facts.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runAxe, seriousOnly } from './axe';
import { canvasState, explorerReady } from './explorerPage';
import { DASHBOARD_STRINGS } from '../../web/src/dashboard/strings';
import { DECISION, PLAN, SKHCN, TIMEOUT, describeInBrowser, expectOfflineAndClean, screenshot, startSession, until, type BrowserSession } from './session';

let session: BrowserSession;

const SKHCN_2025 = 'Agency:dn-skhcn-2025';
const DISTRICTS = 'Agency:dn-ubnd-quan-huyen';
const COMMUNES_2025 = 'Agency:dn-ubnd-xa-phuong-dac-khu';

interface Fact {
  id: string;
  sources: { url?: string; quotes: { text: string }[] }[];
}
const facts = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../seed/sources/later-facts.json'), 'utf8')) as { facts: Fact[] }).facts;
const fact = (id: string): Fact => facts.find((f) => f.id === id)!;

interface Carried { role: string; agency: { id: string }; carriedBy: { agency: { id: string } }[] }

/** The bodies that carry the plan's tasks on `asOf`, as the API answers, with their number of lead roles. */
async function carriersOn(asOf: string): Promise<Map<string, number>> {
  const answer = await session.api<{ assignments: { nodes: Carried[] } }>(
    `query($plan: ID!, $asOf: String) { assignments(filter: { plan: $plan }, first: 1000, asOf: $asOf) { nodes { role agency { id } carriedBy { agency { id } } } } }`,
    { plan: PLAN, asOf },
  );
  const leads = new Map<string, number>();
  for (const a of answer.assignments.nodes) for (const c of a.carriedBy) leads.set(c.agency.id, (leads.get(c.agency.id) ?? 0) + (a.role === 'LEAD' ? 1 : 0));
  return leads;
}

/** Types a date into the control and waits until the matrix shows that date. */
async function chooseDate(page: Page, date: string): Promise<void> {
  await page.locator('#as-of-input').fill(date);
  await page.locator(`#section-matrix[data-state="ready"][data-as-of="${date}"]`).waitFor({ timeout: 60_000 });
  await page.locator(`#section-targets[data-state="ready"][data-as-of="${date}"]`).waitFor({ timeout: 60_000 });
}

async function matrixAgencies(page: Page): Promise<string[]> {
  return page.locator('#matrix tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agency-id') ?? ''));
}

describeInBrowser('as-of dates in Chromium', () => {
  const sent: string[] = [];

  beforeAll(async () => {
    session = await startSession();
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(() => expectOfflineAndClean(session));

  async function openDashboard(query = ''): Promise<Page> {
    const page = await session.openPage(`/dashboard${query}`);
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.postData() ?? '');
    });
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 90_000 });
    return page;
  }

  it(
    'choosing 2026-06-01 shows the successor bodies in the matrix, 2020-01-01 the 2019 ones; the queries send the date and the URL keeps it',
    async () => {
      const later = await carriersOn('2026-06-01');
      const earlier = await carriersOn('2020-01-01');
      expect([...later.keys()]).toEqual(expect.arrayContaining([SKHCN_2025, COMMUNES_2025]));
      expect([...earlier.keys()]).toEqual(expect.arrayContaining([SKHCN, DISTRICTS]));

      const page = await openDashboard();
      // No date chosen: the bodies as the plan names them.
      expect(await matrixAgencies(page)).toContain(SKHCN);

      sent.length = 0;
      await chooseDate(page, '2026-06-01');
      expect(new Set(await matrixAgencies(page))).toEqual(new Set(later.keys()));
      expect(await matrixAgencies(page)).not.toContain(SKHCN);
      expect(await matrixAgencies(page)).not.toContain(DISTRICTS);
      expect((await page.locator(`#matrix tr[data-agency-id="${SKHCN_2025}"] td[data-count="LEAD"]`).innerText()).trim()).toBe(String(later.get(SKHCN_2025)));
      // A cell says how the work came to the successor: the merger, its date and its act.
      const title = (await page.locator(`#matrix tr[data-agency-id="${SKHCN_2025}"] td[data-role="LEAD"]`).first().getAttribute('title')) ?? '';
      expect(title).toContain('2025-03-01');
      expect(title).toContain('01/NQ-HĐND');
      expect(sent.some((body) => body.includes('DashboardMatrix') && body.includes('"asOf":"2026-06-01"'))).toBe(true);
      expect(sent.some((body) => body.includes('DashboardTargets') && body.includes('"asOf":"2026-06-01"'))).toBe(true);
      expect(new URL(page.url()).searchParams.get('asOf')).toBe('2026-06-01');
      await screenshot(page, 'dashboard-as-of-2026', { fullPage: true });

      await chooseDate(page, '2020-01-01');
      expect(new Set(await matrixAgencies(page))).toEqual(new Set(earlier.keys()));
      expect(await matrixAgencies(page)).toContain(SKHCN);
      expect(await matrixAgencies(page)).toContain(DISTRICTS);
      expect(await matrixAgencies(page)).not.toContain(SKHCN_2025);
      expect(new URL(page.url()).searchParams.get('asOf')).toBe('2020-01-01');

      // A reload keeps the date.
      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 90_000 });
      await page.locator('#section-matrix[data-as-of="2020-01-01"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('#as-of-input').inputValue()).toBe('2020-01-01');
      expect(await matrixAgencies(page)).not.toContain(SKHCN_2025);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'the changes list shows the 2025 reorganisation, each change with its date, its successor and its source (document, page, quote)',
    async () => {
      const page = await openDashboard('?asOf=2025-05-01');
      await page.locator('#changes-list').waitFor({ timeout: 60_000 });

      const districts = page.locator(`#changes-list li[data-node-id="${DISTRICTS}"][data-change="ended"]`);
      expect(await districts.getAttribute('data-change-date')).toBe('2025-07-01');
      const dissolved = fact('lf-2025-07-01-ubnd-quan-huyen-dissolved');
      expect(await districts.locator('.change-quote').textContent()).toBe(dissolved.sources[0]!.quotes[0]!.text);
      await districts.locator('summary').click();
      expect(await districts.locator('.change-quote').isVisible()).toBe(true);
      expect(await districts.locator('.change-url').getAttribute('href')).toBe(dissolved.sources[0]!.url);
      expect(await districts.locator(`[data-successor-id="${COMMUNES_2025}"]`).count()).toBe(1);
      // After the chosen day: marked so.
      expect(await districts.getAttribute('data-after-as-of')).not.toBeNull();

      const department = page.locator(`#changes-list li[data-node-id="${SKHCN}"][data-change="ended"]`);
      expect(await department.getAttribute('data-change-date')).toBe('2025-03-01');
      expect(await department.locator('.change-document').innerText()).toBe('01/NQ-HĐND');
      expect(await department.locator(`[data-successor-id="${SKHCN_2025}"]`).count()).toBe(1);
      expect(await page.locator(`#changes-list li[data-node-id="${SKHCN_2025}"][data-change="started"]`).getAttribute('data-change-date')).toBe('2025-03-01');

      const reorganisation = page.locator('#changes-list li[data-node-id="LegalDocument:vn-759-qd-ttg-2025"][data-change="started"]');
      expect(await reorganisation.getAttribute('data-change-date')).toBe('2025-04-14');
      expect(await reorganisation.innerText()).toContain('759/QĐ-TTg');
      const merger = page.locator('#changes-list li[data-node-id="LegalDocument:vn-202-2025-qh15"]');
      expect(await merger.locator('.change-document').innerText()).toBe('202/2025/QH15');

      // Oldest first.
      const dates = await page.locator('#changes-list li').evaluateAll((items) => items.map((i) => i.getAttribute('data-change-date') ?? ''));
      expect(dates).toEqual([...dates].sort());
      expect(seriousOnly(await runAxe(page))).toEqual([]);
      await screenshot(page, 'dashboard-changes');
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'the legal basis keeps the 2015 law after it left force, marked so on that date and not before',
    async () => {
      const LAW_2015 = 'LegalDocument:vn-luat-tccqdp-2015';
      const mark = (page: Page) => page.locator(`#legal-chain [data-document-id="${LAW_2015}"] .doc-status`);
      const page = await openDashboard('?asOf=2026-06-01');
      await page.locator(`#legal-chain [data-document-id="${LAW_2015}"]`).waitFor({ timeout: 60_000 });
      expect(await mark(page).getAttribute('data-status')).toBe('NO_LONGER_IN_FORCE');
      expect((await mark(page).innerText()).trim()).toBe(DASHBOARD_STRINGS.statusNoLongerInForce.vi);
      await chooseDate(page, '2020-01-01');
      await page.locator(`#legal-chain [data-document-id="${LAW_2015}"]`).waitFor({ timeout: 60_000 });
      await until('the mark to go', async () => (await mark(page).count()) === 0);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'the graph explorer shows the graph as of the chosen date: the 2015 law the decision rests on in 2020, not in 2026',
    async () => {
      const around = async (asOf: string) =>
        (await session.api<{ neighbourhood: { nodes: { id: string }[] } }>(`query($id: ID!, $asOf: String) { neighbourhood(ids: [$id], depth: 1, limit: 150, asOf: $asOf) { nodes { id } } }`, { id: DECISION, asOf })).neighbourhood.nodes.map(
          (n) => n.id,
        );
      const in2020 = await around('2020-01-01');
      const in2026 = await around('2026-06-01');
      expect(in2020).toContain('LegalDocument:vn-luat-tccqdp-2015');
      expect(in2026).not.toContain('LegalDocument:vn-luat-tccqdp-2015');

      const page = await session.openPage('/explore/graph?asOf=2020-01-01');
      await explorerReady(page);
      expect(await page.locator('#as-of-input').inputValue()).toBe('2020-01-01');
      expect(new Set((await canvasState(page)).nodes.map((n) => n.id))).toEqual(new Set(in2020));

      await page.locator('#as-of-input').fill('2026-06-01');
      await page.locator('#graph-status[data-as-of="2026-06-01"]').waitFor({ timeout: 60_000 });
      expect(new Set((await canvasState(page)).nodes.map((n) => n.id))).toEqual(new Set(in2026));
      await page.close();
    },
    TIMEOUT,
  );
});
