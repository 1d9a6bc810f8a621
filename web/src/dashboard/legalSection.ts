import { el } from '../shared/dom';
import { formatDate, label, type Lang } from '../shared/i18n';
import { sourceBadge } from './provenance';
import { DECISION_ID, type DocumentStatus, type LegalBasisLink, type LegalDocumentRef, type NamedNode, type Provenance } from './queries';
import { t } from './strings';

export type DecisionRef = NamedNode & { number: string | null; issuedOn: string | null; docType: string };

export interface LegalData {
  readonly decision: DecisionRef | null;
  readonly legalBasis: readonly LegalBasisLink[] | null;
}

/** The words for a status other than in force (in force goes without a mark). */
const STATUS_STRING = {
  PARTLY_IN_FORCE: 'statusPartlyInForce',
  NO_LONGER_IN_FORCE: 'statusNoLongerInForce',
  NOT_YET_IN_FORCE: 'statusNotYetInForce',
} as const;

function statusMark(lang: Lang, status: DocumentStatus | undefined): HTMLElement | string {
  if (status === undefined || status === 'IN_FORCE') return '';
  return el('span', { class: `doc-status ${status.toLowerCase()}`, 'data-status': status }, t(lang, STATUS_STRING[status]));
}

function docLine(lang: Lang, doc: LegalDocumentRef | DecisionRef, source?: Provenance): HTMLElement {
  return el(
    'div',
    { class: 'doc', 'data-document-id': doc.id },
    el('span', { class: `doctype ${doc.docType.toLowerCase()}` }, doc.docType),
    el('strong', {}, doc.number ?? ''),
    doc.number ? ' ' : '',
    el('span', { class: 'doc-name' }, label(lang, doc)),
    doc.issuedOn ? el('span', { class: 'muted issued-on', 'data-iso': doc.issuedOn }, ` · ${formatDate(lang, doc.issuedOn)}`) : '',
    'status' in doc ? statusMark(lang, doc.status) : '',
    source ? sourceBadge(source) : '',
  );
}

/**
 * The chain of documents the decision rests on, as a tree, each with its date, the clause that
 * cites it and, when it is not in force on the page's date, a mark saying so.
 */
export function renderLegal(lang: Lang, legal: LegalData): HTMLElement {
  const links = legal.legalBasis ?? [];
  if (!legal.decision) return el('p', { class: 'muted' }, DECISION_ID);
  const byCiting = new Map<string, LegalBasisLink[]>();
  for (const link of links) byCiting.set(link.citing.id, [...(byCiting.get(link.citing.id) ?? []), link]);
  const seen = new Set<string>([legal.decision.id]);
  const branch = (id: string): HTMLElement | null => {
    const children = (byCiting.get(id) ?? []).filter((link) => !seen.has(link.document.id));
    if (children.length === 0) return null;
    for (const link of children) seen.add(link.document.id);
    return el('ul', { class: 'tree' }, ...children.map((link) => el('li', { 'data-depth': link.depth }, docLine(lang, link.document, link.source), branch(link.document.id))));
  };
  const maxDepth = links.reduce((max, link) => Math.max(max, link.depth), 0);
  return el(
    'div',
    { class: 'legal', id: 'legal-chain', 'data-links': links.length, 'data-max-depth': maxDepth },
    el('ul', { class: 'tree root' }, el('li', {}, docLine(lang, legal.decision), el('div', { class: 'muted rests-on' }, `↳ ${t(lang, 'restsOn')}`), branch(legal.decision.id))),
  );
}
