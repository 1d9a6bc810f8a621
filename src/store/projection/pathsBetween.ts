import { RELATIONSHIP_TYPES } from '../../model/relationships';
import type { GraphPath } from '../analytics';
import type { EdgeRecord } from '../records';
import type { GraphProjection, ValidityFilter } from './GraphProjection';

/** What {@link pathsBetween} needs, already checked: two different existing nodes. */
export interface ProjectedPathQuery {
  readonly from: number;
  readonly to: number;
  readonly mode: 'SHORTEST' | 'ALL';
  /** Most relationships on a path, at least 1. */
  readonly maxDepth: number;
  /** Most paths returned, at least 1. */
  readonly limit: number;
  /** Relationship types followed (typeMask). */
  readonly types: number;
  /** Called between layers of the searches and every few hundred steps of a walk; throws to stop (a passed deadline, an abort). */
  readonly check?: () => void;
  /** Only nodes and relationships passing this filter (as of a date); `from` and `to` must pass it. Undefined: all. */
  readonly valid?: ValidityFilter;
}

/** One way to walk from one node to the next: a relationship type and whether it points forwards. */
interface Hop {
  readonly type: number;
  readonly outgoing: boolean;
}

/**
 * GraphStore.findPaths on a projection, for two different nodes (see the
 * contract in test/store/analyticsContract.ts): paths without repeated nodes
 * over the allowed types in either direction, ordered by length, then the
 * ids along the path, then the types along it, then the start ids of its
 * relationships; the first `limit`.
 *
 * - SHORTEST: a bidirectional breadth-first search (the smaller frontier
 *   grows first) finds the distance d; the nodes that lie on some path of
 *   length d are marked with their position (back from the meeting layer on
 *   the `from` side, forwards on the `to` side); a depth-first walk over the
 *   marked nodes, each step's nodes in id order, lists the node sequences in
 *   order, so it stops after `limit` paths. Cost: the two balls of radius
 *   ~d/2, not the graph.
 * - ALL: a breadth-first search from `to` (up to maxDepth - 1) gives each
 *   node's distance to `to`; then for each length 1..maxDepth a depth-first
 *   walk from `from` in id order, skipping nodes already on the path and
 *   nodes too far from `to` for the steps left.
 *
 * A node sequence joined by several relationships (several types, or both
 * directions) gives one path per combination, ordered by types then start
 * ids. Nodes and relationships are summaries (`partial: true`). With
 * `valid`, every step uses only relationships and nodes that pass it.
 */
export function pathsBetween(projection: GraphProjection, query: ProjectedPathQuery): GraphPath[] {
  projection.nextEpoch();
  const ids = new Map<number, string>();
  const sequences: number[][] = [];
  if (query.mode === 'SHORTEST') {
    const length = markShortest(projection, query);
    if (length > 0) walk(projection, query, length, (node, step) => projection.markOf(2, node) === step, sequences, ids);
  } else {
    distancesTo(projection, query);
    for (let length = 1; length <= query.maxDepth && sequences.length < query.limit; length += 1) {
      walk(projection, query, length, (node, step) => {
        const left = projection.markOf(1, node);
        return left >= 0 && left <= length - step && (node !== query.to || step === length);
      }, sequences, ids);
    }
  }
  const paths: GraphPath[] = [];
  for (const sequence of sequences) {
    for (const edges of hopCombinations(projection, query.types, sequence, ids, query.valid)) {
      if (paths.length === query.limit) return paths;
      paths.push({ nodes: sequence.map((node) => projection.summaryOf(node, ids)), edges });
    }
  }
  return paths;
}

/**
 * Bidirectional search for SHORTEST: map 0 holds distances from `from`,
 * map 1 distances to `to`, and afterwards map 2 the position of every node
 * that lies on a shortest path. Returns the length of the
 * shortest paths, or 0 when none is at most maxDepth long.
 */
function markShortest(projection: GraphProjection, query: ProjectedPathQuery): number {
  const { from, to, types } = query;
  projection.mark(0, from, 0);
  projection.mark(1, to, 0);
  const forward: number[][] = [[from]];
  const backward: number[][] = [[to]];
  let meeting: number[] = [];
  while (forward.length + backward.length - 2 < query.maxDepth && meeting.length === 0) {
    query.check?.();
    const growForward = (forward.at(-1) as number[]).length <= (backward.at(-1) as number[]).length;
    const layers = growForward ? forward : backward;
    const map: 0 | 1 = growForward ? 0 : 1;
    const distance = layers.length;
    const next: number[] = [];
    for (const node of layers.at(-1) as number[]) {
      projection.forEachNeighbour(node, types, (other) => {
        if (projection.markOf(map, other) >= 0) return;
        projection.mark(map, other, distance);
        next.push(other);
      }, query.valid);
    }
    if (next.length === 0) return 0;
    layers.push(next);
    meeting = next.filter((node) => projection.markOf(growForward ? 1 : 0, node) >= 0);
  }
  if (meeting.length === 0) return 0;
  const a = forward.length - 1;
  const length = a + backward.length - 1;
  // Map 2: positions. A node at distance i from `from` (i <= a, map 0) or length - i from
  // `to` (i >= a, map 1) lies on a shortest path when it joins one at i + 1 or i - 1.
  const positions: number[][] = Array.from({ length: length + 1 }, () => []);
  const onPath = (node: number, position: number): void => {
    if (projection.markOf(2, node) === position) return;
    projection.mark(2, node, position);
    (positions[position] as number[]).push(node);
  };
  for (const node of meeting) onPath(node, a);
  for (let position = a - 1; position >= 0; position -= 1) {
    for (const node of positions[position + 1] as number[]) {
      projection.forEachNeighbour(node, types, (other) => {
        if (projection.markOf(0, other) === position) onPath(other, position);
      }, query.valid);
    }
  }
  for (let position = a + 1; position <= length; position += 1) {
    for (const node of positions[position - 1] as number[]) {
      projection.forEachNeighbour(node, types, (other) => {
        if (projection.markOf(1, other) === length - position) onPath(other, position);
      }, query.valid);
    }
  }
  return length;
}

/** For ALL: map 1 holds each node's distance to `to`, up to maxDepth - 1. */
function distancesTo(projection: GraphProjection, query: ProjectedPathQuery): void {
  projection.mark(1, query.to, 0);
  let frontier = [query.to];
  for (let distance = 1; distance < query.maxDepth && frontier.length > 0; distance += 1) {
    query.check?.();
    const next: number[] = [];
    for (const node of frontier) {
      projection.forEachNeighbour(node, query.types, (other) => {
        if (projection.markOf(1, other) >= 0) return;
        projection.mark(1, other, distance);
        next.push(other);
      }, query.valid);
    }
    frontier = next;
  }
}

/**
 * Depth-first walk from `from` over `length` steps to `to`, each step's
 * candidate nodes in id order, a node never twice on one path; `allowed(node,
 * step)` says whether `node` may be the step-th node after `from`. Appends
 * the complete node sequences, in order, until `query.limit` are known.
 */
function walk(
  projection: GraphProjection,
  query: ProjectedPathQuery,
  length: number,
  allowed: (node: number, step: number) => boolean,
  into: number[][],
  ids: Map<number, string>,
): void {
  const path = [query.from];
  const onPath = new Set<number>(path);
  let steps = 0;
  const extend = (): void => {
    if ((steps += 1) % 256 === 0) query.check?.();
    const step = path.length;
    const last = path[step - 1] as number;
    if (step - 1 === length) {
      if (last === query.to) into.push(path.slice());
      return;
    }
    const candidates = new Set<number>();
    projection.forEachNeighbour(last, query.types, (other) => {
      if (!onPath.has(other) && allowed(other, step)) candidates.add(other);
    }, query.valid);
    for (const next of projection.sortById([...candidates], ids)) {
      if (into.length >= query.limit) return;
      path.push(next);
      onPath.add(next);
      extend();
      path.pop();
      onPath.delete(next);
    }
  };
  extend();
}

/**
 * The relationships that can join each pair of consecutive nodes, combined
 * into one list of edges per path, ordered by the types along the path, then
 * the start ids of its relationships.
 */
function hopCombinations(
  projection: GraphProjection,
  types: number,
  sequence: readonly number[],
  ids: Map<number, string>,
  valid: ValidityFilter,
): EdgeRecord[][] {
  const choices: { hop: Hop; edge: EdgeRecord }[][] = [];
  for (let i = 0; i + 1 < sequence.length; i += 1) {
    const here = sequence[i] as number;
    const next = sequence[i + 1] as number;
    const seen = new Set<number>();
    const list: { hop: Hop; edge: EdgeRecord }[] = [];
    projection.forEachNeighbour(here, types, (other, type, outgoing) => {
      const key = type * 2 + (outgoing ? 1 : 0);
      if (other !== next || seen.has(key)) return;
      seen.add(key);
      list.push({ hop: { type, outgoing }, edge: outgoing ? projection.edgeSummary(type, here, next, ids) : projection.edgeSummary(type, next, here, ids) });
    }, valid);
    choices.push(list);
  }
  let combinations: { hop: Hop; edge: EdgeRecord }[][] = [[]];
  for (const list of choices) combinations = combinations.flatMap((prefix) => list.map((choice) => [...prefix, choice]));
  const keyOf = (combination: readonly { hop: Hop; edge: EdgeRecord }[]): string[] => [
    ...combination.map(({ hop }) => RELATIONSHIP_TYPES[hop.type] as string),
    ...combination.map(({ edge }) => edge.from),
  ];
  return combinations
    .map((combination) => ({ key: keyOf(combination), edges: combination.map(({ edge }) => edge) }))
    .sort((x, y) => {
      for (let i = 0; i < x.key.length; i += 1) {
        const [u, v] = [x.key[i] as string, y.key[i] as string];
        if (u !== v) return u < v ? -1 : 1;
      }
      return 0;
    })
    .map(({ edges }) => edges);
}
