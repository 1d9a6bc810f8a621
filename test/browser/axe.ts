import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core rule the page breaks, with how bad it is and where. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
  readonly targets: string[];
}

/**
 * Runs axe-core (from npm, evaluated in the page through the DevTools
 * protocol: the pages' CSP allows no inline script, and nothing is loaded from
 * a CDN) against WCAG 2.1 A and AA and axe's best practices. Returns every
 * violation; callers assert on the serious and critical ones. `context.exclude`
 * leaves out third-party markup the project does not write (GraphiQL's editors);
 * `context.include` checks only the parts named.
 */
export async function runAxe(page: Page, context?: { include?: string[][]; exclude?: string[][] }): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(selector ?? (globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, context ?? null);
}

/** The serious and critical violations (what the pages must not have). */
export const seriousOnly = (violations: readonly AxeViolation[]): AxeViolation[] => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
