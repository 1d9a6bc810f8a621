import { el } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import { kindLabel, relationshipLabel } from '../shared/strings';
import { describeChain, type SuccessionStepRow } from './carriedRows';
import type { AssignmentRow } from './queries';
import { t } from './strings';
import { distinctTaskLabels } from './taskLabels';

const SECTION_ORDER: Record<string, number> = { APPENDIX: 0, TASKS_AND_SOLUTIONS: 1, ORGANISATION: 2, ARTICLE: 3 };

interface AgencyRow {
  readonly agency: AssignmentRow['agency'];
  readonly cells: Map<string, AssignmentRow[]>;
}

const countRole = (row: AgencyRow, role: string): number => [...row.cells.values()].flat().filter((a) => a.role === role).length;

function cell(lang: Lang, row: AgencyRow, task: AssignmentRow['task'], taskLabel: string): HTMLElement {
  const assignments = row.cells.get(task.id) ?? [];
  const roles = [...new Set(assignments.map((a) => a.role))].sort();
  if (roles.length === 0) return el('td', { class: 'cell empty' });
  const role = roles.includes('LEAD') ? 'LEAD' : 'COORDINATOR';
  const text = roles.map((r) => t(lang, r === 'LEAD' ? 'roleLead' : 'roleCoordinator')).join('/');
  const title = assignments
    .map(
      (a) =>
        `${label(lang, row.agency)} ${relationshipLabel(lang, a.role === 'LEAD' ? 'LEADS' : 'COORDINATES')} ${taskLabel} — ${a.source.document}, ${a.source.clause}` +
        ('via' in a && Array.isArray(a.via) && a.via.length > 0 ? `\n${describeChain(a.via as readonly SuccessionStepRow[], (n) => label(lang, n), (type) => relationshipLabel(lang, type))}` : ''),
    )
    .join('\n');
  return el('td', { class: `cell ${role === 'LEAD' ? 'lead' : 'coord'}`, 'data-role': role, 'data-roles': roles.join(' '), 'data-task-id': task.id, title }, text);
}

/** The coordination matrix: agencies × tasks, each cell the role with the assigning clause on hover. */
export function renderMatrix(lang: Lang, assignments: readonly AssignmentRow[]): HTMLElement {
  const tasks = new Map<string, AssignmentRow['task']>();
  const agencies = new Map<string, AgencyRow>();
  for (const a of assignments) {
    tasks.set(a.task.id, a.task);
    const row = agencies.get(a.agency.id) ?? { agency: a.agency, cells: new Map<string, AssignmentRow[]>() };
    row.cells.set(a.task.id, [...(row.cells.get(a.task.id) ?? []), a]);
    agencies.set(a.agency.id, row);
  }
  const columns = [...tasks.values()].sort(
    (a, b) => (SECTION_ORDER[a.section] ?? 9) - (SECTION_ORDER[b.section] ?? 9) || (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.code.localeCompare(b.code, 'vi'),
  );
  const labels = distinctTaskLabels(lang, columns);
  const rows = [...agencies.values()].sort(
    (a, b) => countRole(b, 'LEAD') - countRole(a, 'LEAD') || b.cells.size - a.cells.size || label(lang, a.agency).localeCompare(label(lang, b.agency), 'vi'),
  );
  const table = el(
    'table',
    { class: 'matrix', id: 'matrix' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', class: 'corner' }, kindLabel(lang, 'Agency')),
        ...columns.map((task) => {
          const text = labels.get(task.id) ?? task.code;
          return el('th', { scope: 'col', class: 'task-col', title: `${text}: ${label(lang, task)}`, 'data-task-id': task.id }, el('span', {}, text));
        }),
        el('th', { scope: 'col', class: 'num' }, t(lang, 'roleLead')),
        el('th', { scope: 'col', class: 'num' }, t(lang, 'roleCoordinator')),
      ),
    ),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { 'data-agency-id': row.agency.id },
          el('th', { scope: 'row', class: 'agency', title: label(lang === 'vi' ? 'en' : 'vi', row.agency) }, label(lang, row.agency)),
          ...columns.map((task) => cell(lang, row, task, labels.get(task.id) ?? task.code)),
          el('td', { class: 'num', 'data-count': 'LEAD' }, countRole(row, 'LEAD') || '·'),
          el('td', { class: 'num', 'data-count': 'COORDINATOR' }, countRole(row, 'COORDINATOR') || '·'),
        ),
      ),
    ),
  );
  const leads = assignments.filter((a) => a.role === 'LEAD').length;
  return el(
    'div',
    {},
    el(
      'p',
      { class: 'muted' },
      t(lang, 'matrixHint'),
      ' ',
      el(
        'span',
        { id: 'matrix-summary', 'data-assignments': assignments.length, 'data-agencies': rows.length, 'data-tasks': columns.length, 'data-leads': leads },
        `${rows.length} × ${columns.length} · ${leads} ${relationshipLabel(lang, 'LEADS')}, ${assignments.length - leads} ${relationshipLabel(lang, 'COORDINATES')}`,
      ),
    ),
    el('div', { class: 'scroll-x', tabindex: 0, role: 'region', 'aria-label': t(lang, 'matrix') }, table),
  );
}
