import '@graphiql/react/font/roboto.css';
import '../shared/base.css';
import './dashboard.css';

import { gql } from '../shared/api';
import { asOfControl, asOfFromUrl } from '../shared/asOfControl';
import { pageDate, setPageDate } from '../shared/pageDate';
import { el } from '../shared/dom';
import { formatDate, label, type Lang } from '../shared/i18n';
import { storedLang, storeLang } from '../shared/langStore';
import { langToggle } from '../shared/langToggle';
import { idePath } from '../shared/settings';
import { renderLegal, type LegalData } from './legalSection';
import { CARRIERS_QUERY, carriedRows, chainsOf, succeededBodies, type CarriersAnswer, type Chains } from './carriedRows';
import { loadChanges, renderChanges, type ChangesData } from './changesSection';
import { renderMatrix } from './matrixSection';
import { createRecordSections } from './recordSections';
import { ASSIGNMENTS_QUERY, DECISION_ID, LEGAL_BASIS_QUERY, PLAN_ID, TARGETS_QUERY, TASKS_QUERY, type AssignmentRow, type PlanData, type TaskRow } from './queries';
import { renderSearch, runSearch, type SearchState } from './searchSection';
import { t, type DashboardString } from './strings';
import { renderTargets } from './targetsSection';
import { renderTasks } from './tasksSection';

/** Where the graph explorer is; search hits and the graph card open it. */
const EXPLORER_PATH = '/explore/graph';

let lang: Lang = storedLang();
/** The date the matrix, the targets and the changes are shown as of (null: as the plan's text names the bodies). */
let asOf: string | null = asOfFromUrl();
setPageDate(asOf);
const data: { plan?: PlanData; tasks?: readonly TaskRow[]; assignments?: readonly AssignmentRow[]; legal?: LegalData; search?: SearchState; changes?: ChangesData; chains?: Chains } = {};

type SectionId = 'targets' | 'tasks' | 'matrix' | 'legal' | 'graph' | 'changes';
const SECTION_TITLES: Record<SectionId, DashboardString> = { targets: 'targets', tasks: 'tasks', matrix: 'matrix', legal: 'legal', graph: 'graph', changes: 'changes' };
const SECTION_EXAMPLES: Record<SectionId, string> = { targets: 'targets-by-phase', tasks: 'due-by-2025', matrix: 'who-coordinates-what', legal: 'legal-basis', graph: 'neighbourhood', changes: 'who-coordinates-what' };

const ide = idePath();
const explorerHref = (id?: string): string => (id ? `${EXPLORER_PATH}?focus=${encodeURIComponent(id)}` : EXPLORER_PATH);

// ---------------------------------------------------------------- layout

const app = document.getElementById('app');
if (!app) throw new Error('#app is missing');

const titleEl = el('h1', { class: 'plan-title' });
const subtitleEl = el('p', { class: 'plan-subtitle' });
const searchInput = el('input', { type: 'search', name: 'q', id: 'search-input', autocomplete: 'off' });
const searchButton = el('button', { type: 'submit', class: 'btn primary', id: 'search-button' });
const searchForm = el('form', { class: 'search', role: 'search', id: 'search-form' }, searchInput, searchButton);
const toggle = langToggle((next) => setLang(next));
const dateControl = asOfControl(asOf, (next) => {
  asOf = next;
  setPageDate(next);
  void loadDated();
  void records.load();
});
const explorerLink = el('a', { class: 'btn', href: EXPLORER_PATH, id: 'explorer-link' });
const ideHeaderLink = ide ? el('a', { class: 'btn', href: ide, id: 'ide-link' }) : null;
const searchResults = el('section', { class: 'search-results card', id: 'search-results', hidden: true, 'aria-live': 'polite' });
const footer = el('footer', { class: 'foot muted', id: 'footer' });

const sections = {} as Record<SectionId, HTMLElement>;
const bodies = {} as Record<SectionId, HTMLElement>;
const titles = {} as Record<SectionId, HTMLElement>;
const makeSection = (id: SectionId, extraClass = ''): HTMLElement => {
  titles[id] = el('h2', { id: `title-${id}` });
  bodies[id] = el('div', { class: 'card-body' }, el('p', { class: 'muted' }, t(lang, 'loading')));
  sections[id] = el('section', { class: `card ${extraClass}`, id: `section-${id}`, 'data-state': 'loading', 'aria-labelledby': `title-${id}` }, el('header', { class: 'card-head' }, titles[id]), bodies[id]);
  return sections[id];
};

// Progress and the task grid: as of the date chosen, else today (the pages' default date is the decision's, for the structure).
const records = createRecordSections(PLAN_ID, lang, () => asOf ?? undefined);

app.replaceChildren(
  el('header', { class: 'top' }, el('div', { class: 'brand' }, titleEl, subtitleEl), el('div', { class: 'controls' }, searchForm, dateControl.element, toggle.element, explorerLink, ideHeaderLink)),
  searchResults,
  el('main', { class: 'grid' }, makeSection('targets', 'span-2'), ...records.elements, makeSection('tasks'), makeSection('legal'), makeSection('matrix', 'span-2'), makeSection('changes', 'span-2'), makeSection('graph', 'span-2')),
  footer,
);

// ---------------------------------------------------------------- rendering

function renderHeader(): void {
  document.documentElement.lang = lang;
  document.title = `${t(lang, 'title')} · 202/QĐ-UBND`;
  const plan = data.plan;
  titleEl.textContent = plan ? label(lang, plan) : t(lang, 'title');
  const decision = plan?.issuedIn[0];
  subtitleEl.replaceChildren(
    el('span', { class: 'pill' }, t(lang, 'title')),
    decision ? ` ${t(lang, 'decision')} ${decision.number ?? ''}` : '',
    decision?.issuedOn ? el('span', { id: 'decision-date', 'data-iso': decision.issuedOn }, ` · ${formatDate(lang, decision.issuedOn)}`) : '',
    plan?.startYear && plan.endYear ? ` · ${plan.startYear}–${plan.endYear}` : '',
  );
  searchInput.placeholder = t(lang, 'searchPlaceholder');
  searchInput.setAttribute('aria-label', t(lang, 'searchLabel'));
  searchButton.textContent = t(lang, 'searchButton');
  toggle.update(lang, t(lang, 'language'));
  dateControl.update(lang);
  explorerLink.textContent = t(lang, 'openExplorer');
  if (ideHeaderLink) ideHeaderLink.textContent = t(lang, 'openIde');
  for (const id of Object.keys(SECTION_TITLES) as SectionId[]) {
    titles[id].replaceChildren(
      t(lang, SECTION_TITLES[id]),
      ide ? el('a', { class: 'ide-link', href: `${ide}?example=${SECTION_EXAMPLES[id]}`, title: t(lang, 'openIde') }, 'GraphQL ↗') : '',
    );
  }
  footer.replaceChildren(`${t(lang, 'dataFrom')} (POST /graphql) · 202/QĐ-UBND`);
}

function renderGraphCard(): HTMLElement {
  return el('div', { class: 'graph-card' }, el('p', {}, t(lang, 'graphIntro')), el('a', { class: 'btn primary', href: explorerHref(DECISION_ID), id: 'graph-open' }, `${t(lang, 'openExplorer')} →`));
}

function renderSearchResults(): void {
  const search = data.search;
  searchResults.hidden = !search;
  if (!search) return;
  searchResults.replaceChildren(
    ...renderSearch(lang, search, {
      close: () => {
        data.search = undefined;
        renderSearchResults();
      },
      more: () => void search_(search.text, search),
      href: (id) => explorerHref(id),
    }),
  );
}

function renderAll(): void {
  renderHeader();
  if (data.plan) bodies.targets.replaceChildren(renderTargets(lang, data.plan));
  if (data.tasks) bodies.tasks.replaceChildren(renderTasks(lang, data.tasks));
  if (data.assignments) bodies.matrix.replaceChildren(renderMatrix(lang, asOf ? carriedRows(data.assignments, data.chains).rows : data.assignments));
  if (data.changes) bodies.changes.replaceChildren(renderChanges(lang, data.changes, asOf));
  if (data.legal) bodies.legal.replaceChildren(renderLegal(lang, data.legal));
  records.render(lang);
  bodies.graph.replaceChildren(renderGraphCard());
  sections.graph.dataset.state = 'ready';
  renderSearchResults();
}

function setLang(next: Lang): void {
  lang = next;
  storeLang(next);
  renderAll();
}

// ---------------------------------------------------------------- search

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = searchInput.value.trim();
  if (text) void search_(text);
});

async function search_(text: string, previous?: SearchState): Promise<void> {
  if (!previous) {
    searchResults.hidden = false;
    searchResults.replaceChildren(el('p', { class: 'muted' }, t(lang, 'loading')));
  }
  try {
    data.search = await runSearch(text, previous);
    renderSearchResults();
  } catch (error) {
    searchResults.replaceChildren(el('p', { class: 'error' }, `${t(lang, 'failed')}: ${error instanceof Error ? error.message : String(error)}`));
  }
}

// ---------------------------------------------------------------- loading

async function load<T>(id: SectionId, run: () => Promise<T>, keep: (value: T) => void): Promise<void> {
  try {
    keep(await run());
    sections[id].dataset.state = 'ready';
    renderAll();
  } catch (error) {
    sections[id].dataset.state = 'error';
    bodies[id].replaceChildren(el('p', { class: 'error' }, `${t(lang, 'failed')}: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Which choice of date the latest dated load is for; an answer for an earlier choice is dropped. */
let datedGeneration = 0;

/** Loads what the chosen date changes (targets and matrix, sent with `asOf`), then marks both sections with the date shown. */
async function loadDated(): Promise<void> {
  const generation = ++datedGeneration;
  const shown = asOf;
  const date = pageDate();
  const current = (): boolean => generation === datedGeneration;
  const dated = ['targets', 'matrix', 'tasks', 'legal'] as const;
  for (const id of dated) sections[id].dataset.state = 'loading';
  await Promise.all([
    load('tasks', () => gql<{ tasks: { nodes: TaskRow[] } }>(TASKS_QUERY, { plan: PLAN_ID, asOf: date }), (answer) => {
      if (current()) data.tasks = answer.tasks.nodes;
    }),
    load('legal', () => gql<LegalData>(LEGAL_BASIS_QUERY, { document: DECISION_ID, asOf: date }), (answer) => {
      if (current()) data.legal = answer;
    }),
    load('targets', () => gql<{ node: PlanData | null }>(TARGETS_QUERY, { plan: PLAN_ID, asOf: date }), (answer) => {
      if (!answer.node) throw new Error(`${PLAN_ID} not found`);
      if (current()) data.plan = answer.node;
    }),
    load(
      'matrix',
      async () => {
        const answer = await gql<{ assignments: { nodes: AssignmentRow[] } }>(ASSIGNMENTS_QUERY, { plan: PLAN_ID, asOf: date });
        const ids = shown ? succeededBodies(answer.assignments.nodes) : [];
        const chains = ids.length > 0 ? chainsOf(await gql<CarriersAnswer>(CARRIERS_QUERY, { ids, asOf: date })) : new Map();
        return { assignments: answer.assignments.nodes, chains };
      },
      (answer) => {
        if (!current()) return;
        data.assignments = answer.assignments;
        data.chains = answer.chains;
      },
    ),
  ]);
  if (!current()) return;
  for (const id of dated) sections[id].dataset.asOf = shown ?? '';
  renderAll();
}

renderAll();
const ready = Promise.all([
  loadDated(),
  records.load(),
  load('changes', () => loadChanges(), (answer) => (data.changes = answer)),
]).then(() => {
  document.body.dataset.ready = 'true';
});

/** For tests and the browser console: a promise of the first full render. */
(window as unknown as { kgDashboard: unknown }).kgDashboard = { ready };
