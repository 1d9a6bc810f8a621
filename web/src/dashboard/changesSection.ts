import './changes.css';

import { gql } from '../shared/api';
import { el } from '../shared/dom';
import { formatDate, label, type Lang, type Texts } from '../shared/i18n';
import { relationshipLabel } from '../shared/strings';
import type { DatedSource } from './carriedRows';
import { CHANGES_QUERY, type ChangedNode, type ChangesAnswer, type ValidityChangeRow } from './changesQuery';

const TEXTS = {
  hint: {
    vi: 'Cơ quan, văn bản và quan hệ bắt đầu hoặc chấm dứt sau ngày ban hành quyết định, mỗi thay đổi kèm nguồn và trích dẫn.',
    en: 'Bodies, documents and relationships that began or ended after the decision was issued, each change with its source and quote.',
  },
  started: { vi: 'bắt đầu', en: 'began' },
  ended: { vi: 'chấm dứt', en: 'ended' },
  none: { vi: 'Không có thay đổi nào được ghi nhận.', en: 'No change on record.' },
  from: { vi: 'từ', en: 'from' },
  chosen: { vi: 'Sau ngày đã chọn', en: 'After the chosen date' },
  source: { vi: 'Nguồn', en: 'Source' },
} satisfies Record<string, Texts>;

/**
 * One change: a body or document began or ended on a day (`record`), or a
 * relationship did (`relationship`), with who says so; an ended body's
 * successions are on it (`successors`).
 */
export interface Change {
  readonly date: string;
  readonly change: 'started' | 'ended';
  readonly record: ChangedNode | null;
  readonly relationship: ValidityChangeRow['relationship'];
  readonly source: DatedSource | null;
  readonly successors: readonly NonNullable<ValidityChangeRow['relationship']>[];
}

/** The changes list's data: its changes in the API's order (by date) and the day it starts. */
export interface ChangesData {
  readonly start: string;
  readonly changes: readonly Change[];
}

/** The list starts the day after the decision was issued. */
export const CHANGES_FROM = '2019-05-14';

/** Most pages of changes read for the list (200 each). */
const MAX_PAGES = 5;

const SUCCESSIONS = new Set(['SUCCEEDED_BY', 'MERGED_INTO', 'SPLIT_INTO', 'RENAMED_TO', 'REPLACED_BY', 'AMENDED_BY', 'REPEALED_BY']);

/**
 * Reads what changed after the decision's date (the API's `validityChanges`,
 * every page up to {@link MAX_PAGES}): each body or document that began or
 * ended, with its source; a succession is shown on the change of the body or
 * document it ended, any other relationship that began or ended on its own.
 */
export async function loadChanges(): Promise<ChangesData> {
  const rows: ValidityChangeRow[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: ChangesAnswer = await gql<ChangesAnswer>(CHANGES_QUERY, { from: CHANGES_FROM, after });
    rows.push(...answer.validityChanges.nodes);
    if (!answer.validityChanges.pageInfo.hasNextPage) break;
    after = answer.validityChanges.pageInfo.endCursor;
  }
  const ended = new Set(rows.filter((r) => r.node && r.change === 'ENDS').map((r) => `${r.date} ${r.node!.id}`));
  const attached = (r: ValidityChangeRow): boolean =>
    r.relationship !== null && r.change === 'STARTS' && SUCCESSIONS.has(r.relationship.type) && ended.has(`${r.date} ${r.relationship.from.id}`);
  const changes: Change[] = [];
  for (const r of rows) {
    if (r.node) {
      const successors = r.change === 'ENDS' ? rows.filter((s) => attached(s) && s.date === r.date && s.relationship!.from.id === r.node!.id).map((s) => s.relationship!) : [];
      changes.push({ date: r.date, change: r.change === 'STARTS' ? 'started' : 'ended', record: r.node, relationship: null, source: r.source, successors });
    } else if (r.relationship && !attached(r)) {
      changes.push({ date: r.date, change: r.change === 'STARTS' ? 'started' : 'ended', record: null, relationship: r.relationship, source: r.source, successors: [] });
    }
  }
  return { start: CHANGES_FROM, changes };
}

function sourceLine(lang: Lang, source: DatedSource | null): HTMLElement | string {
  if (!source) return '';
  let host = '';
  if (source.url) {
    try {
      host = new URL(source.url).host;
    } catch {
      host = source.url;
    }
  }
  // The quote is verbatim (mostly Vietnamese): folded under its source, opened on demand, in either language.
  return el(
    'details',
    { class: 'change-source muted', 'data-fact-id': source.factId ?? '' },
    el('summary', {}, `${TEXTS.source[lang]}: `, el('span', { class: 'change-document' }, source.document ?? host)),
    source.url ? el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank', class: 'change-url' }, host) : '',
    source.url ? ' ' : '',
    el('q', { class: 'change-quote' }, source.quote),
  );
}

/**
 * The changes list: what began and what ended when, oldest first, each with
 * its source (document, page, quote); changes after the chosen date are
 * marked (`data-after-as-of`), so the list reads against the matrix.
 */
export function renderChanges(lang: Lang, data: ChangesData, asOf: string | null): HTMLElement {
  if (data.changes.length === 0) return el('p', { class: 'muted' }, TEXTS.none[lang]);
  return el(
    'div',
    {},
    el('p', { class: 'muted' }, TEXTS.hint[lang], ` (${TEXTS.from[lang]} ${formatDate(lang, data.start)})`),
    el(
      'ol',
      { class: 'changes', id: 'changes-list', 'data-count': data.changes.length },
      ...data.changes.map((c) => {
        const after = asOf !== null && c.date > asOf;
        const r = c.relationship;
        return el(
          'li',
          {
            class: `change ${c.change}${after ? ' after-as-of' : ''}`,
            'data-change': c.change,
            'data-change-date': c.date,
            'data-node-id': c.record?.id ?? null,
            'data-relationship': r ? `${r.type} ${r.from.id} -> ${r.to.id}` : null,
            'data-after-as-of': after,
            title: after ? TEXTS.chosen[lang] : null,
          },
          el('time', { datetime: c.date, class: 'change-date' }, formatDate(lang, c.date)),
          ' ',
          c.record
            ? el('strong', { class: 'change-what' }, label(lang, c.record), c.record.number ? ` (${c.record.number})` : '')
            : r
              ? el('strong', { class: 'change-what' }, `${label(lang, r.from)} ${relationshipLabel(lang, r.type)} ${label(lang, r.to)}`)
              : '',
          ` ${TEXTS[c.change][lang]}`,
          ...c.successors.map((step) => el('span', { class: 'change-successor', 'data-successor-id': step.to.id }, ` · ${relationshipLabel(lang, step.type)} ${label(lang, step.to)}`)),
          sourceLine(lang, c.source),
        );
      }),
    ),
  );
}
