import type { Core, NodeSingular } from 'cytoscape';

interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The label's box on screen (rendered coordinates), as cytoscape itself
 * measures it (whatever the label's opacity), so culling agrees with what is drawn.
 */
export function labelBox(node: NodeSingular): Box {
  return node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false, includeOutlines: false } as Parameters<NodeSingular['renderedBoundingBox']>[0]);
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
