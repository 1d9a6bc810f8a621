import '@graphiql/react/font/roboto.css';
import '../shared/base.css';
import './explorer.css';

import { gql } from '../shared/api';
import { asOfControl, asOfFromUrl } from '../shared/asOfControl';
import { pageDate, setPageDate } from '../shared/pageDate';
import { el, snippet } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import { storedLang, storeLang } from '../shared/langStore';
import { idePath } from '../shared/settings';
import { ExplorerCanvas, edgeId } from './canvas';
import { kindChip, renderDetails, type NeighbourLink } from './detailsPanel';
import { exportPng, exportSvg, toSvg } from './exportView';
import { renderFilters, type FilterState } from './filtersPanel';
import { bindKeyboard } from './keyboard';
import { renderPathPanel, type PathState } from './pathPanel';
import { EXPLORER_SEARCH_QUERY, NODE_DETAILS_QUERY, PATHS_QUERY, START_ID, type ExplorerSearchHit, type GraphNode, type GraphPath, type NodeDetails } from './queries';
import { NeighbourhoodSource } from './source';
import { t } from './strings';
import { buildLayout } from './view';

const params = new URLSearchParams(window.location.search);
let lang: Lang = storedLang();
let depth = clampInt(params.get('depth'), 1, 3, 1);
let limit = clampInt(params.get('limit'), 10, 2000, 150);
const startId = params.get('focus') ?? START_ID;
/** The date chosen in the control (null: none; the graph is then as the decision's text gives it, see pageDate). */
let asOf: string | null = asOfFromUrl();
setPageDate(asOf);
const filters: FilterState = { hiddenKinds: new Set(), hiddenTypes: new Set() };
const details = new Map<string, NodeDetails>();
let focusedId: string | null = null;
let truncated = false;
let pathState: PathState = { ends: [], loading: false, paths: null, error: null };
let searchHits: { text: string; total: number; hits: readonly ExplorerSearchHit[] } | null = null;

function clampInt(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

const view = buildLayout({
  onLang: (next) => setLang(next),
  onSearch: (text) => void runSearch(text),
  onFit: () => canvas.fit(),
  onZoom: (factor) => canvas.zoomBy(factor),
  onReset: () => void reset(),
  onCollapse: () => {
    const id = canvas.selected.at(-1);
    if (id) collapse(id);
  },
  onExportPng: () => exportPng(canvas.cy),
  onExportSvg: () => exportSvg(canvas.cy),
  onDepth: (value) => {
    depth = value;
  },
  onLimit: (value) => {
    limit = value;
  },
  ide: idePath(),
  depth,
  limit,
});

const dateControl = asOfControl(asOf, (next) => {
  asOf = next;
  setPageDate(next);
  void reset();
});
const headerControls = document.querySelector('.top .controls');
headerControls?.insertBefore(dateControl.element, headerControls.children[1] ?? null);

const source = new NeighbourhoodSource();
const canvas = new ExplorerCanvas(view.canvas, lang, {
  onTap: (id, additive) => select(id, additive),
  onHover: (node, at) => {
    view.tooltip.hidden = node === null;
    if (!node) return;
    view.tooltip.textContent = label(lang, node);
    view.tooltip.style.left = `${at.x + 14}px`;
    view.tooltip.style.top = `${at.y + 14}px`;
  },
});
canvas.cy.on('dbltap', 'node', (event) => void expand((event.target as { id(): string }).id()));
canvas.cy.on('tap', (event) => {
  if (event.target === canvas.cy) select(null);
});

view.canvas.addEventListener('mouseleave', () => {
  view.tooltip.hidden = true;
});

bindKeyboard(view.canvas, canvas.cy, () => focusedId, {
  focus: (id) => setFocus(id),
  expand: (id) => void expand(id),
  select: (id, additive) => select(id, additive),
  collapse: (id) => collapse(id),
  clear: () => select(null),
  fit: () => canvas.fit(),
  zoom: (factor) => canvas.zoomBy(factor),
});

// ---------------------------------------------------------------- actions

async function expand(id: string): Promise<void> {
  if (canvas.isExpanded(id)) {
    select(id);
    return;
  }
  view.setBusy(true);
  try {
    const subgraph = await source.around(id, depth, limit, pageDate());
    truncated = subgraph.truncated;
    const added = canvas.add(subgraph, canvas.has(id) ? id : null);
    canvas.markExpanded(id, true);
    applyFilters();
    select(id);
    announce((l) => `${label(l, canvas.node(id) ?? { name: id })}: ${added.length} ${t(l, 'nodes')} ${t(l, 'added')}`);
  } catch (error) {
    view.status.textContent = `${t(lang, 'failed')}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    view.setBusy(false);
  }
}

function collapse(id: string): void {
  const removed = canvas.collapse(id, new Set([startId, ...pathState.ends.map((n) => n.id)]));
  if (focusedId && !canvas.has(focusedId)) focusedId = null;
  announce((l) => `${label(l, canvas.node(id) ?? { name: id })}: ${removed.length} ${t(l, 'nodes')} ${t(l, 'removed')}`);
  renderAll();
}

function select(id: string | null, additive = false): void {
  canvas.select(id, additive);
  if (id) setFocus(id, false);
  const ends = canvas.selected.map((s) => canvas.node(s)).filter((n): n is GraphNode => n !== undefined);
  const sameEnds = ends.length === pathState.ends.length && ends.every((n, i) => pathState.ends[i]?.id === n.id);
  if (!sameEnds) {
    pathState = { ends, loading: false, paths: null, error: null };
    canvas.showPath([], []);
  }
  renderAll();
  const current = canvas.selected.at(-1);
  if (current && !details.has(current)) {
    void gql<{ node: NodeDetails | null }>(NODE_DETAILS_QUERY, { id: current })
      .then((answer) => {
        if (answer.node) details.set(current, answer.node);
        renderAll();
      })
      .catch(() => undefined);
  }
}

function setFocus(id: string, announceIt = true): void {
  canvas.cy.nodes().removeClass('kb-focus');
  focusedId = id;
  const node = canvas.cy.getElementById(id);
  node.addClass('kb-focus');
  const p = node.renderedPosition();
  if (p.x < 0 || p.y < 0 || p.x > canvas.cy.width() || p.y > canvas.cy.height()) canvas.cy.center(node);
  const data = canvas.node(id);
  const degree = node.degree(false);
  if (announceIt && data) announce((l) => `${t(l, 'focused')}: ${label(l, data)}, ${degree} ${t(l, 'relationships')}`);
  canvas.refresh();
}

async function connect(): Promise<void> {
  const [a, b] = pathState.ends;
  if (!a || !b) return;
  pathState = { ...pathState, loading: true, paths: null, error: null };
  renderAll();
  try {
    const answer = await gql<{ paths: GraphPath[] }>(PATHS_QUERY, { from: a.id, to: b.id, asOf: pageDate() });
    pathState = { ...pathState, loading: false, paths: answer.paths };
    showPath(0);
    view.path.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    pathState = { ...pathState, loading: false, error: error instanceof Error ? error.message : String(error) };
  }
  renderAll();
}

/** Adds the nodes and relationships of path `index` to the canvas and marks them. */
function showPath(index: number): void {
  const path = pathState.paths?.[index];
  if (!path) return;
  const edges = path.steps.map((s) => ({ type: s.relationship.type, from: s.relationship.from.id, to: s.relationship.to.id }));
  canvas.add({ nodes: path.nodes, edges, truncated: false }, pathState.ends[0]?.id ?? null);
  canvas.showPath(
    path.nodes.map((n) => n.id),
    edges.map((e) => edgeId(e.from, e.type, e.to)),
  );
  applyFilters();
  renderAll();
}

async function reset(): Promise<void> {
  const shown = asOf;
  canvas.clear();
  details.clear();
  pathState = { ends: [], loading: false, paths: null, error: null };
  await expand(startId);
  canvas.fit();
  if (shown === asOf) view.status.dataset.asOf = shown ?? '';
}

async function runSearch(text: string): Promise<void> {
  try {
    const answer = await gql<{ search: { totalCount: number; nodes: ExplorerSearchHit[] } }>(EXPLORER_SEARCH_QUERY, { text, asOf: pageDate() });
    searchHits = { text, total: answer.search.totalCount, hits: answer.search.nodes };
  } catch (error) {
    searchHits = { text: `${t(lang, 'failed')}: ${error instanceof Error ? error.message : String(error)}`, total: 0, hits: [] };
  }
  renderSearch();
}

/** A search hit dropped on the canvas: its neighbourhood added around it, selected and centred. */
async function drop(node: GraphNode): Promise<void> {
  if (!canvas.has(node.id)) canvas.add({ nodes: [node], edges: [], truncated: false }, canvas.selected.at(-1) ?? null);
  await expand(node.id);
  canvas.cy.animate({ center: { eles: canvas.cy.getElementById(node.id) } }, { duration: 200 });
}

function applyFilters(): void {
  canvas.filter(filters.hiddenKinds, filters.hiddenTypes);
}

function setLang(next: Lang): void {
  lang = next;
  storeLang(next);
  canvas.setLang(next);
  if (announcement) view.live.textContent = announcement(next);
  renderAll();
  renderSearch();
}

/** The last announcement, re-written when the language changes. */
let announcement: ((lang: Lang) => string) | null = null;

/** Tells screen readers what happened (the live region under the canvas). */
function announce(text: (lang: Lang) => string): void {
  announcement = text;
  view.live.textContent = text(lang);
}

// ---------------------------------------------------------------- rendering

function neighbourLinks(id: string): NeighbourLink[] {
  const node = canvas.cy.getElementById(id);
  return node.connectedEdges().map((edge) => {
    const outgoing = edge.source().id() === id;
    const other = outgoing ? edge.target() : edge.source();
    return { type: String(edge.data('type')), outgoing, node: other.data('node') as GraphNode };
  });
}

function renderAll(): void {
  document.documentElement.lang = lang;
  view.renderChrome(lang);
  dateControl.update(lang);
  const counts = canvas.counts();
  const hiddenNodes = counts.nodes - counts.visibleNodes;
  view.status.dataset.nodes = String(counts.nodes);
  view.status.dataset.edges = String(counts.edges);
  view.status.textContent =
    `${counts.nodes} ${t(lang, 'nodes')} · ${counts.edges} ${t(lang, 'relationships')}` +
    (hiddenNodes > 0 ? ` · ${hiddenNodes} ${t(lang, 'hidden')}` : '') +
    (truncated ? ` · ${t(lang, 'truncated')} ${limit}` : '');
  const kinds = new Map<string, number>();
  canvas.cy.nodes().forEach((n) => {
    kinds.set(String(n.data('kind')), (kinds.get(String(n.data('kind'))) ?? 0) + 1);
  });
  const types = new Map<string, number>();
  canvas.cy.edges().forEach((e) => {
    types.set(String(e.data('type')), (types.get(String(e.data('type'))) ?? 0) + 1);
  });
  view.filters.replaceChildren(...renderFilters(lang, { kinds, types }, filters, () => {
    applyFilters();
    renderAll();
  }));
  const current = canvas.selected.at(-1);
  view.details.replaceChildren(
    ...renderDetails(lang, current ? canvas.node(current) : undefined, current ? details.get(current) : undefined, current ? neighbourLinks(current) : [], current ? canvas.isExpanded(current) : false, {
      expand: (id) => void expand(id),
      collapse: (id) => collapse(id),
      go: (id) => {
        select(id);
        canvas.cy.animate({ center: { eles: canvas.cy.getElementById(id) } }, { duration: 200 });
      },
    }),
  );
  view.path.replaceChildren(...renderPathPanel(lang, pathState, () => void connect(), (index) => showPath(index)));
}

function renderSearch(): void {
  if (!searchHits) {
    view.searchResults.hidden = true;
    return;
  }
  view.searchResults.hidden = false;
  const { text, total, hits } = searchHits;
  view.searchResults.replaceChildren(
    el('p', { class: 'muted', id: 'search-summary', 'data-total': total, 'data-shown': hits.length }, `“${text}” · ${hits.length < total ? `${hits.length} / ${total}` : total}`),
    hits.length === 0
      ? el('p', { class: 'muted' }, t(lang, 'searchNone'))
      : el(
          'ul',
          { class: 'hits', id: 'search-hits' },
          ...hits.map((hit) =>
            el(
              'li',
              { 'data-node-id': hit.node.id },
              kindChip(lang, hit.node.__typename),
              el('button', { type: 'button', class: 'link', onclick: () => void drop(hit.node) }, label(lang, hit.node)),
              hit.snippet ? el('span', { class: 'snippet muted' }, snippet(hit.snippet)) : '',
            ),
          ),
        ),
  );
}

// ---------------------------------------------------------------- start

renderAll();
const ready = reset().then(() => {
  document.body.dataset.ready = 'true';
});

/** For tests and the browser console. */
(window as unknown as { kgExplorer: unknown }).kgExplorer = {
  ready,
  cy: canvas.cy,
  canvas,
  expand,
  select,
  toSvg: () => toSvg(canvas.cy),
  nodePosition: (id: string) => (canvas.has(id) ? canvas.cy.getElementById(id).renderedPosition() : null),
};
