import type { Context } from '../../src/context';
import type { CarrierRecord } from '../../src/loaders/carriers';
import type { Direction, RelationshipType } from '../../src/model/relationships';
import { endedBy, holdsOn, startedBy } from '../../src/model/validity';
import type { NodeRecord } from '../../src/store/port';
import type { AssignmentParent } from '../parents';
import { neighboursOf } from './related';

/** The assignment roles as the schema names them. */
export type Role = 'LEAD' | 'COORDINATOR';

const ROLE_TYPE: Readonly<Record<Role, RelationshipType>> = { LEAD: 'LEADS', COORDINATOR: 'COORDINATES' };

/**
 * The assignments (LEADS, COORDINATES) at a task (direction IN) or an agency
 * (OUT) that were made by `asOf` — whether or not they or their bodies have
 * ended since, so an assignment of 2019 stays visible with its own validity —
 * each tagged with `asOf` for its carriers. Leads first, then coordinators,
 * in the text's order.
 */
export async function assignmentsAt(
  context: Context,
  id: string,
  direction: Direction,
  role: Role | null | undefined,
  asOf: string,
): Promise<AssignmentParent[]> {
  const roles: Role[] = role ? [role] : ['LEAD', 'COORDINATOR'];
  const lists = await Promise.all(roles.map((r) => neighboursOf(context, id, ROLE_TYPE[r], direction)));
  return lists
    .flat()
    .filter((n) => startedBy(n.edge.props, asOf))
    .map((n) => ({ ...n.edge, asOf }));
}

/**
 * True when the assignment itself was withdrawn by `asOf`: it has its own end
 * (validTo <= asOf) while its body still existed on that day. An assignment
 * that ended with its body is not withdrawn: the work passed to the body's
 * successors.
 */
function withdrawn(assignment: AssignmentParent, agency: NodeRecord | null, asOf: string): boolean {
  const to = assignment.props.validTo;
  if (!endedBy(assignment.props, asOf) || typeof to !== 'string') return false;
  return agency === null || holdsOn(agency.props, to);
}

/**
 * The bodies that carry an assignment's work on `asOf` (see carriersOn in
 * src/loaders/carriers.ts): none when the assignment was not yet made or was
 * withdrawn by then; the assigned body itself while it exists (since the
 * assignment's validFrom); else its successors with their chains.
 */
export async function carriersOfAssignment(context: Context, assignment: AssignmentParent, asOf: string): Promise<CarrierRecord[]> {
  if (!startedBy(assignment.props, asOf)) return [];
  if (endedBy(assignment.props, asOf) && withdrawn(assignment, await context.loaders.node.load(assignment.from), asOf)) return [];
  const carriers = await context.loaders.carriers(asOf).load(assignment.from);
  const since = typeof assignment.props.validFrom === 'string' ? assignment.props.validFrom : null;
  return carriers.map((c) => (c.chain.length === 0 ? { ...c, since } : c));
}

/**
 * The bodies that carry a task's work in `role` on `asOf`: the carriers of
 * every assignment made by then, without repeats, in the text's order.
 */
export async function bodiesCarrying(context: Context, taskId: string, role: Role, asOf: string): Promise<NodeRecord[]> {
  const assignments = await assignmentsAt(context, taskId, 'IN', role, asOf);
  const lists = await Promise.all(assignments.map((a) => carriersOfAssignment(context, a, asOf)));
  const seen = new Set<string>();
  const bodies: NodeRecord[] = [];
  for (const { agency } of lists.flat()) {
    if (!seen.has(agency.id)) {
      seen.add(agency.id);
      bodies.push(agency);
    }
  }
  return bodies;
}
