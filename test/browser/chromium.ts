import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); the browser tests skip when it is missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Test artefacts (screenshots): gitignored. */
export const ARTIFACTS_DIR = path.resolve(__dirname, '../../test-artifacts');

/** Screenshots committed for the README; refreshed by UPDATE_SCREENSHOTS=1. */
export const README_SCREENSHOTS_DIR = path.resolve(__dirname, '../../web/screenshots');

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** A headless Chromium with a fresh profile (user data dir) that never talks to the network on its own. */
export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium. Playwright passes the fresh profile as
 * `--user-data-dir` itself (it refuses that flag in `args`).
 */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: 'vi-VN',
    serviceWorkers: 'block',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
