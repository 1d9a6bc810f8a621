/**
 * The plan dashboard in Chromium. Each defect once found on it has a test
 * here that would catch it again; expected numbers come from the API.
 */
import { AS_WRITTEN_DATE } from '../../web/src/shared/pageDate';
import { formatDate } from '../../web/src/shared/i18n';
import { DASHBOARD_STRINGS } from '../../web/src/dashboard/strings';
import { SEARCH_PAGE } from '../../web/src/dashboard/queries';
import { runAxe, seriousOnly } from './axe';
import { DECISION, PLAN, SKHCN, TIMEOUT, describeInBrowser, expectOfflineAndClean, horizontalOverflow, record, screenshot, startSession, until, type BrowserSession } from './session';

let session: BrowserSession;

interface Target { id: string; quantity: number; year: number; unitVi: string | null; source: { clause: string } }
interface Assignment { role: string; agency: { id: string; name: string; nameVi: string }; task: { id: string } }

async function openDashboard(viewport?: { width: number; height: number }) {
  const page = await session.openPage('/dashboard', viewport ? { viewport } : {});
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 90_000 });
  return page;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describeInBrowser('plan dashboard in Chromium', () => {
  beforeAll(async () => {
    session = await startSession();
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(() => expectOfflineAndClean(session));

  it(
    'shows every target once (a target set for several phases once, across them), with quantity, year, clause and a unit that reads after the number',
    async () => {
      const plan = await session.api<{ node: { phases: { id: string; targets: Target[] }[] } }>(
        `query($id: ID!) { node(id: $id) { ... on Plan { phases { id targets { id quantity year unitVi source { clause } } } } } }`,
        { id: PLAN },
      );
      const phasesOf = new Map<string, string[]>();
      for (const phase of plan.node.phases) for (const target of phase.targets) phasesOf.set(target.id, [...(phasesOf.get(target.id) ?? []), phase.id]);
      // The appendix's "at least 30 by 2030" is listed under both phases by the API.
      expect([...phasesOf.values()].some((phases) => phases.length > 1)).toBe(true);
      const page = await openDashboard();
      for (const [id, phases] of phasesOf) {
        expect(await page.locator(`[data-target-id="${id}"]`).count()).toBe(1);
        const where = phases.length > 1 ? page.locator(`#targets-across [data-target-id="${id}"]`) : page.locator(`[data-phase-id="${phases[0]}"] [data-target-id="${id}"]`);
        expect(await where.count()).toBe(1);
      }
      for (const phase of plan.node.phases) {
        for (const target of phase.targets) {
          const text = await page.locator(`[data-target-id="${target.id}"]`).innerText();
          expect(text).toContain(String(target.quantity));
          expect(text).toContain(target.source.clause);
          expect(text).toContain(String(target.year));
          const unit = (await page.locator(`[data-target-id="${target.id}"] .unit`).innerText()).trim();
          expect(unit).not.toMatch(/^\p{L}+:/u);
          if (target.unitVi) expect(unit.replace(/\s+/g, ' ')).toBe(target.unitVi);
        }
      }
      await screenshot(page, 'dashboard', { fullPage: true, readme: true });
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'counts every lead body in "tasks by timeframe and lead" as the coordination matrix does, and tells tasks with the same code apart',
    async () => {
      const matrix = await session.api<{ assignments: { nodes: Assignment[] } }>(
        `query($plan: ID!) { assignments(filter: { plan: $plan }, first: 1000) { nodes { role agency { id name nameVi } task { id } } } }`,
        { plan: PLAN },
      );
      const tasks = await session.api<{ tasks: { totalCount: number; nodes: { id: string; code: string }[] } }>(`query($plan: ID!) { tasks(filter: { plan: $plan }, first: 200) { totalCount nodes { id code } } }`, { plan: PLAN });
      const leads = new Map<string, number>();
      for (const a of matrix.assignments.nodes) if (a.role === 'LEAD') leads.set(a.agency.id, (leads.get(a.agency.id) ?? 0) + 1);
      const page = await openDashboard();
      expect((await page.locator('#tasks-total').innerText()).trim()).toBe(String(tasks.tasks.totalCount));
      for (const [agency, count] of leads) {
        expect(await page.locator(`#tasks-pivot tr[data-lead-id="${agency}"]`).getAttribute('data-total')).toBe(String(count));
        expect((await page.locator(`#matrix tr[data-agency-id="${agency}"] td[data-count="LEAD"]`).innerText()).trim()).toBe(String(count));
      }
      expect(await page.locator('#tasks-pivot tbody tr[data-lead-id]:not([data-lead-id=""])').count()).toBe(leads.size);

      // Matrix: one row per agency, a cell per (agency, task), and column labels that differ.
      const pairs = new Map<string, Set<string>>();
      for (const a of matrix.assignments.nodes) {
        const key = `${a.agency.id}|${a.task.id}`;
        pairs.set(key, (pairs.get(key) ?? new Set()).add(a.role));
      }
      expect(await page.locator('#matrix tbody tr').count()).toBe(new Set(matrix.assignments.nodes.map((a) => a.agency.id)).size);
      expect(await page.locator('#matrix td[data-role="LEAD"]').count()).toBe([...pairs.values()].filter((r) => r.has('LEAD')).length);
      expect(await page.locator('#matrix td[data-role="COORDINATOR"]').count()).toBe([...pairs.values()].filter((r) => !r.has('LEAD')).length);
      const columns = await page.locator('#matrix thead th.task-col').allInnerTexts();
      expect(columns.length).toBe(new Set(matrix.assignments.nodes.map((a) => a.task.id)).size);
      expect(new Set(columns).size).toBe(columns.length);
      // The plan does number several tasks alike, so the test is not empty.
      const codes = tasks.tasks.nodes.map((t) => t.code);
      expect(new Set(codes).size).toBeLessThan(codes.length);
      const listed = await page.locator('.task-list td.code').allTextContents();
      expect(new Set(listed).size).toBe(listed.length);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'switches every text and date to English and back; dates follow the locale (dd/mm/yyyy in Vietnamese)',
    async () => {
      const plan = await session.api<{ node: { name: string; nameVi: string; issuedIn: { issuedOn: string }[] } }>(
        `query($id: ID!) { node(id: $id) { name nameVi ... on Plan { issuedIn { issuedOn } } } }`,
        { id: PLAN },
      );
      const legal = await session.api<{ legalBasis: { document: { id: string; issuedOn: string | null } }[] }>(`query($d: ID!) { legalBasis(document: $d) { document { id issuedOn } } }`, { d: DECISION });
      const issuedOn = plan.node.issuedIn[0]?.issuedOn as string;
      const [y, m, d] = issuedOn.split('-');
      const page = await openDashboard();
      expect((await page.locator('h1.plan-title').innerText()).trim()).toBe(plan.node.nameVi);
      expect(await page.locator('#decision-date').innerText()).toContain(`${d}/${m}/${y}`);
      for (const link of legal.legalBasis) {
        expect(await page.locator(`#legal-chain [data-document-id="${link.document.id}"]`).count()).toBeGreaterThan(0);
        if (link.document.issuedOn) {
          const text = await page.locator(`#legal-chain [data-document-id="${link.document.id}"] .issued-on`).first().innerText();
          expect(text).toContain(formatDate('vi', link.document.issuedOn));
          expect(text).not.toContain(link.document.issuedOn);
        }
      }
      await page.locator('[data-lang="en"]').click();
      await until('English labels', async () => (await page.locator('h1.plan-title').innerText()).trim() === plan.node.name);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('#decision-date').innerText()).toContain(formatDate('en', issuedOn));
      const body = await page.locator('body').innerText();
      const untranslated = Object.values(DASHBOARD_STRINGS)
        .filter((s) => s.vi !== s.en && s.vi.length >= 3)
        .map((s) => s.vi)
        .filter((vi) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(vi)}($|[^\\p{L}])`, 'u').test(body));
      expect(untranslated).toEqual([]);
      expect((await page.locator(`#matrix tr[data-agency-id="${SKHCN}"] th`).innerText()).trim()).not.toBe('');
      await screenshot(page, 'dashboard-en');
      await page.locator('[data-lang="vi"]').click();
      await until('Vietnamese labels', async () => (await page.locator('h1.plan-title').innerText()).trim() === plan.node.nameVi);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'search says how many hits there are when it shows fewer, and fetches the rest; a hit opens the graph explorer',
    async () => {
      const text = 'so';
      const all = await session.api<{ search: { totalCount: number; nodes: { node: { id: string } }[] } }>(`query($t: String!, $asOf: String = "${AS_WRITTEN_DATE}") { search(text: $t, first: 100, asOf: $asOf) { totalCount nodes { node { id } } } }`, { t: text });
      expect(all.search.totalCount).toBeGreaterThan(SEARCH_PAGE);
      const page = await openDashboard();
      await page.locator('#search-input').fill(text);
      await page.locator('#search-button').click();
      await page.locator('#search-hits').waitFor();
      expect(await page.locator('#search-hits li').count()).toBe(SEARCH_PAGE);
      expect(await page.locator('#search-count').innerText()).toContain(`${SEARCH_PAGE} / ${all.search.totalCount}`);
      await page.locator('#search-more').click();
      await until('every hit', async () => (await page.locator('#search-hits li').count()) === Math.min(all.search.totalCount, SEARCH_PAGE * 2));
      if (all.search.totalCount <= SEARCH_PAGE * 2) {
        expect(await page.locator('#search-more').count()).toBe(0);
        expect((await page.locator('#search-count').innerText()).trim()).toBe(`· ${all.search.totalCount}`);
        const shown = await page.locator('#search-hits li').evaluateAll((items) => items.map((li) => li.getAttribute('data-node-id')));
        expect(new Set(shown)).toEqual(new Set(all.search.nodes.map((n) => n.node.id)));
      }
      // Search without diacritics finds the department; its link opens the explorer on it.
      await page.locator('#search-input').fill('khoa hoc cong nghe');
      await page.locator('#search-button').click();
      const hit = page.locator(`#search-hits li[data-node-id="${SKHCN}"] a`);
      await hit.waitFor();
      expect(await hit.getAttribute('href')).toBe(`/explore/graph?focus=${encodeURIComponent(SKHCN)}`);
      await page.close();
    },
    TIMEOUT,
  );

  it.each([360, 390])(
    'has no sideways scroll at %i px',
    async (width) => {
      const page = await openDashboard({ width, height: 800 });
      const overflow = await horizontalOverflow(page);
      expect(overflow).toEqual({ scrollWidth: overflow.clientWidth, clientWidth: overflow.clientWidth, widest: '' });
      await screenshot(page, `dashboard-${width}`, { fullPage: false, readme: width === 390 });
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'has no serious or critical accessibility violations (axe-core) in either language',
    async () => {
      const page = await openDashboard();
      const vi = await runAxe(page);
      await page.locator('[data-lang="en"]').click();
      const en = await runAxe(page);
      record('axe-dashboard', { vi, en });
      expect(seriousOnly(vi)).toEqual([]);
      expect(seriousOnly(en)).toEqual([]);
      await page.locator('[data-lang="vi"]').click();
      await page.close();
    },
    TIMEOUT,
  );
});
