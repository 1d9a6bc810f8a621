import type { Css, StylesheetJson } from 'cytoscape';

/** Size of node labels on screen, in CSS pixels, whatever the zoom. */
export const NODE_LABEL_PX = 13;
/** Size of relationship labels on screen, in CSS pixels, whatever the zoom. */
export const EDGE_LABEL_PX = 11;
/** Space between a node and its label, and around a label's background, on screen (CSS pixels). */
export const LABEL_MARGIN_PX = 3;
export const LABEL_PADDING_PX = 1;

/** The labels' font (the canvas measures label widths with it too). */
export const LABEL_FONT = 'Roboto, "DejaVu Sans", "Noto Sans", Arial, sans-serif';

/**
 * Labels shrunk below this size on screen are not drawn: while a person zooms
 * out, before the labels are resized for the new zoom (see `labelSizeAt`).
 */
const MIN_DRAWN_PX = 7;

/**
 * The canvas stylesheet, set once: it never changes with the zoom (a new
 * stylesheet restyles every element, which took seconds with 500 nodes).
 * Labels are sized for zoom 1 here; the canvas gives each label it shows the
 * size for the current zoom as an element style (`labelSizeAt`), so only the
 * labels drawn are restyled when the zoom changes. Which labels show is decided
 * by labelCulling (class `label-hidden` for the others).
 */
export function explorerStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(short)',
        'font-family': LABEL_FONT,
        'font-size': NODE_LABEL_PX,
        'min-zoomed-font-size': MIN_DRAWN_PX,
        color: '#1d2433',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_MARGIN_PX,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': `${LABEL_PADDING_PX}px`,
        'text-background-shape': 'roundrectangle',
        width: 20,
        height: 20,
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#1d2433', width: 26, height: 26 } },
    { selector: 'node.neighbour', style: { 'border-width': 2, 'border-color': '#1d2433' } },
    {
      selector: 'node.chosen',
      style: { 'underlay-color': '#ffb000', 'underlay-opacity': 0.8, 'underlay-padding': 7, 'underlay-shape': 'ellipse', 'font-weight': 'bold', 'z-index': 20 },
    },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#c4122f', 'z-index': 15 } },
    { selector: 'node.kb-focus', style: { 'outline-width': 3, 'outline-color': '#0b57d0', 'outline-offset': 4, 'outline-opacity': 1 } },
    {
      selector: 'edge',
      style: {
        width: 1.3,
        'line-color': '#9aa6b8',
        'target-arrow-color': '#9aa6b8',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-family': LABEL_FONT,
        'font-size': EDGE_LABEL_PX,
        'min-zoomed-font-size': MIN_DRAWN_PX,
        color: '#3d4a5e',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': `${LABEL_PADDING_PX}px`,
      },
    },
    { selector: 'edge.neighbour, edge.hover', style: { width: 2.5, 'line-color': '#4a5a75', 'target-arrow-color': '#4a5a75', 'z-index': 10 } },
    { selector: 'edge.on-path', style: { width: 4, 'line-color': '#c4122f', 'target-arrow-color': '#c4122f', 'z-index': 16 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    // No label at all (not a transparent one): nothing to measure or draw.
    { selector: '.label-hidden', style: { label: '' } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

/**
 * The label style of one node (or, with `edge`, one relationship) at `zoom`:
 * sizes divided by the zoom, so that the label is drawn at NODE_LABEL_PX
 * (EDGE_LABEL_PX) on screen whatever the zoom (cytoscape scales text with
 * the graph otherwise: 7 px labels when zoomed out).
 */
export function labelSizeAt(zoom: number, edge = false): Css.Node & Css.Edge {
  const z = Math.max(zoom, 0.05);
  return {
    'font-size': (edge ? EDGE_LABEL_PX : NODE_LABEL_PX) / z,
    'text-margin-y': edge ? 0 : LABEL_MARGIN_PX / z,
    'text-background-padding': `${LABEL_PADDING_PX / z}px`,
  };
}
