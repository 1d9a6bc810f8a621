/**
 * The graph explorer (/explore/graph) in Chromium, over the seeded plan:
 * readable labels, incremental expansion, selection, filters, collapse, fit,
 * "how are these two connected", export, keyboard use, both languages, axe.
 * Expected numbers come from the API in each test, never from copies.
 */
import { AS_WRITTEN_DATE } from '../../web/src/shared/pageDate';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { GraphStore } from '../../src/store/port';
import { startTestServer } from '../support/server';
import type { GraphNode } from '../../web/src/explorer/queries';
import { sentenceNameVi } from '../../web/src/explorer/sentences';
import { EXPLORER_STRINGS } from '../../web/src/explorer/strings';
import { relationshipSentenceVi } from '../../web/src/shared/strings';
import { runAxe, seriousOnly } from './axe';
import { canvasState, explorerReady, nodeCount, nodeOnPage, overlappingLabels, type CanvasNode } from './explorerPage';
import { DECISION, PLAN, SKHCN, TIMEOUT, describeInBrowser, expectOfflineAndClean, horizontalOverflow, record, screenshot, startSession, until, type BrowserSession } from './session';

let session: BrowserSession;
/** While true, the store's `neighbourhood` fails (to test the explorer's fallback). */
let neighbourhoodDown = false;

/** The pages read the graph as the decision's text gives it (pageDate) unless a date is chosen; the expectations too. */
const NEIGHBOURHOOD = `query($id: ID!, $limit: Int, $asOf: String = "${AS_WRITTEN_DATE}") { neighbourhood(ids: [$id], depth: 1, limit: $limit, asOf: $asOf) { nodes { id } } }`;

function centroid(nodes: readonly CanvasNode[]): { x: number; y: number } {
  return { x: nodes.reduce((s, n) => s + n.x, 0) / nodes.length, y: nodes.reduce((s, n) => s + n.y, 0) / nodes.length };
}
const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Drawn labels: at least 12 px on screen, none over another. */
function expectReadableLabels(nodes: readonly CanvasNode[]): void {
  const shown = nodes.filter((n) => n.visible && n.labelShown);
  expect(shown.length).toBeGreaterThan(0);
  for (const node of shown) expect(node.labelPx).toBeGreaterThanOrEqual(12);
  expect(overlappingLabels(nodes)).toEqual([]);
}

async function doubleClickNode(page: Page, id: string): Promise<void> {
  const at = await nodeOnPage(page, id);
  await page.mouse.dblclick(at.x, at.y);
}

describeInBrowser('graph explorer in Chromium', () => {
  beforeAll(async () => {
    session = await startSession({
      server: () =>
        startTestServer({
          wrapStore: (store: GraphStore) => {
            const wrapped = Object.create(store) as GraphStore;
            Object.defineProperty(wrapped, 'neighbourhood', {
              value: (...args: Parameters<GraphStore['neighbourhood']>) => (neighbourhoodDown ? Promise.reject(new Error('neighbourhood is down for this test')) : store.neighbourhood(...args)),
            });
            return wrapped;
          },
        }),
    });
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(() => expectOfflineAndClean(session));

  it(
    'starts at the decision with readable labels; a double-click expands in place: old nodes stay, new ones gather around the node expanded',
    async () => {
      const start = await session.api<{ neighbourhood: { nodes: { id: string }[] } }>(NEIGHBOURHOOD, { id: DECISION, limit: 150 });
      const page = await session.openPage('/explore/graph');
      await explorerReady(page);
      expect(await nodeCount(page)).toBe(start.neighbourhood.nodes.length);
      let state = await canvasState(page);
      expect(new Set(state.nodes.map((n) => n.id))).toEqual(new Set(start.neighbourhood.nodes.map((n) => n.id)));
      expectReadableLabels(state.nodes);
      // The selected start node is marked and its label drawn.
      const decision = state.nodes.find((n) => n.id === DECISION);
      expect(decision?.classes).toContain('chosen');
      expect(decision?.labelShown).toBe(true);

      // Expand the plan: the nodes already there keep their positions exactly.
      const before = new Map(state.nodes.map((n) => [n.id, n]));
      await doubleClickNode(page, PLAN);
      await until('the plan’s neighbours', async () => (await nodeCount(page)) > before.size, 120_000);
      state = await canvasState(page);
      for (const node of state.nodes.filter((n) => before.has(n.id))) {
        const old = before.get(node.id) as CanvasNode;
        expect(Math.abs(node.x - old.x)).toBeLessThan(0.01);
        expect(Math.abs(node.y - old.y)).toBeLessThan(0.01);
      }
      const fresh = state.nodes.filter((n) => !before.has(n.id));
      const planNode = state.nodes.find((n) => n.id === PLAN) as CanvasNode;
      expect(distance(centroid(fresh), planNode)).toBeLessThan(distance(centroid(fresh), centroid([...before.values()])));
      // Relationship labels are on the selection's edges.
      const planEdges = state.edges.filter((e) => e.source === PLAN || e.target === PLAN);
      expect(planEdges.length).toBeGreaterThan(0);
      for (const edge of planEdges) expect(edge.classes).toContain('neighbour');

      // More expansions, each of the node that adds the most (asked of the API), until 100+ nodes: each adds exactly what is new.
      while (state.nodes.length < 100) {
        const onCanvas = new Set(state.nodes.map((n) => n.id));
        let best: { id: string; fresh: number; ids: string[] } = { id: '', fresh: 0, ids: [] };
        for (const candidate of state.nodes.filter((n) => !n.expanded)) {
          const around = await session.api<{ neighbourhood: { nodes: { id: string }[] } }>(NEIGHBOURHOOD, { id: candidate.id, limit: 150 });
          const ids = around.neighbourhood.nodes.map((n) => n.id);
          const fresh = ids.filter((id) => !onCanvas.has(id)).length;
          if (fresh > best.fresh) best = { id: candidate.id, fresh, ids };
        }
        expect(best.fresh).toBeGreaterThan(0);
        // The page's own expand (what a double-click calls, tested with the mouse above): on a crowded
        // canvas a pointer may land on a neighbour drawn over the node, which is not what this checks.
        await page.evaluate((id) => (globalThis as unknown as { kgExplorer: { expand(id: string): Promise<void> } }).kgExplorer.expand(id), best.id);
        const expected = new Set([...onCanvas, ...best.ids]);
        await until(`the neighbours of ${best.id}`, async () => (await nodeCount(page)) === expected.size, 120_000);
        state = await canvasState(page);
        expect(new Set(state.nodes.map((n) => n.id))).toEqual(expected);
      }
      await page.locator('#graph-fit').click();
      await page.waitForTimeout(400);
      state = await canvasState(page);
      record('explorer-labels', { nodes: state.nodes.length, zoom: state.zoom, labelsShown: state.nodes.filter((n) => n.labelShown).length });
      expect(state.nodes.length).toBeGreaterThanOrEqual(100);
      expectReadableLabels(state.nodes);
      for (const node of state.nodes) {
        expect(node.rx).toBeGreaterThanOrEqual(0);
        expect(node.ry).toBeGreaterThanOrEqual(0);
        expect(node.rx).toBeLessThanOrEqual(state.width);
        expect(node.ry).toBeLessThanOrEqual(state.height);
      }
      // The full name on hover.
      const agency = await session.api<{ node: { nameVi: string } }>(`query($id: ID!) { node(id: $id) { nameVi } }`, { id: SKHCN });
      const at = await nodeOnPage(page, SKHCN);
      await page.mouse.move(at.x, at.y);
      await until('the tooltip', async () => (await page.locator('#graph-tooltip').innerText()).trim() === agency.node.nameVi);
      await page.mouse.move(5, 5);
      await screenshot(page, 'explorer', { readme: true });
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'highlights the selection and its neighbours; filters hide kinds and relationship types; collapse removes what the expansion added',
    async () => {
      const details = await session.api<{ node: { nameVi: string; source: { clause: string; quote: string | null } } }>(`query($id: ID!) { node(id: $id) { nameVi source { clause quote } } }`, { id: PLAN });
      const page = await session.openPage('/explore/graph');
      await explorerReady(page);
      const start = await canvasState(page);
      const at = await nodeOnPage(page, PLAN);
      await page.mouse.click(at.x, at.y);
      await until('the details of the plan', async () => (await page.locator('#selected-name').innerText()).trim() === details.node.nameVi);
      await page.locator('#details-source').waitFor();
      expect(await page.locator('#details-source').innerText()).toContain(details.node.source.clause);
      if (details.node.source.quote) expect(await page.locator('#details-quote').innerText()).toContain(details.node.source.quote);
      let state = await canvasState(page);
      const neighbours = new Set(state.edges.filter((e) => e.source === PLAN || e.target === PLAN).flatMap((e) => [e.source, e.target]));
      neighbours.delete(PLAN);
      for (const node of state.nodes) {
        if (node.id === PLAN) expect(node.classes).toContain('chosen');
        else if (neighbours.has(node.id)) expect(node.classes).toContain('neighbour');
        else expect(node.opacity).toBeLessThan(0.5);
      }

      // Expand with the details panel's button, then filter.
      await page.locator('#details-expand').click();
      await until('the plan’s neighbours', async () => (await nodeCount(page)) > start.nodes.length);
      state = await canvasState(page);
      const tasks = state.nodes.filter((n) => n.kind === 'Task');
      expect(tasks.length).toBeGreaterThan(0);
      await page.locator('#filter-kinds input[value="Task"]').uncheck();
      state = await canvasState(page);
      expect(state.nodes.filter((n) => n.kind === 'Task' && n.visible)).toEqual([]);
      expect(state.nodes.filter((n) => n.kind !== 'Task' && !n.visible)).toEqual([]);
      expect(await page.locator('#graph-status').innerText()).toContain(`${tasks.length}`);
      await page.locator('#filter-kinds input[value="Task"]').check();
      await page.locator('#filter-types input[value="HAS_PHASE"]').uncheck();
      state = await canvasState(page);
      expect(state.edges.filter((e) => e.type === 'HAS_PHASE').length).toBeGreaterThan(0);
      expect(state.edges.filter((e) => e.type === 'HAS_PHASE' && e.visible)).toEqual([]);
      await page.locator('#filter-types input[value="HAS_PHASE"]').check();

      // Collapse: what hung on the plan alone goes; everything else stays where it was.
      const expanded = await canvasState(page);
      await page.locator('#details-collapse').click();
      await until('the collapse', async () => (await nodeCount(page)) < expanded.nodes.length);
      state = await canvasState(page);
      const startIds = new Set(start.nodes.map((n) => n.id));
      for (const node of start.nodes) expect(state.nodes.some((n) => n.id === node.id)).toBe(true);
      const removed = expanded.nodes.filter((n) => !state.nodes.some((m) => m.id === n.id));
      for (const node of removed) expect(startIds.has(node.id)).toBe(false);
      for (const node of state.nodes) {
        const old = expanded.nodes.find((n) => n.id === node.id) as CanvasNode;
        expect(Math.abs(node.x - old.x)).toBeLessThan(0.01);
      }
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'says how two nodes are connected: the API’s shortest path on the canvas and as sentences with their clauses',
    async () => {
      const expected = await session.api<{ paths: { length: number; nodes: GraphNode[]; steps: { sentence: string; relationship: { type: string; from: { id: string }; to: { id: string }; source: { clause: string } } }[] }[] }>(
        `query($a: ID!, $b: ID!, $asOf: String = "${AS_WRITTEN_DATE}") { paths(from: $a, to: $b, mode: SHORTEST, maxDepth: 6, first: 5, asOf: $asOf) {
          length
          nodes { id __typename name nameVi ... on LegalDocument { number } ... on Task { code } ... on Objective { code } }
          steps { sentence relationship { type from { id } to { id } source { clause } } }
        } }`,
        { a: SKHCN, b: DECISION },
      );
      expect(expected.paths.length).toBeGreaterThan(0);
      const page = await session.openPage('/explore/graph');
      await explorerReady(page);
      await page.locator('[data-lang="en"]').click();
      // Find the agency and drop it on the canvas, then Shift+click the decision as the second end.
      await page.locator('#search-input').fill('so khoa hoc cong nghe');
      await page.locator('#search-button').click();
      await page.locator(`#search-hits li[data-node-id="${SKHCN}"] button`).click();
      await until('the agency on the canvas', async () => (await canvasState(page)).nodes.some((n) => n.id === SKHCN && n.classes.includes('chosen')));
      const at = await nodeOnPage(page, DECISION);
      await page.keyboard.down('Shift');
      await page.mouse.click(at.x, at.y);
      await page.keyboard.up('Shift');
      await until('both ends chosen', async () => !(await page.locator('#path-find').isDisabled()));
      await page.locator('#path-find').click();
      await page.locator('[data-path-index="0"]').waitFor();
      const first = expected.paths[0] as (typeof expected.paths)[number];
      const sentences = page.locator('[data-path-index="0"] .sentence');
      expect(await sentences.count()).toBe(first.steps.length);
      for (let i = 0; i < first.steps.length; i += 1) {
        const text = await sentences.nth(i).innerText();
        expect(text).toContain(first.steps[i]?.sentence);
        expect(text).toContain(first.steps[i]?.relationship.source.clause);
      }
      expect(await page.locator('[data-path-index]').count()).toBe(expected.paths.length);
      const state = await canvasState(page);
      for (const node of first.nodes) expect(state.nodes.find((n) => n.id === node.id)?.classes).toContain('on-path');
      expect(state.edges.filter((e) => e.classes.includes('on-path')).length).toBe(first.length);
      const canvasBox = await page.locator('#graph-canvas').boundingBox();
      await page.mouse.move((canvasBox?.x ?? 0) + 3, (canvasBox?.y ?? 0) + 3);
      await page.mouse.move(2, 2);
      await screenshot(page, 'explorer-path', { readme: true });

      // In Vietnamese each step is a Vietnamese sentence (the ends' Vietnamese names, the relationship's
      // Vietnamese wording, in the relationship's direction), the API's English sentence under it.
      await page.locator('[data-lang="vi"]').click();
      for (const [index, path] of expected.paths.entries()) {
        const byId = new Map(path.nodes.map((node) => [node.id, node]));
        const sentences = page.locator(`[data-path-index="${index}"] .sentence`);
        expect(await sentences.locator('.text').allInnerTexts()).toEqual(
          path.steps.map((step) => relationshipSentenceVi(step.relationship.type, sentenceNameVi(byId.get(step.relationship.from.id) as GraphNode), sentenceNameVi(byId.get(step.relationship.to.id) as GraphNode))),
        );
        expect(await sentences.locator('.sentence-en').allInnerTexts()).toEqual(path.steps.map((step) => step.sentence));
      }
      // The agency's step names it in full in Vietnamese, as the API has it, and the decision by its number.
      const agency = first.nodes.find((node) => node.id === SKHCN) as GraphNode;
      const decision = first.nodes.find((node) => node.id === DECISION) as GraphNode;
      const agencyStep = first.steps.findIndex((step) => step.relationship.from.id === SKHCN || step.relationship.to.id === SKHCN);
      const agencySentence = await sentences.nth(agencyStep).locator('.text').innerText();
      expect(agencySentence).toContain(agency.nameVi);
      expect(agencySentence).not.toContain(first.steps[agencyStep]?.sentence);
      if (first.length === 1) expect(agencySentence).toContain(decision.number);
      await screenshot(page, 'explorer-path-vi');

      const violations = await runAxe(page);
      record('axe-explorer', violations);
      expect(seriousOnly(violations)).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'works from the keyboard: arrows move between nodes, Enter expands, Space selects, Escape clears, F fits',
    async () => {
      const page = await session.openPage('/explore/graph');
      await explorerReady(page);
      const before = await nodeCount(page);
      await page.locator('#graph-canvas').focus();
      const focusedNode = async (): Promise<CanvasNode | undefined> => (await canvasState(page)).nodes.find((n) => n.classes.includes('kb-focus'));
      // The focus starts on the selected start node; each arrow moves it to a node that way.
      expect((await focusedNode())?.id).toBe(DECISION);
      const origin = (await focusedNode()) as CanvasNode;
      await page.keyboard.press('ArrowDown');
      const below = (await focusedNode()) as CanvasNode;
      expect(below.id).not.toBe(DECISION);
      expect(below.y).toBeGreaterThan(origin.y);
      await page.keyboard.press('ArrowUp');
      expect(((await focusedNode()) as CanvasNode).y).toBeLessThan(below.y);
      await page.keyboard.press('ArrowDown');
      const moved = (await focusedNode()) as CanvasNode;
      expect(moved.id).not.toBe(DECISION);
      expect((await page.locator('#graph-live').innerText()).length).toBeGreaterThan(0);
      await page.keyboard.press('Space');
      await until('the focused node selected', async () => (await canvasState(page)).nodes.some((n) => n.id === moved.id && n.classes.includes('chosen')));
      expect(moved.expanded).toBe(false);
      await page.keyboard.press('Enter');
      await until('an expansion from the keyboard', async () => (await canvasState(page)).nodes.some((n) => n.id === moved.id && n.expanded));
      expect(await nodeCount(page)).toBeGreaterThanOrEqual(before);
      await page.keyboard.press('Escape');
      await until('the selection cleared', async () => !(await canvasState(page)).nodes.some((n) => n.classes.includes('chosen')));
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await page.keyboard.press('f');
      await page.waitForTimeout(300);
      const state = await canvasState(page);
      for (const node of state.nodes.filter((n) => n.visible)) {
        expect(node.rx).toBeGreaterThanOrEqual(0);
        expect(node.rx).toBeLessThanOrEqual(state.width);
      }
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'exports the view as PNG and SVG',
    async () => {
      const page = await session.openPage('/explore/graph');
      await explorerReady(page);
      const state = await canvasState(page);
      const png = page.waitForEvent('download');
      await page.locator('#export-png').click();
      const pngFile = await (await png).path();
      const bytes = fs.readFileSync(pngFile);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBeGreaterThan(state.width / 2);
      const svg = page.waitForEvent('download');
      await page.locator('#export-svg').click();
      const text = fs.readFileSync(await (await svg).path(), 'utf8');
      expect(text.startsWith('<svg')).toBe(true);
      expect((text.match(/<circle /g) ?? []).length).toBe(state.nodes.filter((n) => n.visible).length);
      expect((text.match(/<line /g) ?? []).length).toBe(state.edges.filter((e) => e.visible).length);
      for (const node of state.nodes) expect(text).toContain(`data-id="${node.id}"`);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'switches every text to English and back (counter, toolbar, filters, relationship labels)',
    async () => {
      const page = await session.openPage('/explore/graph');
      await explorerReady(page);
      const n = await nodeCount(page);
      await page.locator('[data-lang="vi"]').click();
      await until('Vietnamese counter', async () => (await page.locator('#graph-status').innerText()).includes(`${n} nút`));
      await page.locator('[data-lang="en"]').click();
      await until('English counter', async () => (await page.locator('#graph-status').innerText()).includes(`${n} nodes`));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const body = await page.locator('body').innerText();
      const untranslated = Object.values(EXPLORER_STRINGS)
        .filter((s) => s.vi !== s.en && s.vi.length >= 3)
        .map((s) => s.vi)
        .filter((vi) => new RegExp(`(^|[^\\p{L}])${vi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(body));
      expect(untranslated).toEqual([]);
      const state = await canvasState(page);
      expect(state.edges.every((e) => /^[a-z ]+$/.test(e.label))).toBe(true);
      await screenshot(page, 'explorer-en');
      await page.locator('[data-lang="vi"]').click();
      await until('Vietnamese counter', async () => (await page.locator('#graph-status').innerText()).includes(`${n} nút`));
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'has no serious or critical accessibility violations (axe-core), and no sideways scroll at 390 px',
    async () => {
      const page = await session.openPage('/explore/graph');
      await explorerReady(page);
      const violations = await runAxe(page);
      record('axe-explorer-start', violations);
      expect(seriousOnly(violations)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      const overflow = await horizontalOverflow(page);
      expect(overflow).toEqual({ scrollWidth: overflow.clientWidth, clientWidth: overflow.clientWidth, widest: '' });
      await screenshot(page, 'explorer-390');
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'while `neighbourhood` fails, expands from the node’s own relationships',
    async () => {
      const plan = await session.api<{ node: { relationships: { to: { id: string } }[] } }>(`query($id: ID!, $asOf: String = "${AS_WRITTEN_DATE}") { node(id: $id) { relationships(types: [HAS_TASK], direction: OUT, asOf: $asOf) { to { id } } } }`, { id: PLAN });
      neighbourhoodDown = true;
      try {
        const page = await session.openPage('/explore/graph');
        await explorerReady(page);
        const before = await nodeCount(page);
        expect(before).toBeGreaterThan(1);
        await doubleClickNode(page, PLAN);
        await until('new nodes', async () => (await nodeCount(page)) > before);
        const ids = new Set((await canvasState(page)).nodes.map((n) => n.id));
        expect(plan.node.relationships.filter((r) => ids.has(r.to.id)).length).toBe(plan.node.relationships.length);
        await page.close();
      } finally {
        neighbourhoodDown = false;
      }
    },
    TIMEOUT,
  );
});
