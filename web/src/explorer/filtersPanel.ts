import { el } from '../shared/dom';
import type { Lang } from '../shared/i18n';
import { kindColour } from '../shared/kinds';
import { kindLabel, relationshipLabel } from '../shared/strings';
import { t } from './strings';

/** What is on the canvas, per kind and per relationship type. */
export interface Present {
  readonly kinds: ReadonlyMap<string, number>;
  readonly types: ReadonlyMap<string, number>;
}

export interface FilterState {
  readonly hiddenKinds: Set<string>;
  readonly hiddenTypes: Set<string>;
}

function box(name: string, value: string, text: string, count: number, checked: boolean, swatch: string | null, onChange: (value: string, on: boolean) => void): HTMLElement {
  const input = el('input', { type: 'checkbox', name, value, checked, onchange: (event: Event) => onChange(value, (event.target as HTMLInputElement).checked) });
  return el('label', { class: 'filter' }, input, swatch ? el('span', { class: 'swatch', style: `--kind:${swatch}`, 'aria-hidden': 'true' }) : '', ` ${text} `, el('span', { class: 'muted' }, `(${count})`));
}

/**
 * Checkboxes for every node kind and relationship type on the canvas (with
 * how many there are): unticking one hides them; the kinds double as the legend.
 */
export function renderFilters(lang: Lang, present: Present, state: FilterState, onChange: () => void): HTMLElement[] {
  const toggle = (set: Set<string>) => (value: string, on: boolean) => {
    if (on) set.delete(value);
    else set.add(value);
    onChange();
  };
  const kinds = [...present.kinds.entries()].sort((a, b) => kindLabel(lang, a[0]).localeCompare(kindLabel(lang, b[0]), lang));
  const types = [...present.types.entries()].sort((a, b) => relationshipLabel(lang, a[0]).localeCompare(relationshipLabel(lang, b[0]), lang));
  return [
    el(
      'fieldset',
      { class: 'filters', id: 'filter-kinds' },
      el('legend', {}, t(lang, 'kinds')),
      ...kinds.map(([kind, count]) => box('kind', kind, kindLabel(lang, kind), count, !state.hiddenKinds.has(kind), kindColour(kind), toggle(state.hiddenKinds))),
    ),
    el(
      'fieldset',
      { class: 'filters', id: 'filter-types' },
      el('legend', {}, t(lang, 'types')),
      ...types.map(([type, count]) => box('type', type, relationshipLabel(lang, type), count, !state.hiddenTypes.has(type), null, toggle(state.hiddenTypes))),
    ),
  ];
}
