import { el } from '../shared/dom';
import { formatDate, label, locale, type Lang } from '../shared/i18n';
import type { ProgressRow, ProgressTarget } from './recordQueries';
import { targetStatusLabel } from './recordStrings';
import { comparatorSymbol, t } from './strings';

const unitOf = (lang: Lang, target: ProgressTarget): string => (lang === 'vi' ? target.unitVi || target.unit : target.unit);

/** The bar's width: the share achieved, 0 to 100 % (a bar over 100 % is drawn full; the text says how much). */
export function barPercent(progress: Pick<ProgressRow, 'ratio'>): number {
  return progress.ratio === null ? 0 : Math.max(0, Math.min(100, Math.round(progress.ratio * 100)));
}

function achievedCell(lang: Lang, target: ProgressTarget): HTMLElement {
  const progress = target.progress;
  const number = new Intl.NumberFormat(locale(lang));
  const achieved = progress.achieved === null ? t(lang, 'progressNone') : number.format(progress.achieved);
  const percent = progress.ratio === null ? '' : ` (${new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(progress.ratio)})`;
  return el(
    'td',
    { class: 'achieved' },
    el(
      'div',
      { class: 'progress-text' },
      el('span', { class: 'achieved-value' }, achieved),
      ` ${t(lang, 'progressOf')} ${comparatorSymbol(progress.comparator)}${number.format(progress.quantity)} ${unitOf(lang, target)}${percent}`,
    ),
    el('div', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: `fill status-${progress.status}`, style: `width: ${barPercent(progress)}%` })),
  );
}

function phaseCell(lang: Lang, progress: ProgressRow): HTMLElement {
  const number = new Intl.NumberFormat(locale(lang));
  const phases = [...progress.byPhase].sort((a, b) => a.phase.ordinal - b.phase.ordinal);
  return el(
    'td',
    { class: 'by-phase' },
    el(
      'ul',
      {},
      ...phases.map((p) =>
        el(
          'li',
          { 'data-phase-id': p.phase.id, 'data-achieved': p.achieved ?? '' },
          `${label(lang, p.phase)}: `,
          el('strong', {}, p.achieved === null ? t(lang, 'progressNone') : number.format(p.achieved)),
          el('span', { class: 'muted' }, ` · ${p.actualsCounted} ${t(lang, 'progressCounted')}`),
        ),
      ),
    ),
  );
}

const byDue = (a: ProgressTarget, b: ProgressTarget): number => a.year - b.year || (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.id.localeCompare(b.id);

/**
 * Progress per target as a table: the target and its due year, the value
 * achieved against the quantity (in words and numbers; the bar only repeats
 * it), what each phase achieved, and the status. Rows carry
 * `data-target`, `data-achieved` and `data-status` for tests.
 */
export function renderProgress(lang: Lang, targets: readonly ProgressTarget[], live: boolean): HTMLElement {
  const asOf = targets[0]?.progress.asOf;
  return el(
    'div',
    {},
    el(
      'p',
      { class: 'muted progress-hint' },
      asOf ? `${t(lang, 'progressHint')} ` : '',
      asOf ? el('span', { id: 'progress-as-of', 'data-iso': asOf }, formatDate(lang, asOf)) : '',
      live ? el('span', { class: 'pill live', id: 'progress-live' }, ` ${t(lang, 'progressLive')}`) : '',
    ),
    el(
      'div',
      { class: 'scroll-x' },
      el(
        'table',
        { class: 'progress-table', id: 'progress-table' },
        el('caption', { class: 'visually-hidden' }, t(lang, 'progress')),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, t(lang, 'progressTarget')),
            el('th', { scope: 'col' }, t(lang, 'progressAchieved')),
            el('th', { scope: 'col' }, t(lang, 'progressByPhase')),
            el('th', { scope: 'col' }, t(lang, 'progressStatus')),
          ),
        ),
        el(
          'tbody',
          {},
          ...[...targets].sort(byDue).map((target) =>
            el(
              'tr',
              { 'data-target': target.id, 'data-achieved': target.progress.achieved ?? '', 'data-status': target.progress.status },
              el('th', { scope: 'row' }, el('span', { class: 'target-label' }, label(lang, target)), el('span', { class: 'muted due' }, ` · ${t(lang, 'progressDue')} ${target.year}`)),
              achievedCell(lang, target),
              phaseCell(lang, target.progress),
              el('td', {}, el('span', { class: `status-pill status-${target.progress.status}` }, targetStatusLabel(lang, target.progress.status))),
            ),
          ),
        ),
      ),
    ),
  );
}
