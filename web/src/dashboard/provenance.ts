import { el } from '../shared/dom';
import type { Provenance } from './queries';

/** The clause a fact comes from, with the document and the Vietnamese quote on hover. */
export function sourceBadge(source: Provenance): HTMLElement {
  return el('span', { class: 'clause', title: source.quote ? `${source.document}, ${source.clause}: “${source.quote}”` : `${source.document}, ${source.clause}` }, source.clause);
}
