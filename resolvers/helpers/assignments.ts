import type { Context } from '../../src/context';
import { carriersOfAssignment as carriersOf } from '../../src/loaders/carried';
import type { CarrierRecord } from '../../src/loaders/carriers';
import type { Direction, RelationshipType } from '../../src/model/relationships';
import { startedBy } from '../../src/model/validity';
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
 * The bodies that carry an assignment's work on `asOf` (see
 * carriersOfAssignment in src/loaders/carried.ts), through the request's loaders.
 */
export function carriersOfAssignment(context: Context, assignment: AssignmentParent, asOf: string): Promise<CarrierRecord[]> {
  return carriersOf({ node: context.loaders.node, carriers: context.loaders.carriers(asOf) }, assignment, asOf);
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

/**
 * The assignments whose work `agencyId` carries on `asOf`, its own first
 * (see carriedOn in src/loaders/carried.ts), in `role` when given, each
 * tagged with `asOf` for its carriers.
 */
export async function assignmentsCarriedBy(context: Context, agencyId: string, role: Role | null | undefined, asOf: string): Promise<AssignmentParent[]> {
  const carried = await context.loaders.carried(asOf).load(agencyId);
  return carried.filter((a) => !role || a.type === ROLE_TYPE[role]).map((a) => ({ ...a, asOf }));
}
