/** Reading the graph explorer's state in a test (through `window.kgExplorer`, the page's console handle). */
import type { Page } from 'playwright-core';

export interface CanvasNode {
  readonly id: string;
  readonly kind: string;
  readonly x: number;
  readonly y: number;
  /** On screen, relative to the canvas. */
  readonly rx: number;
  readonly ry: number;
  readonly visible: boolean;
  readonly classes: string[];
  readonly opacity: number;
  /** The label's size on screen, in CSS pixels (font size × zoom). */
  readonly labelPx: number;
  readonly labelShown: boolean;
  /** The label's box on screen as cytoscape computes it. */
  readonly labelBox: { x1: number; y1: number; x2: number; y2: number };
  readonly short: string;
  /** Its neighbourhood was added (double-click, Enter, the Expand button). */
  readonly expanded: boolean;
}

export interface CanvasEdge {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly visible: boolean;
  readonly classes: string[];
  readonly label: string;
}

interface Cy {
  zoom(): number;
  width(): number;
  height(): number;
  nodes(): { map<T>(f: (n: CyEl) => T): T[] };
  edges(): { map<T>(f: (e: CyEl) => T): T[] };
  getElementById(id: string): CyEl;
  center(element: CyEl): void;
}
interface CyEl {
  empty(): boolean;
  id(): string;
  data(key: string): unknown;
  position(): { x: number; y: number };
  renderedPosition(): { x: number; y: number };
  visible(): boolean;
  classes(): string[];
  style(name: string): string;
  renderedBoundingBox(options: Record<string, boolean>): { x1: number; y1: number; x2: number; y2: number };
  source(): CyEl;
  target(): CyEl;
}

/** Every node and relationship on the canvas, as drawn. */
/** Waits until no animation runs and the labels are styled for the zoom (restyled 120 ms after the last zoom or pan). */
export async function waitSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as { kgExplorer: { canvas: { settled(): boolean } } }).kgExplorer.canvas.settled(), undefined, { timeout: 30_000 });
}

export async function canvasState(page: Page): Promise<{ zoom: number; width: number; height: number; nodes: CanvasNode[]; edges: CanvasEdge[] }> {
  // As a person sees it once the view has settled.
  await waitSettled(page);
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { kgExplorer: { cy: Cy } }).kgExplorer.cy;
    const zoom = cy.zoom();
    return {
      zoom,
      width: cy.width(),
      height: cy.height(),
      nodes: cy.nodes().map((n) => ({
        id: n.id(),
        kind: String(n.data('kind')),
        x: n.position().x,
        y: n.position().y,
        rx: n.renderedPosition().x,
        ry: n.renderedPosition().y,
        visible: n.visible(),
        classes: n.classes(),
        opacity: Number(n.style('opacity')),
        labelPx: parseFloat(n.style('font-size')) * zoom,
        labelShown: Number(n.style('text-opacity')) > 0 && n.style('label') !== '',
        labelBox: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false, includeOutlines: false }),
        short: String(n.data('short')),
        expanded: Boolean(n.data('expanded')),
      })),
      edges: cy.edges().map((e) => ({
        id: e.id(),
        type: String(e.data('type')),
        source: e.source().id(),
        target: e.target().id(),
        visible: e.visible(),
        classes: e.classes(),
        label: String(e.data('label')),
      })),
    };
  });
}

/** Pairs of drawn labels whose boxes overlap by more than `tolerance` pixels each way. */
export function overlappingLabels(nodes: readonly CanvasNode[], tolerance = 1): [string, string][] {
  const shown = nodes.filter((n) => n.visible && n.labelShown && n.rx >= 0 && n.ry >= 0);
  const pairs: [string, string][] = [];
  for (let i = 0; i < shown.length; i += 1) {
    for (let j = i + 1; j < shown.length; j += 1) {
      const a = (shown[i] as CanvasNode).labelBox;
      const b = (shown[j] as CanvasNode).labelBox;
      if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > tolerance && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > tolerance) {
        pairs.push([(shown[i] as CanvasNode).id, (shown[j] as CanvasNode).id]);
      }
    }
  }
  return pairs;
}

/** Number of nodes the counter reports. */
export async function nodeCount(page: Page): Promise<number> {
  return Number(await page.locator('#graph-status').getAttribute('data-nodes'));
}

/** Where node `id` is on the page (for a real mouse click), or throws. */
export async function nodeOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  // Where a person would point: once the view has settled, with the node brought into view if it is off the canvas.
  await waitSettled(page);
  const moved = await page.evaluate((nodeId) => {
    const { cy } = (globalThis as unknown as { kgExplorer: { cy: Cy } }).kgExplorer;
    const node = cy.getElementById(nodeId);
    const at = node.renderedPosition();
    if (node.empty() || (at.x > 20 && at.y > 20 && at.x < cy.width() - 20 && at.y < cy.height() - 20)) return false;
    cy.center(node);
    return true;
  }, id);
  if (moved) await waitSettled(page);
  const box = await page.locator('#graph-canvas').boundingBox();
  const position = await page.evaluate((nodeId) => (globalThis as unknown as { kgExplorer: { nodePosition(id: string): { x: number; y: number } | null } }).kgExplorer.nodePosition(nodeId), id);
  if (!box || !position) throw new Error(`node ${id} is not on the canvas`);
  return { x: box.x + position.x, y: box.y + position.y };
}

/** Waits until the explorer has drawn its first neighbourhood. */
export async function explorerReady(page: Page): Promise<void> {
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 90_000 });
}
