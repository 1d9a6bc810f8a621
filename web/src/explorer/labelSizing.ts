import type { Core, EdgeCollection, EdgeSingular, SingularElementArgument } from 'cytoscape';
import { labelSizeAt } from './style';

/** From this zoom up every relationship on screen shows its type; below it, those of the selection, path and hover. */
export const ALL_EDGE_LABELS_ZOOM = 1.2;

/**
 * Draws the label of `element` (a node, or with `edge` a relationship), sized
 * for the current zoom: restyled only when the zoom changed since it was last
 * sized, so a settled view restyles the few labels drawn, never the whole graph.
 */
export function showLabel(element: SingularElementArgument, edge: boolean): void {
  const zoom = element.cy().zoom();
  if (element.scratch('kgLabelZoom') !== zoom) {
    element.style(labelSizeAt(zoom, edge));
    element.scratch('kgLabelZoom', zoom);
  }
  if (element.hasClass('label-hidden')) element.removeClass('label-hidden');
}

/** Leaves the label of `element` out (restyling it only when it was drawn). */
export function hideLabel(element: SingularElementArgument): void {
  if (!element.hasClass('label-hidden')) element.addClass('label-hidden');
}

/**
 * Shows or hides the type on each of `edges`: shown on the selection's, the
 * path's and the hovered node's relationships, and on every one on screen
 * from ALL_EDGE_LABELS_ZOOM up.
 */
export function labelEdges(cy: Core, edges: EdgeCollection): void {
  const zoom = cy.zoom();
  const width = cy.width();
  const height = cy.height();
  edges.forEach((element) => {
    const edge = element as EdgeSingular;
    let shown = edge.visible() && (edge.hasClass('neighbour') || edge.hasClass('on-path') || edge.hasClass('hover'));
    if (!shown && zoom >= ALL_EDGE_LABELS_ZOOM && edge.visible()) {
      const mid = edge.renderedMidpoint();
      shown = mid.x > 0 && mid.y > 0 && mid.x < width && mid.y < height;
    }
    if (shown) showLabel(edge, true);
    else hideLabel(edge);
  });
}
