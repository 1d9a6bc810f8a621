import './changes.css';

import { gql } from '../shared/api';
import { todayInVietnam } from '../shared/asOfControl';
import { el } from '../shared/dom';
import { formatDate, label, type Lang, type Texts } from '../shared/i18n';
import { relationshipLabel } from '../shared/strings';
import type { DatedSource, SuccessionStepRow } from './carriedRows';
import { CHANGES_QUERY, type ChangesAnswer, type DatedRecord } from './changesQuery';

/** The day the plan's decision was issued: the changes list starts after it. */
export const PLAN_ISSUED_ON = '2019-05-13';

const TEXTS = {
  hint: {
    vi: 'Cơ quan và văn bản bắt đầu hoặc chấm dứt sau ngày ban hành quyết định, mỗi thay đổi kèm nguồn và trích dẫn.',
    en: 'Bodies and documents that began or ended after the decision was issued, each change with its source and quote.',
  },
  started: { vi: 'bắt đầu', en: 'began' },
  ended: { vi: 'chấm dứt', en: 'ended' },
  none: { vi: 'Không có thay đổi nào được ghi nhận.', en: 'No change on record.' },
  upTo: { vi: 'đến', en: 'up to' },
  chosen: { vi: 'Sau ngày đã chọn', en: 'After the chosen date' },
  source: { vi: 'Nguồn', en: 'Source' },
} satisfies Record<string, Texts>;

/** One change: a body or document began or ended on a day, with who says so and what its work passed to. */
export interface Change {
  readonly date: string;
  readonly change: 'started' | 'ended';
  readonly record: DatedRecord;
  readonly source: DatedSource | null;
  readonly successors: readonly SuccessionStepRow[];
}

/** The changes list's data: its changes in time order and the span they were read for. */
export interface ChangesData {
  readonly start: string;
  readonly end: string;
  readonly changes: readonly Change[];
}

/**
 * Reads what changed after the decision's date up to `end` (default: today
 * in Vietnam): every body and document valid on either day whose validity
 * began or ended between them, with its source, and for a body that ended,
 * the bodies its work passed to.
 */
export async function loadChanges(end: string = todayInVietnam()): Promise<ChangesData> {
  const answer = await gql<ChangesAnswer>(CHANGES_QUERY, { start: PLAN_ISSUED_ON, end });
  const records = new Map<string, DatedRecord>();
  for (const list of [answer.agenciesBefore, answer.agenciesAfter, answer.documentsBefore, answer.documentsAfter]) {
    for (const node of list.nodes) records.set(node.id, { ...records.get(node.id), ...node });
  }
  const within = (date: string | null): date is string => date !== null && date > PLAN_ISSUED_ON && date <= end;
  const changes: Change[] = [];
  for (const record of records.values()) {
    const { validity } = record;
    if (within(validity.from)) changes.push({ date: validity.from, change: 'started', record, source: validity.fromSource, successors: [] });
    if (within(validity.to)) changes.push({ date: validity.to, change: 'ended', record, source: validity.toSource, successors: record.successors ?? [] });
  }
  changes.sort((a, b) => a.date.localeCompare(b.date) || (a.change === b.change ? 0 : a.change === 'ended' ? -1 : 1) || a.record.id.localeCompare(b.record.id));
  return { start: PLAN_ISSUED_ON, end, changes };
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
    el(
      'summary',
      {},
      `${TEXTS.source[lang]}: `,
      source.document ? el('span', { class: 'change-document' }, source.document) : '',
      source.document && source.url ? ' · ' : '',
      source.url ? el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank', class: 'change-url' }, host) : '',
    ),
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
    el('p', { class: 'muted' }, TEXTS.hint[lang], ` (${formatDate(lang, data.start)} – ${TEXTS.upTo[lang]} ${formatDate(lang, data.end)})`),
    el(
      'ol',
      { class: 'changes', id: 'changes-list', 'data-count': data.changes.length },
      ...data.changes.map((c) => {
        const after = asOf !== null && c.date > asOf;
        return el(
          'li',
          {
            class: `change ${c.change}${after ? ' after-as-of' : ''}`,
            'data-change': c.change,
            'data-change-date': c.date,
            'data-node-id': c.record.id,
            'data-after-as-of': after,
            title: after ? TEXTS.chosen[lang] : null,
          },
          el('time', { datetime: c.date, class: 'change-date' }, formatDate(lang, c.date)),
          ' ',
          el('strong', { class: 'change-what' }, label(lang, c.record), c.record.number ? ` (${c.record.number})` : ''),
          ` ${TEXTS[c.change][lang]}`,
          ...c.successors.map((step) => el('span', { class: 'change-successor', 'data-successor-id': step.to.id }, ` · ${relationshipLabel(lang, step.type)} ${label(lang, step.to)}`)),
          sourceLine(lang, c.source),
        );
      }),
    ),
  );
}
