import { el } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import { sourceBadge } from './provenance';
import type { AgencyRef, TaskRow } from './queries';
import { t, timeframeLabel } from './strings';
import { distinctTaskLabels } from './taskLabels';

const TIMEFRAME_ORDER = ['BY_2025', 'BY_2030', 'ANNUAL', 'UNSPECIFIED'];

interface LeadRow {
  readonly agency: AgencyRef | null;
  readonly counts: Map<string, number>;
  total: number;
}

/**
 * Counts per lead body and timeframe. Every lead body of a task counts (the
 * API's `leadBodies`), so a body appears as often as the coordination matrix
 * says it leads; a task with no lead named counts under "(not named)".
 */
export function leadRows(tasks: readonly TaskRow[]): LeadRow[] {
  const rows = new Map<string, LeadRow>();
  for (const task of tasks) {
    const leads: (AgencyRef | null)[] = task.leadBodies.length > 0 ? [...task.leadBodies] : [null];
    for (const agency of leads) {
      const key = agency?.id ?? '';
      const row = rows.get(key) ?? { agency, counts: new Map<string, number>(), total: 0 };
      row.counts.set(task.timeframe, (row.counts.get(task.timeframe) ?? 0) + 1);
      row.total += 1;
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

function timeframesOf(tasks: readonly TaskRow[]): string[] {
  const present = new Set(tasks.map((task) => task.timeframe));
  return [...TIMEFRAME_ORDER.filter((tf) => present.has(tf)), ...[...present].filter((tf) => !TIMEFRAME_ORDER.includes(tf))];
}

function pivot(lang: Lang, tasks: readonly TaskRow[], timeframes: readonly string[]): HTMLElement {
  const name = (row: LeadRow) => (row.agency ? label(lang, row.agency) : '~');
  const rows = leadRows(tasks).sort((a, b) => b.total - a.total || name(a).localeCompare(name(b), lang));
  return el(
    'table',
    { class: 'pivot', id: 'tasks-pivot' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t(lang, 'leadBody')), ...timeframes.map((tf) => el('th', { scope: 'col', class: 'num' }, timeframeLabel(lang, tf))), el('th', { scope: 'col', class: 'num' }, t(lang, 'total')))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { 'data-lead-id': row.agency?.id ?? '', 'data-total': row.total },
          el('th', { scope: 'row' }, row.agency ? label(lang, row.agency) : t(lang, 'noLead')),
          ...timeframes.map((tf) => {
            const count = row.counts.get(tf) ?? 0;
            return el('td', { class: count ? 'num' : 'num zero', 'data-timeframe': tf }, count || '·');
          }),
          el('td', { class: 'num total' }, row.total),
        ),
      ),
    ),
    el(
      'tfoot',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, t(lang, 'tasksTotal')),
        ...timeframes.map((tf) => el('td', { class: 'num', 'data-timeframe': tf }, tasks.filter((task) => task.timeframe === tf).length)),
        el('td', { class: 'num total', id: 'tasks-total' }, tasks.length),
      ),
    ),
  );
}

function taskList(lang: Lang, tasks: readonly TaskRow[], timeframes: readonly string[]): HTMLElement {
  const labels = distinctTaskLabels(lang, tasks);
  return el(
    'details',
    { class: 'task-list' },
    el('summary', {}, `${t(lang, 'taskList')} (${tasks.length})`),
    ...timeframes.map((tf) =>
      el(
        'div',
        { class: 'tf-group' },
        el('h4', {}, timeframeLabel(lang, tf)),
        el(
          'table',
          { class: 'list' },
          el(
            'tbody',
            {},
            ...tasks
              .filter((task) => task.timeframe === tf)
              .map((task) =>
                el(
                  'tr',
                  { 'data-task-id': task.id },
                  el('td', { class: 'code' }, labels.get(task.id) ?? task.code),
                  el('td', {}, label(lang, task)),
                  el('td', { class: 'lead' }, task.leadBodies.length > 0 ? task.leadBodies.map((a) => a.abbreviation ?? label(lang, a)).join(', ') : '—'),
                  el('td', {}, sourceBadge(task.source)),
                ),
              ),
          ),
        ),
      ),
    ),
  );
}

/** Tasks by timeframe and lead body: the counts table, a note on shared leads, and the full list. */
export function renderTasks(lang: Lang, tasks: readonly TaskRow[]): HTMLElement {
  const timeframes = timeframesOf(tasks);
  return el('div', {}, el('div', { class: 'scroll-x' }, pivot(lang, tasks, timeframes)), el('p', { class: 'muted note' }, t(lang, 'severalLeads')), taskList(lang, tasks, timeframes));
}
