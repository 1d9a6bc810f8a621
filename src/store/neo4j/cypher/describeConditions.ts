import type { ResolvedCondition } from './resolveCondition';

/** A short label for statement names: the first conditions as `property operator`, then how many more. */
export function describeConditions(conditions: readonly ResolvedCondition[], shown = 3): string {
  const head = conditions.slice(0, shown).map((c) => `${c.property} ${c.operator}`);
  const rest = conditions.length - head.length;
  return [...head, ...(rest > 0 ? [`+${rest} more`] : [])].join(', ');
}
