import type { StylesheetJson } from 'cytoscape';

/** Size of node labels on screen, in CSS pixels, whatever the zoom. */
export const NODE_LABEL_PX = 13;
/** Size of relationship labels on screen, in CSS pixels, whatever the zoom. */
export const EDGE_LABEL_PX = 11;

const FONT = 'Roboto, "DejaVu Sans", "Noto Sans", Arial, sans-serif';

/**
 * The canvas stylesheet at `zoom`: label sizes are divided by the zoom so that
 * they are drawn at NODE_LABEL_PX / EDGE_LABEL_PX on screen at every zoom
 * (cytoscape scales text with the graph otherwise: 7 px labels when zoomed
 * out). Which labels show is decided by labelCulling (class `label-hidden`).
 */
export function explorerStyle(zoom: number): StylesheetJson {
  const z = Math.max(zoom, 0.05);
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(short)',
        'font-family': FONT,
        'font-size': NODE_LABEL_PX / z,
        color: '#1d2433',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3 / z,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': `${1 / z}px`,
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
        'font-family': FONT,
        'font-size': EDGE_LABEL_PX / z,
        color: '#3d4a5e',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': `${1 / z}px`,
      },
    },
    { selector: 'edge.neighbour, edge.hover', style: { width: 2.5, 'line-color': '#4a5a75', 'target-arrow-color': '#4a5a75', 'z-index': 10 } },
    { selector: 'edge.on-path', style: { width: 4, 'line-color': '#c4122f', 'target-arrow-color': '#c4122f', 'z-index': 16 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: '.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
