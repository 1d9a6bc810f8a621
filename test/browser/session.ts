/**
 * What every browser test file shares: a real server on a free port, Debian's
 * Chromium, the API as any client sees it, screenshots, and the checks run
 * after each test (no request to another origin, no page error).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultWebDir } from '../../src/server/mountPages';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS_DIR, CHROMIUM_PATH, chromiumAvailable, launchChromium, README_SCREENSHOTS_DIR, type LaunchedBrowser } from './chromium';

export const PLAN = 'Plan:dn-202-2019';
export const DECISION = 'LegalDocument:dn-202-qd-ubnd-2019';
export const SKHCN = 'Agency:dn-skhcn';
export const TIMEOUT = 240_000;

/** `describe` when Chromium is installed, else `describe.skip` with a line saying why. */
export function describeInBrowser(name: string, body: () => void): void {
  if (!chromiumAvailable()) {
    console.log(`SKIPPED browser tests: ${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium)`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/** One server and one browser for a test file. */
export interface BrowserSession {
  readonly server: TestServer;
  readonly chromium: LaunchedBrowser;
  /** Every URL the pages requested. */
  readonly requested: string[];
  readonly pageErrors: string[];
  api<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  openPage(pathname: string, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(options: { server?: () => Promise<TestServer>; viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  if (!fs.existsSync(path.join(defaultWebDir(), 'graph.html'))) {
    throw new Error(`The pages are not built (${defaultWebDir()} has no graph.html): run \`npm run build:web\``);
  }
  const server = await (options.server ?? (() => startTestServer()))();
  const chromium = await launchChromium({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  const requested: string[] = [];
  const pageErrors: string[] = [];
  return {
    server,
    chromium,
    requested,
    pageErrors,
    async api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data: T; errors?: unknown[] };
      if (body.errors) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async openPage(pathname, pageOptions = {}) {
      const page = await chromium.context.newPage();
      if (pageOptions.viewport) await page.setViewportSize(pageOptions.viewport);
      page.on('request', (request) => requested.push(request.url()));
      page.on('pageerror', (error) => pageErrors.push(`${pathname}: ${error.message}`));
      await page.goto(`${server.url}${pathname}`);
      return page;
    },
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}

/** After each test: nothing left this server, no page raised an error. Clears both lists. */
export function expectOfflineAndClean(session: BrowserSession): void {
  const origin = new URL(session.server.url).origin;
  const foreign = session.requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  const errors = [...session.pageErrors];
  session.requested.length = 0;
  session.pageErrors.length = 0;
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
}

/** Saves a screenshot to test-artifacts/ (and, with UPDATE_SCREENSHOTS=1 and `readme`, to web/screenshots/). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; readme?: boolean } = {}): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  if (options.readme && process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(README_SCREENSHOTS_DIR, `${name}.png`));
  }
}

/** Writes a JSON record (measurements) to test-artifacts/. */
export function record(name: string, value: unknown): void {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS_DIR, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

/** Polls `check` until it holds (the pages update asynchronously). */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How wide the page is against its viewport, and the widest element not inside a scrolling box (none when it fits). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string }> {
  // Runs in the page (a string: this project's TypeScript has no DOM types outside web/).
  return page.evaluate(`(() => {
    const root = document.scrollingElement || document.documentElement;
    const clipped = (element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    let widest = '';
    let max = root.clientWidth;
    for (const element of document.querySelectorAll('body *')) {
      if (clipped(element)) continue;
      const right = element.getBoundingClientRect().right;
      if (right > max + 0.5) {
        max = right;
        widest = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + String(element.className).split(' ').join('.');
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  })()`);
}
