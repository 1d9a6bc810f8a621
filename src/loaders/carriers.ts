import DataLoader from 'dataloader';
import { MAX_CARRIERS, MAX_SUCCESSION_DEPTH } from '../model/succession';
import { endedBy, holdsOn, startedBy } from '../model/validity';
import type { EdgeRecord, NodeRecord } from '../store/port';

/** One dated step of a body's succession: `edge` (SUCCEEDED_BY, MERGED_INTO, ...) from `from` to `to`. */
export interface SuccessionStepRecord {
  readonly edge: EdgeRecord;
  readonly from: NodeRecord;
  readonly to: NodeRecord;
  /** The day the step took effect: the relationship's validFrom, else the day the earlier body ended; null when neither is recorded. */
  readonly date: string | null;
}

/** A body that carries a body's work on a date, and how the work reached it. */
export interface CarrierRecord {
  readonly agency: NodeRecord;
  /** The day it took the work over (its last step's date); null when it is the body itself (the caller knows since when). */
  readonly since: string | null;
  /** The steps from the body to this carrier, in order (empty: the body carries its own work). */
  readonly chain: readonly SuccessionStepRecord[];
}

/** What the walk reads: nodes by id and the succession relationships leaving bodies (both batched loaders). */
export interface CarrierSources {
  readonly node: DataLoader<string, NodeRecord | null>;
  readonly successionOut: DataLoader<string, readonly EdgeRecord[]>;
}

/** The date a succession step took effect (see {@link SuccessionStepRecord.date}). */
export function stepDate(edge: EdgeRecord, from: NodeRecord): string | null {
  const own = edge.props.validFrom;
  if (typeof own === 'string' && own.length > 0) return own;
  const ended = from.props.validTo;
  return typeof ended === 'string' && ended.length > 0 ? ended : null;
}

/** True when the step had happened by `asOf` (an undated step counts once its body has ended). */
export function stepHappenedBy(step: { readonly date: string | null }, asOf: string): boolean {
  return step.date === null || step.date <= asOf;
}

interface Trail {
  readonly start: number;
  readonly at: NodeRecord;
  readonly chain: readonly SuccessionStepRecord[];
}

/**
 * The bodies that carry each body's work on `asOf`. A body valid on that date
 * carries its own work; a body that has ended passes it along its succession
 * relationships (those that had happened by `asOf`) until bodies valid on the
 * date are reached; a body not yet in existence carries nothing. Breadth
 * first and level by level for every body of the batch at once: each level
 * costs one listEdges (through `successionOut`) and one node lookup, at most
 * {@link MAX_SUCCESSION_DEPTH} levels; at most {@link MAX_CARRIERS} carriers
 * per body (shortest chains first), cycles cut.
 */
export async function carriersOn(ids: readonly string[], asOf: string, sources: CarrierSources): Promise<CarrierRecord[][]> {
  const starts = await sources.node.loadMany([...ids]);
  const results: CarrierRecord[][] = ids.map(() => []);
  let trails: Trail[] = [];
  starts.forEach((start, index) => {
    if (start === null || start instanceof Error) return;
    if (holdsOn(start.props, asOf)) results[index]?.push({ agency: start, since: null, chain: [] });
    else if (startedBy(start.props, asOf)) trails.push({ start: index, at: start, chain: [] });
  });
  for (let depth = 1; depth <= MAX_SUCCESSION_DEPTH && trails.length > 0; depth += 1) {
    const ends = [...new Set(trails.map((t) => t.at.id))];
    const edgeLists = await sources.successionOut.loadMany(ends);
    const edgesOf = new Map<string, readonly EdgeRecord[]>();
    ends.forEach((id, i) => {
      const list = edgeLists[i];
      if (list && !(list instanceof Error)) edgesOf.set(id, list);
    });
    const toIds = [...new Set([...edgesOf.values()].flat().map((e) => e.to))];
    const toNodes = await sources.node.loadMany(toIds);
    const nodeOf = new Map<string, NodeRecord>();
    toNodes.forEach((n) => {
      if (n && !(n instanceof Error)) nodeOf.set(n.id, n);
    });
    const next: Trail[] = [];
    for (const trail of trails) {
      const found = results[trail.start] as CarrierRecord[];
      for (const edge of edgesOf.get(trail.at.id) ?? []) {
        const to = nodeOf.get(edge.to);
        if (!to || to.id === trail.at.id || trail.chain.some((s) => s.from.id === to.id)) continue;
        const step: SuccessionStepRecord = { edge, from: trail.at, to, date: stepDate(edge, trail.at) };
        if (!stepHappenedBy(step, asOf)) continue;
        const chain = [...trail.chain, step];
        if (holdsOn(to.props, asOf)) {
          if (found.length < MAX_CARRIERS && !found.some((c) => c.agency.id === to.id)) found.push({ agency: to, since: step.date, chain });
        } else if (endedBy(to.props, asOf)) {
          next.push({ start: trail.start, at: to, chain });
        }
      }
    }
    trails = next.filter((t) => (results[t.start] as CarrierRecord[]).length < MAX_CARRIERS);
  }
  return results;
}

/** A loader of the carriers on `asOf` of bodies by id (see {@link carriersOn}); one walk per batch. */
export function createCarrierLoader(asOf: string, sources: CarrierSources): DataLoader<string, readonly CarrierRecord[]> {
  return new DataLoader<string, readonly CarrierRecord[]>((ids) => carriersOn(ids, asOf, sources), { maxBatchSize: 5000 });
}
