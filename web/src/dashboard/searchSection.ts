import { gql, GraphQLRequestError } from '../shared/api';
import { el, snippet } from '../shared/dom';
import { pageDate } from '../shared/pageDate';
import { countOf, label, type Lang } from '../shared/i18n';
import { kindColour } from '../shared/kinds';
import { kindLabel } from '../shared/strings';
import { NAME_SEARCH_QUERY, SEARCH_QUERY, type NamedNode, type SearchHit } from './queries';
import { t } from './strings';

/** What the search shows: the hits so far, how many the API counts, and where the next page starts. */
export interface SearchState {
  readonly text: string;
  readonly hits: readonly SearchHit[];
  readonly total: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  /** True when full-text search failed and the lists' name filters answered. */
  readonly fallback: boolean;
}

interface SearchAnswer {
  search: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: SearchHit[] };
}

/**
 * Runs the search (or, with `previous`, fetches its next page and appends it).
 * While `search` is unavailable, the lists' name filters answer instead.
 */
export async function runSearch(text: string, previous?: SearchState): Promise<SearchState> {
  try {
    const answer = await gql<SearchAnswer>(SEARCH_QUERY, { text, after: previous?.endCursor ?? null, asOf: pageDate() });
    const page = answer.search;
    return { text, hits: [...(previous?.hits ?? []), ...page.nodes], total: page.totalCount, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage, fallback: false };
  } catch (error) {
    if (!(error instanceof GraphQLRequestError) || previous) throw error;
    const answer = await gql<Record<string, { nodes: NamedNode[] }>>(NAME_SEARCH_QUERY, { name: { contains: text }, asOf: pageDate() });
    const hits = Object.values(answer).flatMap((list) => list.nodes.map((node) => ({ score: 0, matchedField: 'NAME', snippet: '', node })));
    return { text, hits, total: hits.length, endCursor: null, hasNextPage: false, fallback: true };
  }
}

export interface SearchActions {
  close(): void;
  more(): void;
  /** Where a hit opens (the graph explorer), or null. */
  href(id: string): string | null;
}

/** The results card: "shown / total" when there are more, a button for the next page, each hit with its kind and snippet. */
export function renderSearch(lang: Lang, search: SearchState, actions: SearchActions): (HTMLElement | string)[] {
  const close = el('button', { type: 'button', class: 'btn small', 'aria-label': t(lang, 'close'), onclick: actions.close }, '×');
  const count = el('span', { class: 'muted count', id: 'search-count', 'data-shown': search.hits.length, 'data-total': search.total }, ` · ${countOf(lang, search.hits.length, search.total)}`);
  return [
    el('header', { class: 'card-head' }, el('h2', {}, `${t(lang, 'searchResults')}: “${search.text}”`, count), close),
    search.fallback ? el('p', { class: 'muted' }, t(lang, 'searchFallback')) : '',
    search.hits.length === 0
      ? el('p', { class: 'muted' }, t(lang, 'searchNone'))
      : el(
          'ul',
          { class: 'hits', id: 'search-hits' },
          ...search.hits.map((hit) => {
            const href = actions.href(hit.node.id);
            const name = label(lang, hit.node);
            return el(
              'li',
              { 'data-node-id': hit.node.id },
              el('span', { class: 'kind', style: `--kind:${kindColour(hit.node.__typename)}` }, kindLabel(lang, hit.node.__typename)),
              href ? el('a', { class: 'link', href, title: t(lang, 'showInGraph') }, name) : el('span', {}, name),
              hit.snippet ? el('span', { class: 'snippet muted' }, snippet(hit.snippet)) : '',
            );
          }),
        ),
    search.hasNextPage
      ? el('button', { type: 'button', class: 'btn', id: 'search-more', onclick: actions.more }, `${t(lang, 'searchMore')} (${search.hits.length} ${t(lang, 'searchOf')} ${search.total})`)
      : '',
  ];
}
