import { el } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import { GRID_YEARS } from './recordLayout';
import type { TaskGridRow, TaskReportStatus } from './recordQueries';
import { reportStatusLabel } from './recordStrings';
import { t } from './strings';
import { distinctTaskLabels } from './taskLabels';

/** What a cell shows: the status of the year's report, or, without one, overdue or nothing. */
export type CellState = TaskReportStatus | 'OVERDUE_NO_REPORT' | 'NONE';

/** The state of `task` in `year`: its latest report of that year (reports come in year order), else overdue when the progress says so. */
export function cellState(task: TaskGridRow, year: number): CellState {
  const reports = task.reports.filter((report) => report.year === year);
  const last = reports[reports.length - 1];
  if (last) return last.status;
  return task.progress.overdueYears.includes(year) ? 'OVERDUE_NO_REPORT' : 'NONE';
}

const GLYPH: Record<CellState, string> = { DONE: '✓', IN_PROGRESS: '◐', NOT_STARTED: '○', OVERDUE: '!', OVERDUE_NO_REPORT: '✕', NONE: '·' };

function stateText(lang: Lang, state: CellState): string {
  if (state === 'NONE') return t(lang, 'taskGridNoReport');
  if (state === 'OVERDUE_NO_REPORT') return t(lang, 'taskGridOverdueNoReport');
  return reportStatusLabel(lang, state);
}

/**
 * Tasks × years: each cell the status the task's report of that year gives
 * (a glyph, with the words for screen readers and on hover), or "overdue, no
 * report" when the year ended without a report saying done. Column and row
 * headers name the year and the task; cells carry `data-year` and `data-state`.
 */
export function renderTaskGrid(lang: Lang, tasks: readonly TaskGridRow[]): HTMLElement {
  const labels = distinctTaskLabels(lang, tasks);
  const legend: CellState[] = ['DONE', 'IN_PROGRESS', 'NOT_STARTED', 'OVERDUE', 'OVERDUE_NO_REPORT', 'NONE'];
  return el(
    'div',
    {},
    el('p', { class: 'muted' }, t(lang, 'taskGridHint')),
    el('ul', { class: 'grid-legend' }, ...legend.map((state) => el('li', {}, el('span', { class: `cell-glyph state-${state}`, 'aria-hidden': 'true' }, GLYPH[state]), ` ${stateText(lang, state)}`))),
    el(
      'div',
      { class: 'scroll-x' },
      el(
        'table',
        { class: 'task-grid', id: 'task-grid' },
        el('caption', { class: 'visually-hidden' }, t(lang, 'taskGrid')),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t(lang, 'taskGridTask')), ...GRID_YEARS.map((year) => el('th', { scope: 'col', class: 'num' }, year)))),
        el(
          'tbody',
          {},
          ...tasks.map((task) =>
            el(
              'tr',
              { 'data-task-id': task.id },
              el('th', { scope: 'row', title: label(lang, task) }, labels.get(task.id) ?? task.code),
              ...GRID_YEARS.map((year) => {
                const state = cellState(task, year);
                const words = stateText(lang, state);
                return el(
                  'td',
                  { class: `cell state-${state}`, 'data-year': year, 'data-state': state, title: words },
                  el('span', { class: 'cell-glyph', 'aria-hidden': 'true' }, GLYPH[state]),
                  el('span', { class: 'visually-hidden' }, words),
                );
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
