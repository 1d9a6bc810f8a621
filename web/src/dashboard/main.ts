import '@graphiql/react/font/roboto.css';
import './dashboard.css';

import { gql, GraphQLRequestError } from './api';
import { el, snippet } from './dom';
import { GraphView, KIND_COLOURS, NeighbourhoodSource } from './graph';
import { comparatorSymbol, kindLabel, label, t, timeframeLabel, type Lang } from './i18n';
import {
  ASSIGNMENTS_QUERY,
  DECISION_ID,
  LEGAL_BASIS_QUERY,
  NAME_SEARCH_QUERY,
  NODE_DETAILS_QUERY,
  PLAN_ID,
  SEARCH_QUERY,
  TARGETS_QUERY,
  TASKS_QUERY,
  type AgencyRef,
  type AssignmentRow,
  type LegalBasisLink,
  type LegalDocumentRef,
  type NamedNode,
  type PlanData,
  type Provenance,
  type SearchHit,
  type TaskRow,
} from './queries';
import { idePath } from '../shared/settings';

// ---------------------------------------------------------------- state

const LANG_KEY = 'kg-dashboard-lang';
const storedLang = localStorage.getItem(LANG_KEY);
let lang: Lang = storedLang === 'en' ? 'en' : 'vi';

interface LegalData {
  readonly decision: (NamedNode & { number: string | null; issuedOn: string | null; docType: string }) | null;
  readonly legalBasis: readonly LegalBasisLink[] | null;
}

const data: {
  plan?: PlanData;
  tasks?: readonly TaskRow[];
  assignments?: readonly AssignmentRow[];
  legal?: LegalData;
  search?: { text: string; hits: readonly SearchHit[]; fallback: boolean };
  selected?: { node: NamedNode; details?: { description: string | null; source: Provenance } };
} = {};

type SectionId = 'targets' | 'tasks' | 'matrix' | 'legal' | 'graph';

const ide = idePath();
const ideLink = (example: string): HTMLElement | null =>
  ide ? el('a', { class: 'ide-link', href: `${ide}?example=${encodeURIComponent(example)}`, title: t(lang, 'openIde') }, 'GraphQL ↗') : null;

// ---------------------------------------------------------------- layout

const app = document.getElementById('app');
if (!app) throw new Error('#app is missing');

const titleEl = el('h1', { class: 'plan-title' });
const subtitleEl = el('p', { class: 'plan-subtitle' });
const searchInput = el('input', { type: 'search', name: 'q', id: 'search-input', autocomplete: 'off', 'aria-label': 'Search' });
const searchButton = el('button', { type: 'submit', class: 'btn primary', id: 'search-button' });
const searchForm = el('form', { class: 'search', role: 'search', id: 'search-form' }, searchInput, searchButton);
const langButtons = (['vi', 'en'] as const).map((code) =>
  el('button', { type: 'button', class: 'lang-btn', 'data-lang': code, onclick: () => setLang(code) }, code === 'vi' ? 'Tiếng Việt' : 'English'),
);
const langToggle = el('div', { class: 'lang-toggle', role: 'group', id: 'lang-toggle' }, ...langButtons);
const ideHeaderLink = ide ? el('a', { class: 'btn', href: ide, id: 'ide-link' }) : null;
const searchResults = el('section', { class: 'search-results card', id: 'search-results', hidden: true, 'aria-live': 'polite' });

const sections = {} as Record<SectionId, HTMLElement>;
const sectionBodies = {} as Record<SectionId, HTMLElement>;
const sectionTitles = {} as Record<SectionId, HTMLElement>;
const makeSection = (id: SectionId, extraClass = ''): HTMLElement => {
  sectionTitles[id] = el('h2');
  sectionBodies[id] = el('div', { class: 'card-body' }, el('p', { class: 'muted' }, t(lang, 'loading')));
  sections[id] = el('section', { class: `card ${extraClass}`, id: `section-${id}`, 'data-state': 'loading' }, el('header', { class: 'card-head' }, sectionTitles[id]), sectionBodies[id]);
  return sections[id];
};

// Graph area: toolbar, canvas, details.
const graphStatus = el('span', { class: 'graph-status', id: 'graph-status', 'data-nodes': '0', 'data-edges': '0' });
const graphReset = el('button', { type: 'button', class: 'btn small', id: 'graph-reset' });
const graphFit = el('button', { type: 'button', class: 'btn small', id: 'graph-fit' });
const graphHint = el('p', { class: 'muted graph-hint' });
const graphCanvas = el('div', { class: 'graph-canvas', id: 'graph-canvas' });
const graphDetails = el('aside', { class: 'graph-details', id: 'graph-details' });
const graphLegend = el('div', { class: 'legend', id: 'graph-legend' });

app.replaceChildren(
  el(
    'header',
    { class: 'top' },
    el('div', { class: 'brand' }, titleEl, subtitleEl),
    el('div', { class: 'controls' }, searchForm, langToggle, ideHeaderLink),
  ),
  searchResults,
  el(
    'main',
    { class: 'grid' },
    makeSection('targets', 'span-2'),
    makeSection('tasks'),
    makeSection('legal'),
    makeSection('matrix', 'span-2'),
    makeSection('graph', 'span-2'),
  ),
  el('footer', { class: 'foot muted', id: 'footer' }),
);
sectionBodies.graph.replaceChildren(
  el('div', { class: 'graph-toolbar' }, graphStatus, graphReset, graphFit, graphHint),
  el('div', { class: 'graph-layout' }, graphCanvas, graphDetails),
  graphLegend,
);

// ---------------------------------------------------------------- rendering

function sourceBadge(source: Provenance): HTMLElement {
  return el('span', { class: 'clause', title: source.quote ? `${source.document}, ${source.clause}: “${source.quote}”` : `${source.document}, ${source.clause}` }, source.clause);
}

function agencyLabel(agency: AgencyRef): string {
  return label(lang, agency);
}

function renderHeader(): void {
  document.documentElement.lang = lang;
  const plan = data.plan;
  titleEl.textContent = plan ? label(lang, plan) : t(lang, 'title');
  const decision = plan?.issuedIn[0];
  subtitleEl.replaceChildren(
    el('span', { class: 'pill' }, t(lang, 'title')),
    decision ? ` ${t(lang, 'decision')} ${decision.number ?? ''}${decision.issuedOn ? ` · ${decision.issuedOn}` : ''}` : '',
    plan?.startYear && plan.endYear ? ` · ${plan.startYear}–${plan.endYear}` : '',
  );
  searchInput.placeholder = t(lang, 'searchPlaceholder');
  searchButton.textContent = t(lang, 'searchButton');
  for (const button of langButtons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  langToggle.setAttribute('aria-label', t(lang, 'language'));
  if (ideHeaderLink) ideHeaderLink.textContent = t(lang, 'openIde');
  sectionTitles.targets.replaceChildren(t(lang, 'targets'), ideLink('targets-by-phase') ?? '');
  sectionTitles.tasks.replaceChildren(t(lang, 'tasks'), ideLink('due-by-2025') ?? '');
  sectionTitles.matrix.replaceChildren(t(lang, 'matrix'), ideLink('who-coordinates-what') ?? '');
  sectionTitles.legal.replaceChildren(t(lang, 'legal'), ideLink('legal-basis') ?? '');
  sectionTitles.graph.replaceChildren(t(lang, 'graph'), ideLink('neighbourhood') ?? '');
  graphReset.textContent = t(lang, 'resetGraph');
  graphFit.textContent = t(lang, 'fitGraph');
  graphHint.textContent = t(lang, 'graphHint');
  document.getElementById('footer')?.replaceChildren(`${t(lang, 'dataFrom')} (POST /graphql) · 202/QĐ-UBND`);
}

function renderTargets(plan: PlanData): HTMLElement {
  const phases = [...plan.phases].sort((a, b) => a.ordinal - b.ordinal);
  return el(
    'div',
    { class: 'phases' },
    ...phases.map((phase) => {
      const targets = [...phase.targets].sort((a, b) => a.year - b.year || (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.id.localeCompare(b.id));
      return el(
        'div',
        { class: 'phase', 'data-phase-id': phase.id, 'data-end-year': phase.endYear },
        el('h3', {}, label(lang, phase), el('span', { class: 'muted count' }, ` · ${targets.length}`)),
        el(
          'ul',
          { class: 'targets' },
          ...targets.map((target) =>
            el(
              'li',
              { class: 'target', 'data-target-id': target.id, 'data-quantity': target.quantity, 'data-year': target.year },
              el('div', { class: 'qty' }, el('span', { class: 'cmp' }, comparatorSymbol(target.comparator)), el('span', { class: 'num' }, target.quantity)),
              el(
                'div',
                { class: 'what' },
                el('div', { class: 'unit' }, lang === 'vi' ? target.unitVi || target.unit : target.unit),
                el('div', { class: 'target-name', title: label(lang, target) }, label(lang, target)),
              ),
              el('div', { class: 'meta' }, el('span', { class: 'year' }, `${t(lang, 'year')} ${target.year}`), sourceBadge(target.source)),
            ),
          ),
        ),
      );
    }),
  );
}

const TIMEFRAME_ORDER = ['BY_2025', 'BY_2030', 'ANNUAL', 'UNSPECIFIED'];

function renderTasks(tasks: readonly TaskRow[]): HTMLElement {
  const timeframes = TIMEFRAME_ORDER.filter((tf) => tasks.some((task) => task.timeframe === tf)).concat(
    [...new Set(tasks.map((task) => task.timeframe))].filter((tf) => !TIMEFRAME_ORDER.includes(tf)),
  );
  const leads = new Map<string, { agency: AgencyRef | null; counts: Map<string, number>; total: number }>();
  for (const task of tasks) {
    const key = task.lead?.id ?? '';
    const row = leads.get(key) ?? { agency: task.lead, counts: new Map<string, number>(), total: 0 };
    row.counts.set(task.timeframe, (row.counts.get(task.timeframe) ?? 0) + 1);
    row.total += 1;
    leads.set(key, row);
  }
  const rows = [...leads.values()].sort((a, b) => b.total - a.total || (a.agency ? agencyLabel(a.agency) : '~').localeCompare(b.agency ? agencyLabel(b.agency) : '~'));
  const totals = timeframes.map((tf) => tasks.filter((task) => task.timeframe === tf).length);

  const pivot = el(
    'table',
    { class: 'pivot', id: 'tasks-pivot' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t(lang, 'leadBody')), ...timeframes.map((tf) => el('th', { scope: 'col', class: 'num' }, timeframeLabel(lang, tf))), el('th', { scope: 'col', class: 'num' }, t(lang, 'total')))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { 'data-lead-id': row.agency?.id ?? '' },
          el('th', { scope: 'row' }, row.agency ? agencyLabel(row.agency) : t(lang, 'noLead')),
          ...timeframes.map((tf) => {
            const count = row.counts.get(tf) ?? 0;
            return el('td', { class: count ? 'num' : 'num zero', 'data-timeframe': tf }, count || '·');
          }),
          el('td', { class: 'num total' }, row.total),
        ),
      ),
    ),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, t(lang, 'total')), ...totals.map((n, i) => el('td', { class: 'num', 'data-timeframe': timeframes[i] }, n)), el('td', { class: 'num total', id: 'tasks-total' }, tasks.length))),
  );

  const list = el(
    'details',
    { class: 'task-list' },
    el('summary', {}, `${t(lang, 'taskList')} (${tasks.length})`),
    ...timeframes.map((tf) =>
      el(
        'div',
        { class: 'tf-group' },
        el('h4', {}, timeframeLabel(lang, tf)),
        el(
          'table',
          { class: 'list' },
          el(
            'tbody',
            {},
            ...tasks
              .filter((task) => task.timeframe === tf)
              .map((task) =>
                el(
                  'tr',
                  { 'data-task-id': task.id },
                  el('td', { class: 'code' }, task.code),
                  el('td', {}, label(lang, task)),
                  el('td', { class: 'lead' }, task.lead ? (task.lead.abbreviation ?? agencyLabel(task.lead)) : '—'),
                  el('td', {}, sourceBadge(task.source)),
                ),
              ),
          ),
        ),
      ),
    ),
  );
  return el('div', {}, el('div', { class: 'scroll-x' }, pivot), list);
}

const SECTION_ORDER: Record<string, number> = { APPENDIX: 0, TASKS_AND_SOLUTIONS: 1, ORGANISATION: 2, ARTICLE: 3 };

function renderMatrix(assignments: readonly AssignmentRow[]): HTMLElement {
  const tasks = new Map<string, AssignmentRow['task']>();
  const agencies = new Map<string, { agency: AssignmentRow['agency']; cells: Map<string, AssignmentRow[]> }>();
  for (const a of assignments) {
    tasks.set(a.task.id, a.task);
    const row = agencies.get(a.agency.id) ?? { agency: a.agency, cells: new Map<string, AssignmentRow[]>() };
    row.cells.set(a.task.id, [...(row.cells.get(a.task.id) ?? []), a]);
    agencies.set(a.agency.id, row);
  }
  const columns = [...tasks.values()].sort(
    (a, b) => (SECTION_ORDER[a.section] ?? 9) - (SECTION_ORDER[b.section] ?? 9) || (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.code.localeCompare(b.code, 'vi'),
  );
  const count = (row: { cells: Map<string, AssignmentRow[]> }, role: string) => [...row.cells.values()].flat().filter((a) => a.role === role).length;
  const rows = [...agencies.values()].sort(
    (a, b) => count(b, 'LEAD') - count(a, 'LEAD') || b.cells.size - a.cells.size || agencyLabel(a.agency).localeCompare(agencyLabel(b.agency), 'vi'),
  );
  const table = el(
    'table',
    { class: 'matrix', id: 'matrix' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', class: 'corner' }, t(lang, 'agency')),
        ...columns.map((task) => el('th', { scope: 'col', class: 'task-col', title: `${task.code}: ${label(lang, task)}`, 'data-task-id': task.id }, el('span', {}, task.code))),
        el('th', { scope: 'col', class: 'num' }, t(lang, 'roleLead')),
        el('th', { scope: 'col', class: 'num' }, t(lang, 'roleCoordinator')),
      ),
    ),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { 'data-agency-id': row.agency.id },
          el('th', { scope: 'row', class: 'agency', title: label(lang === 'vi' ? 'en' : 'vi', row.agency) }, agencyLabel(row.agency)),
          ...columns.map((task) => {
            const cell = row.cells.get(task.id) ?? [];
            const roles = [...new Set(cell.map((a) => a.role))].sort();
            if (roles.length === 0) return el('td', { class: 'cell empty' });
            const role = roles.includes('LEAD') ? 'LEAD' : 'COORDINATOR';
            const text = roles.map((r) => t(lang, r === 'LEAD' ? 'roleLead' : 'roleCoordinator')).join('/');
            const title = cell
              .map((a) => `${agencyLabel(row.agency)} ${t(lang, a.role === 'LEAD' ? 'roleLeadLong' : 'roleCoordinatorLong')} ${task.code} — ${a.source.document}, ${a.source.clause}`)
              .join('\n');
            return el('td', { class: `cell ${role === 'LEAD' ? 'lead' : 'coord'}`, 'data-role': role, 'data-roles': roles.join(' '), 'data-task-id': task.id, title }, text);
          }),
          el('td', { class: 'num' }, count(row, 'LEAD') || '·'),
          el('td', { class: 'num' }, count(row, 'COORDINATOR') || '·'),
        ),
      ),
    ),
  );
  const leads = assignments.filter((a) => a.role === 'LEAD').length;
  return el(
    'div',
    {},
    el(
      'p',
      { class: 'muted' },
      t(lang, 'matrixHint'),
      ' ',
      el('span', { id: 'matrix-summary', 'data-assignments': assignments.length, 'data-agencies': rows.length, 'data-tasks': columns.length, 'data-leads': leads }, `${rows.length} × ${columns.length} · ${leads} ${t(lang, 'roleLeadLong')}, ${assignments.length - leads} ${t(lang, 'roleCoordinatorLong')}`),
    ),
    el('div', { class: 'scroll-x' }, table),
  );
}

function docLine(doc: LegalDocumentRef | (NamedNode & { number: string | null; issuedOn: string | null; docType: string }), source?: Provenance): HTMLElement {
  return el(
    'div',
    { class: 'doc', 'data-document-id': doc.id },
    el('span', { class: `doctype ${doc.docType.toLowerCase()}` }, doc.docType),
    el('strong', {}, doc.number ?? ''),
    doc.number ? ' ' : '',
    el('span', { class: 'doc-name' }, label(lang, doc)),
    doc.issuedOn ? el('span', { class: 'muted' }, ` · ${doc.issuedOn}`) : '',
    source ? sourceBadge(source) : '',
  );
}

function renderLegal(legal: LegalData): HTMLElement {
  const links = legal.legalBasis ?? [];
  if (!legal.decision) return el('p', { class: 'muted' }, DECISION_ID);
  const byCiting = new Map<string, LegalBasisLink[]>();
  for (const link of links) byCiting.set(link.citing.id, [...(byCiting.get(link.citing.id) ?? []), link]);
  const seen = new Set<string>([legal.decision.id]);
  const branch = (id: string): HTMLElement | null => {
    const children = (byCiting.get(id) ?? []).filter((link) => !seen.has(link.document.id));
    if (children.length === 0) return null;
    for (const link of children) seen.add(link.document.id);
    return el('ul', { class: 'tree' }, ...children.map((link) => el('li', { 'data-depth': link.depth }, docLine(link.document, link.source), branch(link.document.id))));
  };
  const maxDepth = links.reduce((max, link) => Math.max(max, link.depth), 0);
  return el(
    'div',
    { class: 'legal', id: 'legal-chain', 'data-links': links.length, 'data-max-depth': maxDepth },
    el('ul', { class: 'tree root' }, el('li', {}, docLine(legal.decision), el('div', { class: 'muted rests-on' }, `↳ ${t(lang, 'restsOn')}`), branch(legal.decision.id))),
  );
}

function renderSearch(): void {
  const search = data.search;
  if (!search) {
    searchResults.hidden = true;
    return;
  }
  searchResults.hidden = false;
  const close = el('button', { type: 'button', class: 'btn small', 'aria-label': 'Close', onclick: () => { data.search = undefined; renderSearch(); } }, '×');
  searchResults.replaceChildren(
    el('header', { class: 'card-head' }, el('h2', {}, `${t(lang, 'searchResults')}: “${search.text}”`, el('span', { class: 'muted count' }, ` · ${search.hits.length}`)), close),
    search.fallback ? el('p', { class: 'muted' }, t(lang, 'searchFallback')) : '',
    search.hits.length === 0
      ? el('p', { class: 'muted' }, t(lang, 'searchNone'))
      : el(
          'ul',
          { class: 'hits', id: 'search-hits' },
          ...search.hits.map((hit) =>
            el(
              'li',
              { 'data-node-id': hit.node.id },
              el('span', { class: 'kind', style: `--kind:${KIND_COLOURS[hit.node.__typename] ?? '#999'}` }, kindLabel(lang, hit.node.__typename)),
              el('button', { type: 'button', class: 'link', onclick: () => void showInGraph(hit.node) }, label(lang, hit.node)),
              hit.snippet ? el('span', { class: 'snippet muted' }, snippet(hit.snippet)) : '',
            ),
          ),
        ),
  );
}

function renderDetails(): void {
  const selected = data.selected;
  if (!selected) {
    graphDetails.replaceChildren(el('p', { class: 'muted' }, t(lang, 'graphHint')));
    return;
  }
  const { node, details } = selected;
  const other = lang === 'vi' ? node.name : node.nameVi;
  graphDetails.replaceChildren(
    el('div', { class: 'muted' }, t(lang, 'selected')),
    el('span', { class: 'kind', style: `--kind:${KIND_COLOURS[node.__typename] ?? '#999'}` }, kindLabel(lang, node.__typename)),
    el('h3', { id: 'selected-name' }, label(lang, node)),
    other && other !== label(lang, node) ? el('p', { class: 'muted other-lang' }, other) : '',
    el('code', { class: 'node-id' }, node.id),
    details?.description ? el('p', {}, details.description) : '',
    details ? el('p', {}, sourceBadge(details.source)) : '',
  );
}

function renderLegend(): void {
  const kinds = [...new Set(graph.cy.nodes().map((n) => n.data('kind') as string))].sort();
  graphLegend.replaceChildren(...kinds.map((kind) => el('span', { class: 'kind', style: `--kind:${KIND_COLOURS[kind] ?? '#999'}` }, kindLabel(lang, kind))));
}

function renderAll(): void {
  renderHeader();
  if (data.plan) sectionBodies.targets.replaceChildren(renderTargets(data.plan));
  if (data.tasks) sectionBodies.tasks.replaceChildren(renderTasks(data.tasks));
  if (data.assignments) sectionBodies.matrix.replaceChildren(renderMatrix(data.assignments));
  if (data.legal) sectionBodies.legal.replaceChildren(renderLegal(data.legal));
  renderSearch();
  renderDetails();
  if (graph) renderLegend();
}

function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(LANG_KEY, next);
  graph.setLang(next);
  renderAll();
}

function showError(id: SectionId, error: unknown): void {
  sections[id].dataset.state = 'error';
  sectionBodies[id].replaceChildren(el('p', { class: 'error' }, `${t(lang, 'failed')}: ${error instanceof Error ? error.message : String(error)}`));
}

// ---------------------------------------------------------------- graph

const source = new NeighbourhoodSource();
const graph = new GraphView(graphCanvas, lang, source, {
  onSelect(node) {
    data.selected = { node };
    renderDetails();
    void gql<{ node: { description: string | null; source: Provenance } | null }>(NODE_DETAILS_QUERY, { id: node.id })
      .then((answer) => {
        if (answer.node && data.selected?.node.id === node.id) {
          data.selected = { node, details: answer.node };
          renderDetails();
        }
      })
      .catch(() => undefined);
  },
  onChange(nodes, edges) {
    graphStatus.dataset.nodes = String(nodes);
    graphStatus.dataset.edges = String(edges);
    graphStatus.textContent = `${nodes} ${t(lang, 'nodes')} · ${edges} ${t(lang, 'relationships')}`;
    renderLegend();
  },
  onError(error) {
    graphStatus.textContent = `${t(lang, 'failed')}: ${error instanceof Error ? error.message : String(error)}`;
  },
});
graphReset.addEventListener('click', () => void graph.reset(DECISION_ID));
graphFit.addEventListener('click', () => graph.fit());

async function showInGraph(node: NamedNode): Promise<void> {
  sections.graph.scrollIntoView({ behavior: 'smooth', block: 'start' });
  await graph.expand(node.id, true);
}

// ---------------------------------------------------------------- search

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = searchInput.value.trim();
  if (!text) return;
  void runSearch(text);
});

async function runSearch(text: string): Promise<void> {
  searchResults.hidden = false;
  searchResults.replaceChildren(el('p', { class: 'muted' }, t(lang, 'loading')));
  try {
    const answer = await gql<{ search: { nodes: SearchHit[] } }>(SEARCH_QUERY, { text });
    data.search = { text, hits: answer.search.nodes, fallback: false };
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    try {
      const answer = await gql<Record<string, { nodes: NamedNode[] }>>(NAME_SEARCH_QUERY, { name: { contains: text } });
      const hits = Object.values(answer).flatMap((list) => list.nodes.map((node) => ({ score: 0, matchedField: 'NAME', snippet: '', node })));
      data.search = { text, hits, fallback: true };
    } catch (fallbackError) {
      searchResults.replaceChildren(el('p', { class: 'error' }, `${t(lang, 'failed')}: ${fallbackError instanceof Error ? fallbackError.message : String(fallbackError)}`));
      return;
    }
  }
  renderSearch();
}

// ---------------------------------------------------------------- loading

async function load<T>(id: SectionId, run: () => Promise<T>, keep: (value: T) => void): Promise<void> {
  try {
    keep(await run());
    sections[id].dataset.state = 'ready';
    renderAll();
  } catch (error) {
    showError(id, error);
  }
}

renderAll();
const ready = Promise.all([
  load('targets', () => gql<{ node: PlanData | null }>(TARGETS_QUERY, { plan: PLAN_ID }), (answer) => {
    if (!answer.node) throw new Error(`${PLAN_ID} not found`);
    data.plan = answer.node;
  }),
  load('tasks', () => gql<{ tasks: { nodes: TaskRow[] } }>(TASKS_QUERY, { plan: PLAN_ID }), (answer) => (data.tasks = answer.tasks.nodes)),
  load('matrix', () => gql<{ assignments: { nodes: AssignmentRow[] } }>(ASSIGNMENTS_QUERY, { plan: PLAN_ID }), (answer) => (data.assignments = answer.assignments.nodes)),
  load('legal', () => gql<LegalData>(LEGAL_BASIS_QUERY, { document: DECISION_ID }), (answer) => (data.legal = answer)),
  graph.reset(DECISION_ID).then(() => {
    sections.graph.dataset.state = 'ready';
  }),
]).then(() => {
  document.body.dataset.ready = 'true';
});

/** For tests and the browser console: the graph, and a promise of the first full render. */
(window as unknown as { kgDashboard: unknown }).kgDashboard = {
  ready,
  graph,
  nodePosition: (id: string) => graph.renderedPosition(id),
  nodeIds: () => graph.cy.nodes().map((node) => node.id()),
};
