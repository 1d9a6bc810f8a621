import type { Core, NodeSingular } from 'cytoscape';
import { NODE_LABEL_PX, EDGE_LABEL_PX } from './style';

/** Starts the download of `blob` as `filename`. */
function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The whole graph as drawn (filters applied), as a PNG at twice the screen's resolution. */
export function exportPng(cy: Core, filename = 'graph.png'): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  download(blob, filename);
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The visible graph as an SVG document: a circle per node in its kind's colour
 * with its short label (the full name as the circle's <title>), a line with an
 * arrowhead per relationship with its type, the selection and path marked as
 * on screen. Positions are the canvas's model coordinates.
 */
export function toSvg(cy: Core): string {
  const nodes = cy.nodes().filter((n) => n.visible());
  const edges = cy.edges().filter((e) => e.visible());
  const box = nodes.boundingBox({ includeLabels: true });
  const pad = 30;
  const parts: string[] = [];
  const w = Math.ceil(box.w + 2 * pad);
  const h = Math.ceil(box.h + 2 * pad);
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${box.x1 - pad} ${box.y1 - pad} ${w} ${h}" font-family="Roboto, 'DejaVu Sans', Arial, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#9aa6b8"/></marker></defs>',
    `<rect x="${box.x1 - pad}" y="${box.y1 - pad}" width="${w}" height="${h}" fill="#ffffff"/>`,
  );
  edges.forEach((edge) => {
    const s = edge.source().position();
    const t = edge.target().position();
    const r = edge.target().width() / 2 + 2;
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const end = { x: t.x - ((t.x - s.x) / len) * r, y: t.y - ((t.y - s.y) / len) * r };
    const stroke = edge.hasClass('on-path') ? '#c4122f' : '#9aa6b8';
    parts.push(
      `<g class="edge" data-type="${escapeXml(String(edge.data('type')))}"><line x1="${s.x.toFixed(1)}" y1="${s.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" stroke="${stroke}" stroke-width="${edge.hasClass('on-path') ? 3 : 1.3}" marker-end="url(#arrow)"/>`,
      `<text x="${((s.x + t.x) / 2).toFixed(1)}" y="${((s.y + t.y) / 2).toFixed(1)}" font-size="${EDGE_LABEL_PX - 2}" fill="#3d4a5e" text-anchor="middle">${escapeXml(String(edge.data('label')))}</text></g>`,
    );
  });
  nodes.forEach((node: NodeSingular) => {
    const p = node.position();
    const r = node.width() / 2;
    const ring = node.hasClass('chosen') ? ' stroke="#ffb000" stroke-width="4"' : node.hasClass('on-path') ? ' stroke="#c4122f" stroke-width="3"' : '';
    parts.push(
      `<g class="node" data-id="${escapeXml(node.id())}"><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r}" fill="${escapeXml(String(node.data('colour')))}"${ring}><title>${escapeXml(String(node.data('full')))}</title></circle>`,
      `<text x="${p.x.toFixed(1)}" y="${(p.y + r + NODE_LABEL_PX).toFixed(1)}" font-size="${NODE_LABEL_PX - 2}" fill="#1d2433" text-anchor="middle">${escapeXml(String(node.data('short')))}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function exportSvg(cy: Core, filename = 'graph.svg'): void {
  download(new Blob([toSvg(cy)], { type: 'image/svg+xml' }), filename);
}
