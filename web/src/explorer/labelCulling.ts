import type { Core, NodeSingular } from 'cytoscape';
import { LABEL_FONT, LABEL_MARGIN_PX, LABEL_PADDING_PX, NODE_LABEL_PX } from './style';

/** A box on screen (rendered coordinates, CSS pixels relative to the canvas). */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

let measureContext: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();
// A width measured before the bundled fonts arrived is a fallback font's: measure again.
document.fonts?.addEventListener('loadingdone', () => widths.clear());

/** Width of `text` in the label font at NODE_LABEL_PX (measured once per text and weight). */
function textWidth(text: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'n'}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    measureContext ??= document.createElement('canvas').getContext('2d');
    if (!measureContext) return text.length * NODE_LABEL_PX;
    measureContext.font = `normal ${bold ? 'bold' : 'normal'} ${NODE_LABEL_PX}px ${LABEL_FONT}`;
    width = measureContext.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}

/**
 * Where node `node`'s label is on screen at `zoom` once it is drawn at
 * NODE_LABEL_PX (under the node, centred), computed from its position and
 * its text alone: no style is read, so deciding among 500 labels costs
 * microseconds, not the seconds cytoscape's bounding boxes took. The box
 * holds the one cytoscape draws: it adds the same padding and margin, and
 * cytoscape's own 2-unit margin of error and rounding, which grow with the zoom.
 */
export function labelBox(node: NodeSingular, zoom: number): Box {
  const at = node.renderedPosition();
  const text = String(node.data('short') ?? '');
  const halfWidth = textWidth(text, node.hasClass('chosen')) / 2 + LABEL_PADDING_PX + 3 * zoom + 1.5;
  const top = at.y + (node.height() / 2) * zoom;
  return {
    x1: at.x - halfWidth,
    x2: at.x + halfWidth,
    y1: top + LABEL_MARGIN_PX - LABEL_PADDING_PX - 2 * zoom - 0.5,
    y2: top + LABEL_MARGIN_PX + NODE_LABEL_PX + LABEL_PADDING_PX + 2 * zoom + 0.5,
  };
}

/**
 * Decides which node labels are drawn: in order of `priority` (selection,
 * path, neighbours, expanded nodes, then the best connected), a label is shown
 * when its box on screen overlaps no label already shown; the others are to be
 * hidden (their full name stays on hover and in the details). Labels of nodes
 * outside the viewport are hidden too. Changes nothing on the canvas: returns
 * the nodes whose label shows, and the others.
 */
export function cullLabels(cy: Core, priority: (node: NodeSingular) => number): { show: NodeSingular[]; hide: NodeSingular[] } {
  const width = cy.width();
  const height = cy.height();
  const zoom = cy.zoom();
  // Priority and degree read once per node, not in every comparison of the sort.
  const nodes = cy
    .nodes()
    .filter((node) => node.visible())
    .toArray()
    .map((element) => element as NodeSingular)
    .map((node) => ({ node, rank: priority(node), degree: node.degree(false), id: node.id() }))
    .sort((a, b) => b.rank - a.rank || b.degree - a.degree || (a.id < b.id ? -1 : 1))
    .map((entry) => entry.node);
  const shown: Box[] = [];
  const hide: NodeSingular[] = [];
  const show: NodeSingular[] = [];
  for (const node of nodes) {
    const box = labelBox(node, zoom);
    const onScreen = box.x2 > 0 && box.x1 < width && box.y2 > 0 && box.y1 < height;
    if (onScreen && !shown.some((other) => overlaps(box, other))) {
      shown.push(box);
      show.push(node);
    } else {
      hide.push(node);
    }
  }
  cy.nodes()
    .filter((node) => !node.visible())
    .forEach((node) => {
      hide.push(node);
    });
  return { show, hide };
}
