import { el } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import { sourceBadge } from './provenance';
import type { PlanData, TargetRow } from './queries';
import { comparatorSymbol, t } from './strings';

/** The unit as it reads after the number: the Vietnamese wording of the text (unitVi) in Vietnamese. */
export function unitText(lang: Lang, target: Pick<TargetRow, 'unit' | 'unitVi'>): string {
  return lang === 'vi' ? target.unitVi || target.unit : target.unit;
}

function targetItem(lang: Lang, target: TargetRow): HTMLElement {
  return el(
    'li',
    { class: 'target', 'data-target-id': target.id, 'data-quantity': target.quantity, 'data-year': target.year },
    el('div', { class: 'qty' }, el('span', { class: 'cmp' }, comparatorSymbol(target.comparator)), el('span', { class: 'num' }, target.quantity)),
    el('div', { class: 'what' }, el('div', { class: 'unit' }, unitText(lang, target)), el('div', { class: 'target-name', title: label(lang, target) }, label(lang, target))),
    el('div', { class: 'meta' }, el('span', { class: 'year' }, `${t(lang, 'year')} ${target.year}`), sourceBadge(target.source)),
  );
}

const byYear = (a: TargetRow, b: TargetRow): number => a.year - b.year || (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.id.localeCompare(b.id);

/**
 * Targets by phase. A target the API lists under several phases (the
 * appendix's "at least 30 by 2030", split 10 + 20 between the phases) is set
 * for the whole period: it is shown once, under both columns, not in each.
 */
export function renderTargets(lang: Lang, plan: PlanData): HTMLElement {
  const phases = [...plan.phases].sort((a, b) => a.ordinal - b.ordinal);
  const phaseCount = new Map<string, number>();
  for (const phase of phases) for (const target of phase.targets) phaseCount.set(target.id, (phaseCount.get(target.id) ?? 0) + 1);
  const across = new Map<string, TargetRow>();
  for (const phase of phases) for (const target of phase.targets) if ((phaseCount.get(target.id) ?? 0) > 1) across.set(target.id, target);
  const spanning = [...across.values()].sort(byYear);
  return el(
    'div',
    {},
    el(
      'div',
      { class: 'phases' },
      ...phases.map((phase) => {
        const own = phase.targets.filter((target) => !across.has(target.id)).sort(byYear);
        return el(
          'div',
          { class: 'phase', 'data-phase-id': phase.id, 'data-end-year': phase.endYear },
          el('h3', {}, label(lang, phase), el('span', { class: 'muted count' }, ` · ${own.length}`)),
          el('ul', { class: 'targets' }, ...own.map((target) => targetItem(lang, target))),
        );
      }),
    ),
    spanning.length > 0
      ? el(
          'div',
          { class: 'phase across', id: 'targets-across' },
          el('h3', {}, t(lang, 'acrossPhases'), el('span', { class: 'muted count' }, ` · ${spanning.length} · ${t(lang, 'acrossPhasesHint')}`)),
          el('ul', { class: 'targets' }, ...spanning.map((target) => targetItem(lang, target))),
        )
      : '',
  );
}
