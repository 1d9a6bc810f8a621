import { el } from '../shared/dom';
import type { Lang } from '../shared/i18n';
import { langToggle } from '../shared/langToggle';
import { t } from './strings';

/** What the page's controls ask for. */
export interface ViewActions {
  onLang(lang: Lang): void;
  onSearch(text: string): void;
  onFit(): void;
  onZoom(factor: number): void;
  onReset(): void;
  onCollapse(): void;
  onExportPng(): void;
  onExportSvg(): void;
  onDepth(depth: number): void;
  onLimit(limit: number): void;
  /** Where the IDE is ('' when it is turned off). */
  readonly ide: string;
  readonly depth: number;
  readonly limit: number;
}

/** The explorer's page: header (search, language, links), filters, the canvas with its toolbar, details and connection panels. */
export interface ExplorerView {
  readonly canvas: HTMLElement;
  readonly tooltip: HTMLElement;
  readonly status: HTMLElement;
  readonly live: HTMLElement;
  readonly filters: HTMLElement;
  readonly details: HTMLElement;
  readonly path: HTMLElement;
  readonly searchResults: HTMLElement;
  setBusy(busy: boolean): void;
  /** Writes every fixed text of the page in `lang`. */
  renderChrome(lang: Lang): void;
}

export function buildLayout(actions: ViewActions): ExplorerView {
  const app = document.getElementById('app');
  if (!app) throw new Error('#app is missing');
  const texts: [HTMLElement, Parameters<typeof t>[1], 'text' | 'label' | 'placeholder'][] = [];
  const text = <E extends HTMLElement>(element: E, key: Parameters<typeof t>[1], kind: 'text' | 'label' | 'placeholder' = 'text'): E => {
    texts.push([element, key, kind]);
    return element;
  };
  const button = (id: string, key: Parameters<typeof t>[1], onclick: () => void, symbol?: string): HTMLElement =>
    symbol
      ? text(el('button', { type: 'button', class: 'btn small', id, onclick }, symbol), key, 'label')
      : text(el('button', { type: 'button', class: 'btn small', id, onclick }), key);

  const searchInput = text(el('input', { type: 'search', id: 'search-input', name: 'q', autocomplete: 'off' }), 'searchPlaceholder', 'placeholder');
  text(searchInput, 'searchLabel', 'label');
  const searchForm = el(
    'form',
    { class: 'search', role: 'search', id: 'search-form' },
    searchInput,
    text(el('button', { type: 'submit', class: 'btn primary', id: 'search-button' }), 'searchButton'),
  );
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = searchInput.value.trim();
    if (value) actions.onSearch(value);
  });
  const toggle = langToggle(actions.onLang);
  const depthSelect = el('select', { id: 'depth', onchange: (e: Event) => actions.onDepth(Number((e.target as HTMLSelectElement).value)) }, ...[1, 2, 3].map((d) => el('option', { value: d, selected: d === actions.depth }, d)));
  const limitInput = el('input', { type: 'number', id: 'limit', min: 10, max: 2000, step: 10, value: actions.limit, onchange: (e: Event) => actions.onLimit(Math.min(2000, Math.max(10, Number((e.target as HTMLInputElement).value) || 150))) });

  const canvas = el('div', { class: 'canvas', id: 'graph-canvas', tabindex: 0, role: 'application', 'aria-describedby': 'keys-help' });
  text(canvas, 'canvasLabel', 'label');
  const tooltip = el('div', { class: 'tooltip', id: 'graph-tooltip', role: 'tooltip', hidden: true });
  const status = el('span', { class: 'status', id: 'graph-status', 'data-nodes': '0', 'data-edges': '0', 'aria-live': 'polite' });
  const live = el('p', { class: 'visually-hidden', id: 'graph-live', 'aria-live': 'polite' });
  const filters = el('div', { id: 'filters' });
  const details = el('div', { id: 'graph-details' });
  const path = el('div', { id: 'path-panel' });
  const searchResults = el('div', { class: 'search-results', id: 'search-results', hidden: true });
  const title = text(el('h1', {}), 'title');
  const links = el(
    'nav',
    { class: 'links' },
    text(el('a', { class: 'btn', href: '/dashboard', id: 'dashboard-link' }), 'dashboard'),
    actions.ide ? text(el('a', { class: 'btn', href: actions.ide, id: 'ide-link' }), 'ide') : '',
  );

  app.replaceChildren(
    el('header', { class: 'top' }, el('div', { class: 'brand' }, title, text(el('p', { class: 'muted subtitle' }), 'subtitle')), el('div', { class: 'controls' }, searchForm, toggle.element, links)),
    el(
      'main',
      { class: 'explorer' },
      el(
        'aside',
        { class: 'side left', 'aria-labelledby': 'filters-title' },
        searchResults,
        text(el('h2', { id: 'filters-title' }), 'filters'),
        el('label', { class: 'field' }, text(el('span', {}), 'depth'), depthSelect),
        el('label', { class: 'field' }, text(el('span', {}), 'limit'), limitInput),
        filters,
      ),
      el(
        'section',
        { class: 'stage', 'aria-labelledby': 'canvas-title' },
        el(
          'div',
          { class: 'toolbar', role: 'toolbar' },
          text(el('h2', { id: 'canvas-title', class: 'visually-hidden' }), 'title'),
          status,
          button('graph-fit', 'fit', actions.onFit),
          button('graph-zoom-in', 'zoomIn', () => actions.onZoom(1.25), '+'),
          button('graph-zoom-out', 'zoomOut', () => actions.onZoom(0.8), '−'),
          button('graph-collapse', 'collapse', actions.onCollapse),
          button('graph-reset', 'reset', actions.onReset),
          button('export-png', 'exportPng', actions.onExportPng),
          button('export-svg', 'exportSvg', actions.onExportSvg),
        ),
        el('div', { class: 'canvas-wrap' }, canvas, tooltip),
        text(el('p', { class: 'muted keys', id: 'keys-help' }), 'keysHelp'),
        live,
      ),
      el(
        'aside',
        { class: 'side right' },
        el('section', { 'aria-labelledby': 'details-title' }, text(el('h2', { id: 'details-title' }), 'details'), details),
        el('section', { 'aria-labelledby': 'path-title', class: 'path-section' }, text(el('h2', { id: 'path-title' }), 'connection'), path),
      ),
    ),
  );

  return {
    canvas,
    tooltip,
    status,
    live,
    filters,
    details,
    path,
    searchResults,
    setBusy(busy) {
      canvas.setAttribute('aria-busy', String(busy));
    },
    renderChrome(lang) {
      toggle.update(lang, t(lang, 'language'));
      document.title = `${t(lang, 'title')} · 202/QĐ-UBND`;
      for (const [element, key, kind] of texts) {
        if (kind === 'text') element.textContent = t(lang, key);
        else if (kind === 'label') {
          element.setAttribute('aria-label', t(lang, key));
          if (element instanceof HTMLButtonElement) element.title = t(lang, key);
        } else (element as HTMLInputElement).placeholder = t(lang, key);
      }
    },
  };
}
