import { el } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import type { GraphNode, GraphPath } from './queries';
import { stepSentence } from './sentences';
import { t } from './strings';

/** The state of the "how are these two connected" panel. */
export interface PathState {
  readonly ends: readonly GraphNode[];
  readonly loading: boolean;
  readonly paths: readonly GraphPath[] | null;
  readonly error: string | null;
}

/**
 * The two selected ends, the button that asks the API's `paths`, and each
 * shortest path found as numbered sentences, each with the clause it comes
 * from and the Vietnamese wording quoted from it.
 */
export function renderPathPanel(lang: Lang, state: PathState, onConnect: () => void, onShow: (index: number) => void): HTMLElement[] {
  const [a, b] = state.ends;
  const ends = el(
    'dl',
    { class: 'ends' },
    el('dt', {}, t(lang, 'from')),
    el('dd', { id: 'path-from' }, a ? label(lang, a) : '—'),
    el('dt', {}, t(lang, 'to')),
    el('dd', { id: 'path-to' }, b ? label(lang, b) : '—'),
  );
  const button = el('button', { type: 'button', class: 'btn primary', id: 'path-find', disabled: !(a && b) || state.loading, onclick: onConnect }, t(lang, 'connect'));
  const out: HTMLElement[] = [el('p', { class: 'muted' }, t(lang, 'connectionHint')), ends, button];
  if (state.loading) out.push(el('p', { class: 'muted' }, t(lang, 'loading')));
  if (state.error) out.push(el('p', { class: 'error' }, `${t(lang, 'failed')}: ${state.error}`));
  if (state.paths && state.paths.length === 0) out.push(el('p', { class: 'muted', id: 'path-none' }, t(lang, 'noPath')));
  state.paths?.forEach((path, index) => {
    const nodes = new Map(path.nodes.map((node) => [node.id, node]));
    out.push(
      el(
        'section',
        { class: 'path', 'data-path-index': index, 'data-length': path.length },
        el(
          'h3',
          { class: 'path-title' },
          el('button', { type: 'button', class: 'link', onclick: () => onShow(index) }, `${t(lang, 'pathOf')} ${index + 1}`),
          el('span', { class: 'muted' }, ` · ${path.length} ${t(lang, 'steps')}`),
        ),
        el(
          'ol',
          { class: 'sentences' },
          ...path.steps.map((step) =>
            el(
              'li',
              { class: 'sentence', 'data-type': step.relationship.type },
              el('span', { class: 'text' }, stepSentence(lang, step, nodes)),
              lang === 'vi' ? el('span', { class: 'muted sentence-en', lang: 'en' }, step.sentence) : '',
              ' ',
              el('span', { class: 'clause' }, `${step.relationship.source.document}, ${step.relationship.source.clause}`),
              step.relationship.source.quote ? el('q', { class: 'quote', lang: 'vi' }, step.relationship.source.quote) : '',
            ),
          ),
        ),
      ),
    );
  });
  return out;
}
