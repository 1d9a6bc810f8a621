/**
 * The GraphQL IDE and the plan dashboard in a real browser (Debian's
 * Chromium driven by playwright-core). Expected numbers come from the API,
 * never from copies. Screenshots go to test-artifacts/; with
 * UPDATE_SCREENSHOTS=1 the README's web/screenshots/*.png are refreshed too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultWebDir } from '../../src/server/mountPages';
import type { GraphStore } from '../../src/store/port';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS_DIR, CHROMIUM_PATH, chromiumAvailable, launchChromium, README_SCREENSHOTS_DIR, type LaunchedBrowser } from './chromium';

const PLAN = 'Plan:dn-202-2019';
const DECISION = 'LegalDocument:dn-202-qd-ubnd-2019';
const SKHCN = 'Agency:dn-skhcn';
const TIMEOUT = 180_000;

const available = chromiumAvailable();
if (!available) {
  console.log(`SKIPPED browser tests: ${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium)`);
}
const describeInBrowser = available ? describe : describe.skip;

let server: TestServer;
let chromium: LaunchedBrowser;
/** While true, the store's `neighbourhood` fails (to test the dashboard's fallback). */
let neighbourhoodDown = false;
/** Every URL the pages requested, to prove nothing left this server. */
const requested: string[] = [];
const pageErrors: string[] = [];

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function openPage(pathname: string): Promise<Page> {
  const page = await chromium.context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(`${pathname}: ${error.message}`));
  await page.goto(`${server.url}${pathname}`);
  return page;
}

async function screenshot(page: Page, name: string, options: { fullPage?: boolean; readme?: boolean } = {}): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  if (options.readme && process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(README_SCREENSHOTS_DIR, `${name}.png`));
  }
}

/** Visible text of a Monaco editor, spaces normalised. */
async function editorText(page: Page, selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().innerText();
  return text.replace(/\s+/g, ' ');
}

/** Polls `check` until it holds (the page updates asynchronously). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function replaceQuery(page: Page, text: string): Promise<void> {
  await page.locator('.graphiql-query-editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText types no keys, so Monaco's bracket auto-closing does not interfere.
  await page.keyboard.insertText(text);
}

/** Clicks the plan's node in the graph (a real mouse click on the canvas) and checks that its tasks join the graph. */
async function expandPlanNode(page: Page, planTasks: readonly string[], planLabel: string): Promise<void> {
  const canvas = page.locator('#graph-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const before = Number(await page.locator('#graph-status').getAttribute('data-nodes'));
  expect(before).toBeGreaterThan(1);
  const position = await page.evaluate(
    (id) => (globalThis as unknown as { kgDashboard: { nodePosition(id: string): { x: number; y: number } | null } }).kgDashboard.nodePosition(id),
    PLAN,
  );
  const box = await canvas.boundingBox();
  if (!box || !position) throw new Error('graph canvas or plan node not found');
  await page.mouse.click(box.x + position.x, box.y + position.y);
  await until('new nodes in the graph', async () => Number(await page.locator('#graph-status').getAttribute('data-nodes')) > before);
  const ids = await page.evaluate(() => (globalThis as unknown as { kgDashboard: { nodeIds(): string[] } }).kgDashboard.nodeIds());
  expect(planTasks.length).toBeGreaterThan(0);
  expect(ids.filter((id) => planTasks.includes(id)).length).toBeGreaterThan(0);
  expect((await page.locator('#selected-name').innerText()).trim()).toBe(planLabel);
}

describeInBrowser('pages in Chromium', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(defaultWebDir(), 'ide.html'))) {
      throw new Error(`The pages are not built (${defaultWebDir()} is missing): run \`npm run build:web\``);
    }
    server = await startTestServer({
      wrapStore: (store: GraphStore) => {
        const wrapped = Object.create(store) as GraphStore;
        Object.defineProperty(wrapped, 'neighbourhood', {
          value: (query: Parameters<GraphStore['neighbourhood']>[0]) =>
            neighbourhoodDown ? Promise.reject(new Error('neighbourhood is down for this test')) : store.neighbourhood(query),
        });
        return wrapped;
      },
    });
    chromium = await launchChromium({ viewport: { width: 1440, height: 900 } });
  }, TIMEOUT);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  afterEach(() => {
    const origin = new URL(server.url).origin;
    const foreign = requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it(
    'IDE: /explore loads GraphiQL from this server, completes and validates against the schema, and runs queries',
    async () => {
      const expected = await api<{ node: { name: string; nameVi: string } }>(`{ node(id: "${SKHCN}") { name nameVi } }`);
      const assignments = await api<{ assignments: { totalCount: number } }>(
        `query($plan: ID!) { assignments(filter: { plan: $plan, role: COORDINATOR }, first: 1000) { totalCount } }`,
        { plan: PLAN },
      );

      const page = await chromium.context.newPage();
      page.on('request', (request) => requested.push(request.url()));
      page.on('pageerror', (error) => pageErrors.push(`/explore: ${error.message}`));
      const schemaLoaded = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('__schema'));
      await page.goto(`${server.url}/explore`);
      expect((await schemaLoaded).status()).toBe(200);
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
      expect(await page.locator('[data-example]').count()).toBeGreaterThanOrEqual(5);

      // Schema-aware completion: the root fields are offered.
      await replaceQuery(page, '{ legal');
      await page.keyboard.press('Control+Space');
      const suggestions = page.locator('.suggest-widget.visible');
      await suggestions.waitFor();
      await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'legalBasis' }).first().waitFor();
      await page.keyboard.press('Escape');

      // Validation: an unknown field is underlined.
      await replaceQuery(page, '{ noSuchField }');
      await page.locator('.graphiql-query-editor .squiggly-error').first().waitFor();

      // A query with Vietnamese text in its answer.
      await replaceQuery(page, `{ node(id: "${SKHCN}") { id name nameVi } }`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(SKHCN));
      await page.locator('.graphiql-execute-button').click();
      const response = await answered;
      expect(response.request().headers()['content-type']).toMatch(/^application\/json/);
      await until('the answer in the response editor', async () => (await editorText(page, '.graphiql-response')).includes(expected.node.nameVi));
      const shown = await editorText(page, '.graphiql-response');
      expect(shown).toContain(expected.node.name);
      expect(shown).toContain(expected.node.nameVi);

      // A saved example opens in a new tab with its variables and runs.
      await page.locator('[data-example="who-coordinates-what"]').click();
      await page.locator('.graphiql-tab', { hasText: 'WhoCoordinatesWhat' }).first().waitFor();
      expect(await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)')).toContain('COORDINATOR');
      const ran = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('WhoCoordinatesWhat'));
      await page.locator('.graphiql-execute-button').click();
      const body = (await (await ran).json()) as { data: { assignments: { totalCount: number } } };
      expect(body.data.assignments.totalCount).toBe(assignments.assignments.totalCount);
      const total = `"totalCount": ${assignments.assignments.totalCount}`;
      await until('the example’s answer', async () => (await editorText(page, '.graphiql-response')).includes(total));
      await screenshot(page, 'ide', { readme: true });
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'IDE: a browser navigating to /graphql gets the IDE',
    async () => {
      const page = await openPage('/graphql');
      await page.locator('.graphiql-container').waitFor();
      expect(await page.title()).toMatch(/GraphQL IDE/);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'dashboard: targets, tasks, matrix and legal basis show the plan’s numbers; labels switch language; search finds; a click expands the graph',
    async () => {
      interface Target { id: string; quantity: number; year: number; source: { clause: string } }
      const plan = await api<{ node: { name: string; nameVi: string; phases: { id: string; targets: Target[] }[]; relationships: { to: { id: string } }[] } }>(
        `query($id: ID!) { node(id: $id) { name nameVi ... on Plan { phases { id targets { id quantity year source { clause } } } }
           relationships(types: [HAS_TASK], direction: OUT) { to { id } } } }`,
        { id: PLAN },
      );
      const matrix = await api<{ assignments: { nodes: { role: string; agency: { id: string; name: string; nameVi: string }; task: { id: string } }[] } }>(
        `query($plan: ID!) { assignments(filter: { plan: $plan }, first: 1000) { nodes { role agency { id name nameVi } task { id } } } }`,
        { plan: PLAN },
      );
      const tasks = await api<{ tasks: { totalCount: number } }>(`query($plan: ID!) { tasks(filter: { plan: $plan }, first: 1) { totalCount } }`, { plan: PLAN });
      const legal = await api<{ legalBasis: { document: { id: string } }[] }>(`query($d: ID!) { legalBasis(document: $d) { document { id } } }`, { d: DECISION });

      const page = await openPage('/dashboard');
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
      for (const section of ['targets', 'tasks', 'matrix', 'legal', 'graph']) {
        expect(await page.locator(`#section-${section}`).getAttribute('data-state')).toBe('ready');
      }

      // Vietnamese by default: the plan's own wording.
      expect((await page.locator('h1.plan-title').innerText()).trim()).toBe(plan.node.nameVi);

      // Targets by phase, with quantity and source clause.
      expect(plan.node.phases.length).toBeGreaterThanOrEqual(2);
      for (const phase of plan.node.phases) {
        const phaseBox = page.locator(`[data-phase-id="${phase.id}"]`);
        expect(await phaseBox.locator('[data-target-id]').count()).toBe(phase.targets.length);
        for (const target of phase.targets) {
          const row = phaseBox.locator(`[data-target-id="${target.id}"]`);
          expect(await row.getAttribute('data-quantity')).toBe(String(target.quantity));
          const text = await row.innerText();
          expect(text).toContain(String(target.quantity));
          expect(text).toContain(target.source.clause);
          expect(text).toContain(String(target.year));
        }
      }

      // Tasks by timeframe and lead body.
      expect((await page.locator('#tasks-total').innerText()).trim()).toBe(String(tasks.tasks.totalCount));

      // Coordination matrix: one row per agency, one lead/coordinator cell per (agency, task).
      const pairs = new Map<string, Set<string>>();
      for (const a of matrix.assignments.nodes) {
        const key = `${a.agency.id}|${a.task.id}`;
        pairs.set(key, (pairs.get(key) ?? new Set()).add(a.role));
      }
      const leadCells = [...pairs.values()].filter((roles) => roles.has('LEAD')).length;
      const coordinatorOnlyCells = [...pairs.values()].filter((roles) => !roles.has('LEAD')).length;
      const agencies = new Set(matrix.assignments.nodes.map((a) => a.agency.id));
      expect(await page.locator('#matrix tbody tr').count()).toBe(agencies.size);
      expect(await page.locator('#matrix td[data-role="LEAD"]').count()).toBe(leadCells);
      expect(await page.locator('#matrix td[data-role="COORDINATOR"]').count()).toBe(coordinatorOnlyCells);
      expect(await page.locator('#matrix-summary').getAttribute('data-assignments')).toBe(String(matrix.assignments.nodes.length));
      const skhcn = matrix.assignments.nodes.find((a) => a.agency.id === SKHCN)?.agency;
      expect(skhcn).toBeDefined();
      expect((await page.locator(`#matrix tr[data-agency-id="${SKHCN}"] th`).innerText()).trim()).toBe(skhcn?.nameVi);

      // Legal basis chain.
      for (const link of legal.legalBasis) {
        expect(await page.locator(`#legal-chain [data-document-id="${link.document.id}"]`).count()).toBeGreaterThan(0);
      }

      await screenshot(page, 'dashboard', { fullPage: true, readme: true });

      // Language toggle: English names, then back to Vietnamese.
      await page.locator('[data-lang="en"]').click();
      await until('English labels', async () => (await page.locator('h1.plan-title').innerText()).trim() === plan.node.name);
      expect((await page.locator(`#matrix tr[data-agency-id="${SKHCN}"] th`).innerText()).trim()).toBe(skhcn?.name);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, 'dashboard-en');
      await page.locator('[data-lang="vi"]').click();
      await until('Vietnamese labels', async () => (await page.locator('h1.plan-title').innerText()).trim() === plan.node.nameVi);

      // Search (full-text search, or the name filters while it is unavailable).
      await page.locator('#search-input').fill('khoa hoc cong nghe');
      await page.locator('#search-button').click();
      await page.locator(`#search-hits li[data-node-id="${SKHCN}"]`).waitFor();

      // Graph: click the plan node; its tasks join the graph.
      await expandPlanNode(page, plan.node.relationships.map((r) => r.to.id), plan.node.nameVi);
      await screenshot(page, 'dashboard-graph-expanded');
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'dashboard: while `neighbourhood` fails, a click still expands the graph from the node’s relationships',
    async () => {
      const plan = await api<{ node: { nameVi: string; relationships: { to: { id: string } }[] } }>(
        `query($id: ID!) { node(id: $id) { nameVi relationships(types: [HAS_TASK], direction: OUT) { to { id } } } }`,
        { id: PLAN },
      );
      neighbourhoodDown = true;
      try {
        const page = await openPage('/dashboard');
        await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
        expect(await page.locator('#section-graph').getAttribute('data-state')).toBe('ready');
        await expandPlanNode(page, plan.node.relationships.map((r) => r.to.id), plan.node.nameVi);
        await page.close();
      } finally {
        neighbourhoodDown = false;
      }
    },
    TIMEOUT,
  );
});
