import { gql } from '../shared/api';
import { el } from '../shared/dom';
import type { Lang } from '../shared/i18n';
import { subscribeLive } from '../shared/live';
import { createActualForm } from './actualForm';
import { renderExports } from './exportSection';
import { renderProgress } from './progressSection';
import {
  PROGRESS_QUERY,
  PROGRESS_SUBSCRIPTION,
  TASK_GRID_QUERY,
  TASK_PROGRESS_SUBSCRIPTION,
  type ProgressEvent,
  type ProgressTarget,
  type TaskGridRow,
  type TaskProgressEvent,
  type ViewerRow,
} from './recordQueries';
import { createSignIn } from './signIn';
import { t, type DashboardString } from './strings';
import { renderTaskGrid } from './taskGridSection';

/** The dashboard's sections of the record of implementation, as main.ts places and renders them. */
export interface RecordSections {
  /** The section elements, in page order: progress, task grid, recording (sign-in and form), export. */
  readonly elements: readonly HTMLElement[];
  render(lang: Lang): void;
  /** Loads progress and the task grid, verifies a stored credential and subscribes to live progress; resolves when both are shown. */
  load(): Promise<void>;
  /** Reads progress and the task grid again (e.g. after the as-of date changed). */
  reload(): Promise<void>;
}

type Id = 'progress' | 'taskGrid' | 'record' | 'export';

/**
 * Progress per target (live), the task status grid by year, sign-in with
 * the form that records an actual, and the export links. `plan` is the plan
 * shown; `asOf` (YYYY-MM-DD, or undefined for today) the date progress is read at.
 */
export function createRecordSections(plan: string, initialLang: Lang, asOf?: () => string | undefined): RecordSections {
  let lang = initialLang;
  let targets: ProgressTarget[] | undefined;
  let tasks: readonly TaskGridRow[] | undefined;
  let live = false;
  const sections = {} as Record<Id, HTMLElement>;
  const bodies = {} as Record<Id, HTMLElement>;
  const titles = {} as Record<Id, HTMLElement>;
  const TITLES: Record<Id, DashboardString> = { progress: 'progress', taskGrid: 'taskGrid', record: 'record', export: 'export' };
  const make = (id: Id, extra: string): HTMLElement => {
    titles[id] = el('h2', { id: `title-${id}` });
    bodies[id] = el('div', { class: 'card-body' }, el('p', { class: 'muted' }, t(lang, 'loading')));
    sections[id] = el('section', { class: `card ${extra}`, id: `section-${id}`, 'data-state': 'loading', 'aria-labelledby': `title-${id}` }, el('header', { class: 'card-head' }, titles[id]), bodies[id]);
    return sections[id];
  };
  const elements = [make('progress', 'span-2'), make('taskGrid', 'span-2'), make('record', ''), make('export', '')];

  const form = createActualForm(lang, () => void loadProgress());
  const signIn = createSignIn(lang, (viewer: ViewerRow | null) => {
    formNote.hidden = viewer !== null && viewer.role !== 'READER';
  });
  const formNote = el('p', { class: 'muted', id: 'actual-sign-in-first' });
  bodies.record.replaceChildren(signIn.element, formNote, form.element);
  sections.record.dataset.state = 'ready';

  function render(): void {
    for (const id of Object.keys(TITLES) as Id[]) titles[id].textContent = t(lang, TITLES[id]);
    if (targets) bodies.progress.replaceChildren(renderProgress(lang, targets, live));
    if (tasks) bodies.taskGrid.replaceChildren(renderTaskGrid(lang, tasks));
    signIn.update(lang);
    form.update(lang);
    formNote.textContent = t(lang, 'formSignInFirst');
    bodies.export.replaceChildren(renderExports(lang));
    sections.export.dataset.state = 'ready';
  }

  async function guarded(id: Id, run: () => Promise<void>): Promise<void> {
    try {
      await run();
      sections[id].dataset.state = 'ready';
      render();
    } catch (error) {
      sections[id].dataset.state = 'error';
      bodies[id].replaceChildren(el('p', { class: 'error' }, `${t(lang, 'failed')}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  const loadProgress = (): Promise<void> =>
    guarded('progress', async () => {
      const answer = await gql<{ targets: { nodes: ProgressTarget[] } }>(PROGRESS_QUERY, { plan, asOf: asOf?.() ?? null });
      targets = answer.targets.nodes;
      form.setTargets(targets);
    });

  const loadGrid = (): Promise<void> =>
    guarded('taskGrid', async () => {
      const answer = await gql<{ tasks: { nodes: TaskGridRow[] } }>(TASK_GRID_QUERY, { plan, asOf: asOf?.() ?? null });
      tasks = answer.tasks.nodes;
    });

  /** Tasks whose first live message (their current progress) has come; a later one means a report changed: the grid is read again (once for a burst). */
  const heardTasks = new Set<string>();
  let gridReload: ReturnType<typeof setTimeout> | undefined;
  function taskChanged(event: TaskProgressEvent): void {
    const id = event.taskProgress.task.id;
    if (!heardTasks.has(id)) {
      heardTasks.add(id);
      sections.taskGrid.dataset.live = 'true';
      return;
    }
    clearTimeout(gridReload);
    gridReload = setTimeout(() => void loadGrid(), 200);
  }

  /** Applies a pushed progress to its target (when the page reads progress as of today, as the subscription does). */
  function applyLive(event: ProgressEvent): void {
    const pushed = event.targetProgress;
    if (!targets || asOf?.()) return;
    const index = targets.findIndex((target) => target.id === pushed.target.id);
    const current = targets[index];
    if (!current) return;
    const { target: _target, ...progress } = pushed;
    targets[index] = { ...current, progress };
    render();
  }

  return {
    elements,
    render(next) {
      lang = next;
      render();
    },
    async reload() {
      await Promise.all([loadProgress(), loadGrid()]);
    },
    async load() {
      render();
      await Promise.all([loadProgress(), loadGrid(), signIn.restore()]);
      subscribeLive<ProgressEvent>(
        PROGRESS_SUBSCRIPTION,
        { plan },
        (data) => {
          live = true;
          applyLive(data);
        },
        () => {
          live = false;
          render();
        },
      );
      subscribeLive<TaskProgressEvent>(TASK_PROGRESS_SUBSCRIPTION, { plan }, taskChanged, () => heardTasks.clear());
    },
  };
}
