/**
 * The GraphQL IDE (/explore) in Chromium: schema-aware editing, queries that
 * run, the editor at full width with the examples in a collapsible panel, one
 * tab per example, and axe-core. Expected numbers come from the API.
 */
import type { Page } from 'playwright-core';
import { RESPONSE_MIN_PX } from '../../web/src/ide/sizes';
import { EXAMPLES } from '../../web/src/ide/examples';
import { runAxe, seriousOnly } from './axe';
import { PLAN, SKHCN, TIMEOUT, describeInBrowser, expectOfflineAndClean, record, screenshot, startSession, until, type BrowserSession } from './session';

let session: BrowserSession;

/** Visible text of a Monaco editor, spaces normalised. */
async function editorText(page: Page, selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().innerText();
  return text.replace(/\s+/g, ' ');
}

async function replaceQuery(page: Page, text: string): Promise<void> {
  await page.locator('.graphiql-query-editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText types no keys, so Monaco's bracket auto-closing does not interfere.
  await page.keyboard.insertText(text);
}

async function openIde(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await session.chromium.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on('request', (request) => session.requested.push(request.url()));
  page.on('pageerror', (error) => session.pageErrors.push(`/explore: ${error.message}`));
  const schemaLoaded = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('__schema'));
  await page.goto(`${session.server.url}/explore`);
  expect((await schemaLoaded).status()).toBe(200);
  await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
  return page;
}

/**
 * An editor's lines as drawn (the operation editor's, or with `.graphiql-response` the response's): each line's text and where it starts
 * and ends on screen, where the text area starts (after the line numbers) and
 * where what shows of it ends (before Monaco's vertical scrollbar), and the
 * response pane's width.
 */
async function editorLines(page: Page, pane = '.graphiql-query-editor'): Promise<{ textLeft: number; visibleRight: number; responseWidth: number; lines: { text: string; left: number; right: number }[] }> {
  // Runs in the page (a string: this project's TypeScript has no DOM types outside web/).
  return page.evaluate(`(() => {
    const editor = document.querySelector('${pane} .monaco-editor');
    const guard = editor.querySelector('.overflow-guard').getBoundingClientRect();
    const margin = editor.querySelector('.margin').getBoundingClientRect();
    const scrollbar = editor.querySelector('.scrollbar.vertical');
    const lines = [...editor.querySelectorAll('.view-line')].map((line) => {
      const box = (line.firstElementChild || line).getBoundingClientRect();
      return { text: line.textContent.replace(/\u00a0/g, ' ').trim(), left: box.left, right: box.right };
    }).filter((line) => line.text !== '');
    return {
      textLeft: margin.right,
      visibleRight: guard.right - (scrollbar ? scrollbar.getBoundingClientRect().width : 0),
      responseWidth: document.querySelector('.graphiql-response').getBoundingClientRect().width,
      lines,
    };
  })()`);
}

const examplesButton = (page: Page) => page.locator('.graphiql-sidebar button[aria-label="Show Examples"], .graphiql-sidebar button[aria-label="Hide Examples"]');

describeInBrowser('GraphQL IDE in Chromium', () => {
  beforeAll(async () => {
    session = await startSession();
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(() => expectOfflineAndClean(session));

  it(
    'loads GraphiQL from this server, completes and validates against the schema, and runs queries',
    async () => {
      const expected = await session.api<{ node: { name: string; nameVi: string } }>(`{ node(id: "${SKHCN}") { name nameVi } }`);
      const page = await openIde();
      await replaceQuery(page, '{ legal');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'legalBasis' }).first().waitFor();
      await page.keyboard.press('Escape');
      await replaceQuery(page, '{ noSuchField }');
      await page.locator('.graphiql-query-editor .squiggly-error').first().waitFor();
      await replaceQuery(page, `{ node(id: "${SKHCN}") { id name nameVi } }`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(SKHCN));
      await page.locator('.graphiql-execute-button').click();
      expect((await answered).request().headers()['content-type']).toMatch(/^application\/json/);
      await until('the answer in the response editor', async () => (await editorText(page, '.graphiql-response')).includes(expected.node.nameVi));
      expect(await editorText(page, '.graphiql-response')).toContain(expected.node.name);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'gives the editor the full width, keeps the examples in a panel that opens and closes, and opens each example in one tab',
    async () => {
      const assignments = await session.api<{ assignments: { totalCount: number } }>(
        `query($plan: ID!) { assignments(filter: { plan: $plan, role: COORDINATOR }, first: 1000) { totalCount } }`,
        { plan: PLAN },
      );
      const page = await openIde();
      // Closed at first: the editors take the width beside the icon bar.
      expect(await page.locator('.kg-examples').count()).toBe(0);
      const viewport = page.viewportSize()?.width ?? 0;
      const sessionBox = await page.locator('.graphiql-sessions').boundingBox();
      expect(sessionBox?.width ?? 0).toBeGreaterThan(viewport * 0.9);
      // The star opens the panel, and closes it again.
      await examplesButton(page).click();
      await page.locator('.kg-examples').waitFor();
      expect(await page.locator('[data-example]').count()).toBeGreaterThanOrEqual(5);

      await page.locator('[data-example="who-coordinates-what"]').click();
      await page.locator('.graphiql-tab', { hasText: 'WhoCoordinatesWhat' }).first().waitFor();
      expect(await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)')).toContain('COORDINATOR');
      // Clicking it again, after visiting another example, focuses the same tab.
      await page.locator('[data-example="legal-basis"]').click();
      await page.locator('.graphiql-tab', { hasText: 'LegalBasis' }).first().waitFor();
      await page.locator('[data-example="who-coordinates-what"]').click();
      await until('the example’s tab active', async () => (await page.locator('.graphiql-tab-active').innerText()).includes('WhoCoordinatesWhat'));
      expect(await page.locator('.graphiql-tab', { hasText: 'WhoCoordinatesWhat' }).count()).toBe(1);
      expect(await page.locator('.graphiql-tab', { hasText: 'LegalBasis' }).count()).toBe(1);

      await examplesButton(page).click();
      await until('the panel closed', async () => (await page.locator('.kg-examples').count()) === 0);
      const ran = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('WhoCoordinatesWhat'));
      await page.locator('.graphiql-execute-button').click();
      const body = (await (await ran).json()) as { data: { assignments: { totalCount: number } } };
      expect(body.data.assignments.totalCount).toBe(assignments.assignments.totalCount);
      await until('the example’s answer', async () => (await editorText(page, '.graphiql-response')).includes(`"totalCount": ${assignments.assignments.totalCount}`));
      // The answer's long values wrap within the response pane: no line runs past its right edge.
      const response = await editorLines(page, '.graphiql-response');
      expect(response.lines.filter((line) => line.right > response.visibleRight).map((line) => line.text)).toEqual([]);
      // The operation's lines are not cut: the longest line of the example is on screen whole.
      const query = await editorText(page, '.graphiql-query-editor');
      expect(query).toContain('agency { id name nameVi abbreviation }');
      await screenshot(page, 'ide', { readme: true });
      // Everything, recorded; asserted: the page without Monaco's editors and GraphiQL's tab strip (third-party
      // markup: Monaco's dimmed line numbers and GraphiQL's close buttons inside its tabs fail axe on their own).
      record('axe-ide', { all: await runAxe(page), ours: await runAxe(page, { exclude: [['.monaco-editor'], ['.graphiql-tabs']] }) });
      const ours = await runAxe(page, { exclude: [['.monaco-editor'], ['.graphiql-tabs']] });
      expect(seriousOnly(ours)).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'at 1280 px widens the operation editor so that every example’s longest line shows whole, without scrolling sideways; a split the person dragged stays',
    async () => {
      const page = await openIde({ width: 1280, height: 1024 });
      for (const example of EXAMPLES) {
        const longest = example.query.split('\n').reduce((a, b) => (b.length > a.length ? b : a)).trim();
        await examplesButton(page).click();
        await page.locator(`[data-example="${example.id}"]`).click();
        await examplesButton(page).click();
        await until('the examples panel closed', async () => (await page.locator('.kg-examples').count()) === 0);
        let lines = await editorLines(page);
        await until(`${example.id}: every line whole on screen`, async () => {
          lines = await editorLines(page);
          return lines.lines.some((line) => line.text === longest) && lines.lines.every((line) => line.left >= lines.textLeft - 1 && line.right <= lines.visibleRight);
        }, 10_000).catch(() => undefined);
        expect({ example: example.id, cut: lines.lines.filter((line) => line.left < lines.textLeft - 1 || line.right > lines.visibleRight) }).toEqual({ example: example.id, cut: [] });
        expect(lines.lines.map((line) => line.text)).toContain(longest);
        expect(lines.responseWidth).toBeGreaterThanOrEqual(RESPONSE_MIN_PX - 1);
      }
      await screenshot(page, 'ide-1280');

      // The person drags the split: opening another example keeps it where they put it.
      // On a busy machine a drag is sometimes not taken as one; the person would drag again.
      const bar = page.locator('.graphiql-editors + .graphiql-horizontal-drag-bar');
      const splitStored = async () => (await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('graphiql:editorFlex'))) !== null;
      for (let attempt = 1; !(await splitStored()); attempt += 1) {
        if (attempt > 3) throw new Error('the split was not stored after three drags');
        const at = await bar.boundingBox();
        if (!at) throw new Error('no drag bar between the editors and the response');
        await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
        await page.mouse.down();
        await page.mouse.move(at.x - 150, at.y + at.height / 2, { steps: 5 });
        await page.mouse.up();
        await until('the split stored', splitStored, 10_000).catch(() => undefined);
      }
      const dragged = (await page.locator('.graphiql-editors').boundingBox())?.width ?? 0;
      await examplesButton(page).click();
      await page.locator(`[data-example="${EXAMPLES[0]?.id}"]`).click();
      await examplesButton(page).click();
      await until('the examples panel closed', async () => (await page.locator('.kg-examples').count()) === 0);
      await page.waitForTimeout(300);
      expect(Math.abs(((await page.locator('.graphiql-editors').boundingBox())?.width ?? 0) - dragged)).toBeLessThan(2);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'answers a browser navigating to /graphql with the IDE',
    async () => {
      const page = await session.openPage('/graphql');
      await page.locator('.graphiql-container').waitFor();
      expect(await page.title()).toMatch(/GraphQL IDE/);
      await page.close();
    },
    TIMEOUT,
  );
});
