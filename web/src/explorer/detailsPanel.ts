import { el } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import { kindColour } from '../shared/kinds';
import { kindLabel, relationshipLabel } from '../shared/strings';
import type { GraphNode, NodeDetails } from './queries';
import { t } from './strings';

/** A relationship of the selected node that is on the canvas. */
export interface NeighbourLink {
  readonly type: string;
  /** True when the selected node is the relationship's `from` end. */
  readonly outgoing: boolean;
  readonly node: GraphNode;
}

export interface DetailsActions {
  expand(id: string): void;
  collapse(id: string): void;
  go(id: string): void;
}

/** A kind chip: the kind's colour and name. */
export function kindChip(lang: Lang, kind: string): HTMLElement {
  return el('span', { class: 'kind', style: `--kind:${kindColour(kind)}` }, kindLabel(lang, kind));
}

/**
 * The selected node: kind, full name in `lang` (and the other language's),
 * id, the clause it comes from with its Vietnamese wording (the API's
 * `source.quote`), the English note (`description`; the API has no Vietnamese
 * one, so it is marked as English), expand and collapse, and its
 * relationships on the canvas as buttons in a list that opens (the keyboard's way along them).
 */
export function renderDetails(
  lang: Lang,
  node: GraphNode | undefined,
  details: NodeDetails | undefined,
  links: readonly NeighbourLink[],
  expanded: boolean,
  actions: DetailsActions,
): (HTMLElement | string)[] {
  if (!node) return [el('p', { class: 'muted' }, t(lang, 'nothingSelected'))];
  const name = label(lang, node);
  const other = lang === 'vi' ? node.name : node.nameVi;
  const byType = new Map<string, NeighbourLink[]>();
  for (const link of links) byType.set(`${link.outgoing ? '→' : '←'} ${relationshipLabel(lang, link.type)}`, [...(byType.get(`${link.outgoing ? '→' : '←'} ${relationshipLabel(lang, link.type)}`) ?? []), link]);
  const quote = details?.source.quote;
  return [
    kindChip(lang, node.__typename),
    el('h3', { id: 'selected-name' }, name),
    other && other !== name ? el('p', { class: 'muted other-lang', lang: lang === 'vi' ? 'en' : 'vi' }, other) : '',
    el('code', { class: 'node-id' }, node.id),
    el(
      'div',
      { class: 'detail-actions' },
      el('button', { type: 'button', class: 'btn small', id: 'details-expand', disabled: expanded, onclick: () => actions.expand(node.id) }, t(lang, 'expand')),
      el('button', { type: 'button', class: 'btn small', id: 'details-collapse', disabled: !expanded, onclick: () => actions.collapse(node.id) }, t(lang, 'collapse')),
    ),
    details
      ? el(
          'p',
          { class: 'source', id: 'details-source' },
          el('span', { class: 'clause' }, `${details.source.document}, ${details.source.clause}`),
          quote ? el('span', { class: 'quote', lang: 'vi', id: 'details-quote' }, ` “${quote}”`) : '',
        )
      : el('p', { class: 'muted' }, t(lang, 'loading')),
    details?.description
      ? el('p', { class: 'description', id: 'details-description', lang: 'en' }, lang === 'vi' ? el('span', { class: 'muted' }, `${t(lang, 'descriptionEn')}: `) : '', details.description)
      : '',
    links.length > 0
      ? el(
          'details',
          { class: 'neighbour-list', id: 'details-neighbours' },
          el('summary', {}, `${t(lang, 'neighbours')} (${links.length})`),
          ...[...byType.entries()].map(([type, group]) =>
            el(
              'div',
              { class: 'neighbour-group' },
              el('div', { class: 'muted rel-type' }, type),
              el(
                'ul',
                { class: 'neighbours' },
                ...group.map((link) =>
                  el('li', {}, el('button', { type: 'button', class: 'link', 'data-node-id': link.node.id, onclick: () => actions.go(link.node.id) }, label(lang, link.node))),
                ),
              ),
            ),
          ),
        )
      : '',
  ];
}
