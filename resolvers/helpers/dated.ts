import type { Context } from '../../src/context';
import { stepDate } from '../../src/loaders/carriers';
import type { ChangeGroup } from '../../src/loaders/createLoaders';
import type { EdgeRecord, NodeRecord } from '../../src/store/port';
import { orFail } from '../Node';

/** A dated change between two nodes (a succession step, an amendment): the relationship, both ends and its date. */
export interface DatedStep {
  readonly edge: EdgeRecord;
  readonly from: NodeRecord;
  readonly to: NodeRecord;
  readonly date: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * The date a change took effect: the relationship's validFrom; else, for a
 * body's succession, the day the earlier body ended; for a document, the day
 * the later document took effect (effectiveFrom, else issuedOn). Null when
 * nothing dates it.
 */
export function dateOfStep(group: ChangeGroup, edge: EdgeRecord, from: NodeRecord, to: NodeRecord): string | null {
  if (group === 'succession') return stepDate(edge, from);
  return text(edge.props.validFrom) ?? text(to.props.effectiveFrom) ?? text(to.props.issuedOn);
}

/**
 * The changes of `group` that start (OUT) or end (IN) at `id` and had taken
 * effect by `asOf` — whatever the validity of their ends since (a body
 * replaced in 2025 still shows its successor). An undated change counts as
 * taken effect. Two batched round-trips per level of parents: the changes,
 * then the nodes at their ends.
 */
export async function stepsBy(
  context: Context,
  group: ChangeGroup,
  direction: 'OUT' | 'IN',
  id: string,
  asOf: string,
): Promise<DatedStep[]> {
  const edges = await context.loaders.changes(group, direction).load(id);
  const steps = await Promise.all(
    edges.map(async (edge) => {
      const [from, to] = await Promise.all([
        context.loaders.node.load(edge.from).then(orFail(edge.from)),
        context.loaders.node.load(edge.to).then(orFail(edge.to)),
      ]);
      return { edge, from, to, date: dateOfStep(group, edge, from, to) };
    }),
  );
  return steps.filter((step) => step.date === null || step.date <= asOf);
}
