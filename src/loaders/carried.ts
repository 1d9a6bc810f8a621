import DataLoader from 'dataloader';
import { MAX_PREDECESSORS, MAX_SUCCESSION_DEPTH } from '../model/succession';
import { endedBy, holdsOn, startedBy } from '../model/validity';
import type { EdgeRecord, Neighbour, NodeRecord } from '../store/port';
import type { CarrierRecord } from './carriers';

/** What the carried-work walk reads, all batched loaders of the request. */
export interface CarriedSources {
  readonly node: DataLoader<string, NodeRecord | null>;
  /** Succession relationships ending at bodies (whole history). */
  readonly successionIn: DataLoader<string, readonly EdgeRecord[]>;
  /** LEADS and COORDINATES leaving bodies (whole history). */
  readonly leadsOut: DataLoader<string, readonly Neighbour[]>;
  readonly coordinatesOut: DataLoader<string, readonly Neighbour[]>;
  /** The carriers of bodies on the date (see carriersOn). */
  readonly carriers: DataLoader<string, readonly CarrierRecord[]>;
}

/**
 * True when an assignment was withdrawn by `asOf` on its own: its validTo
 * passed while its body still existed on that day. An assignment that ended
 * with its body is not withdrawn: the work passed to the body's successors.
 */
export function withdrawnBy(assignment: EdgeRecord, agency: NodeRecord | null, asOf: string): boolean {
  const to = assignment.props.validTo;
  if (!endedBy(assignment.props, asOf) || typeof to !== 'string') return false;
  return agency === null || holdsOn(agency.props, to);
}

/**
 * The bodies that carry an assignment's work on `asOf`: none when the
 * assignment was not yet made or was withdrawn by then; the assigned body
 * itself while it exists (since the assignment's validFrom); else its
 * successors with their chains (see carriersOn).
 */
export async function carriersOfAssignment(
  sources: Pick<CarriedSources, 'node' | 'carriers'>,
  assignment: EdgeRecord,
  asOf: string,
): Promise<CarrierRecord[]> {
  if (!startedBy(assignment.props, asOf)) return [];
  if (endedBy(assignment.props, asOf) && withdrawnBy(assignment, await sources.node.load(assignment.from), asOf)) return [];
  const carriers = await sources.carriers.load(assignment.from);
  const since = typeof assignment.props.validFrom === 'string' ? assignment.props.validFrom : null;
  return carriers.map((c) => (c.chain.length === 0 ? { ...c, since } : c));
}

const ok = <T>(value: T | Error): T => {
  if (value instanceof Error) throw value;
  return value;
};

/**
 * The assignments (LEADS, COORDINATES) whose work each body carries on
 * `asOf`: its own while it exists, and those of the bodies whose work passed
 * to it by then — each checked against its carriers, so the answer agrees
 * with Assignment.carriedBy. For every body of the batch at once: one
 * listEdges per step back along the succession (at most
 * MAX_SUCCESSION_DEPTH steps, MAX_PREDECESSORS bodies each), one call each
 * for LEADS and COORDINATES, then the carriers' walk.
 */
export async function carriedOn(ids: readonly string[], asOf: string, sources: CarriedSources): Promise<EdgeRecord[][]> {
  const bodiesOf = ids.map((id) => [id]);
  let frontier = ids.map((id, start) => ({ start, id }));
  for (let depth = 1; depth <= MAX_SUCCESSION_DEPTH && frontier.length > 0; depth += 1) {
    const unique = [...new Set(frontier.map((f) => f.id))];
    const lists = await sources.successionIn.loadMany(unique);
    const into = new Map(unique.map((id, i) => [id, ok(lists[i] ?? [])]));
    const next: { start: number; id: string }[] = [];
    for (const { start, id } of frontier) {
      const bodies = bodiesOf[start] as string[];
      for (const edge of into.get(id) ?? []) {
        if (bodies.includes(edge.from) || bodies.length >= MAX_PREDECESSORS) continue;
        bodies.push(edge.from);
        next.push({ start, id: edge.from });
      }
    }
    frontier = next;
  }
  const bodies = [...new Set(bodiesOf.flat())];
  const [leads, coordinates] = await Promise.all([sources.leadsOut.loadMany(bodies), sources.coordinatesOut.loadMany(bodies)]);
  const madeBy = new Map<string, EdgeRecord[]>();
  bodies.forEach((id, i) => {
    const made = [...ok(leads[i] ?? []), ...ok(coordinates[i] ?? [])].map((n) => n.edge).filter((e) => startedBy(e.props, asOf));
    madeBy.set(id, made);
  });
  const carriersOf = new Map<EdgeRecord, CarrierRecord[]>();
  const all = [...madeBy.values()].flat();
  const found = await Promise.all(all.map((a) => carriersOfAssignment(sources, a, asOf)));
  all.forEach((a, i) => carriersOf.set(a, found[i] ?? []));
  return ids.map((id, start) =>
    (bodiesOf[start] as string[]).flatMap((body) => (madeBy.get(body) ?? []).filter((a) => (carriersOf.get(a) ?? []).some((c) => c.agency.id === id))),
  );
}

/** A loader of the work bodies carry on `asOf` (see {@link carriedOn}); one walk per batch. */
export function createCarriedLoader(asOf: string, sources: CarriedSources): DataLoader<string, readonly EdgeRecord[]> {
  return new DataLoader<string, readonly EdgeRecord[]>((ids) => carriedOn(ids, asOf, sources), { maxBatchSize: 5000 });
}
