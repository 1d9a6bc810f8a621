import type { Core, NodeSingular } from 'cytoscape';
import { NODE_LABEL_PX } from './style';

interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

let measureContext: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** Width of `text` drawn at the node label size, in CSS pixels (measured once per text). */
function textWidth(text: string): number {
  const cached = widths.get(text);
  if (cached !== undefined) return cached;
  measureContext ??= document.createElement('canvas').getContext('2d');
  let width = text.length * NODE_LABEL_PX * 0.55;
  if (measureContext) {
    measureContext.font = `${NODE_LABEL_PX}px Roboto, "DejaVu Sans", Arial, sans-serif`;
    width = measureContext.measureText(text).width;
  }
  widths.set(text, width);
  return width;
}

/** The label's box on screen (rendered coordinates): centred under the node, as explorerStyle draws it. */
export function labelBox(node: NodeSingular): Box {
  const p = node.renderedPosition();
  const width = textWidth(String(node.data('short') ?? '')) + 4;
  const top = p.y + node.renderedHeight() / 2 + 2;
  return { x1: p.x - width / 2, y1: top, x2: p.x + width / 2, y2: top + NODE_LABEL_PX * 1.3 };
}

/**
 * Decides which node labels are drawn: in order of `priority` (selection,
 * path, neighbours, expanded nodes, then the best connected), a label is shown
 * when its box on screen overlaps no label already shown; the others get the
 * class `label-hidden` (their full name stays on hover and in the details).
 * Labels of nodes outside the viewport are hidden too. Returns the ids shown.
 */
export function cullLabels(cy: Core, priority: (node: NodeSingular) => number): string[] {
  const width = cy.width();
  const height = cy.height();
  const nodes = cy
    .nodes()
    .filter((node) => node.visible())
    .toArray()
    .map((element) => element as NodeSingular)
    .sort((a, b) => priority(b) - priority(a) || b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1));
  const shown: Box[] = [];
  const shownIds: string[] = [];
  const hide: NodeSingular[] = [];
  const show: NodeSingular[] = [];
  nodes.forEach((node) => {
    const box = labelBox(node);
    const onScreen = box.x2 > 0 && box.x1 < width && box.y2 > 0 && box.y1 < height;
    if (onScreen && !shown.some((other) => overlaps(box, other))) {
      shown.push(box);
      shownIds.push(node.id());
      show.push(node);
    } else {
      hide.push(node);
    }
  });
  cy.batch(() => {
    for (const node of show) node.removeClass('label-hidden');
    for (const node of hide) node.addClass('label-hidden');
  });
  return shownIds;
}
