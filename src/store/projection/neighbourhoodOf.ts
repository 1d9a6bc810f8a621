import type { Subgraph } from '../analytics';
import type { EdgeRecord } from '../records';
import type { GraphProjection, ValidityFilter } from './GraphProjection';

/** What {@link neighbourhoodOf} needs, already checked: numbers of existing start nodes and masks. */
export interface ProjectedNeighbourhoodQuery {
  /** Numbers of the start nodes (duplicates allowed). */
  readonly starts: readonly number[];
  /** Hops, at least 1. */
  readonly depth: number;
  /** Most nodes returned, at least 1. */
  readonly limit: number;
  /** Relationship types followed (typeMask). */
  readonly types: number;
  /** Kinds of the nodes that may be entered beyond the start nodes (kindMask). */
  readonly kinds: number;
  /** Called before each layer is expanded; throws to stop the search (a passed deadline, an abort). */
  readonly check?: () => void;
  /** Only nodes and relationships passing this filter (as of a date); the start nodes must pass it. Undefined: all. */
  readonly valid?: ValidityFilter;
}

/**
 * GraphStore.neighbourhood on a projection (see the contract in
 * test/store/analyticsContract.ts): a breadth-first search from all start
 * nodes at once, layer by layer, following the allowed relationship types in
 * either direction and entering only nodes of the allowed kinds; each layer
 * sorted by id, so the nodes come nearest first then by id. It stops as soon
 * as more than `limit` nodes are known (later layers cannot be kept), keeps
 * the first `limit` and sets `truncated` when there were more. The
 * relationships are those of the allowed types whose both ends are kept,
 * each once, in its stored direction.
 *
 * Nodes and relationships are summaries (`partial: true`). The cost is the
 * sum of the degrees of the nodes expanded, whatever the size of the graph.
 */
export function neighbourhoodOf(projection: GraphProjection, query: ProjectedNeighbourhoodQuery): Subgraph {
  projection.nextEpoch();
  const ids = new Map<number, string>();
  const ordered: number[] = [];
  for (const start of query.starts) {
    if (projection.markOf(0, start) >= 0) continue;
    projection.mark(0, start, 0);
    ordered.push(start);
  }
  projection.sortById(ordered, ids);
  let frontier = ordered.slice();
  for (let distance = 1; distance <= query.depth && ordered.length <= query.limit && frontier.length > 0; distance += 1) {
    query.check?.();
    const next: number[] = [];
    for (const node of frontier) {
      projection.forEachNeighbour(node, query.types, (other) => {
        if (projection.markOf(0, other) >= 0 || (projection.kindBit(other) & query.kinds) === 0) return;
        projection.mark(0, other, distance);
        next.push(other);
      }, query.valid);
    }
    projection.sortById(next, ids);
    for (const node of next) ordered.push(node);
    frontier = next;
  }
  const kept = ordered.slice(0, query.limit);
  // Map 1 marks the kept nodes; every relationship is taken at its start node only.
  for (const node of kept) projection.mark(1, node, 1);
  const edges: EdgeRecord[] = [];
  for (const node of kept) {
    projection.forEachNeighbour(node, query.types, (other, type, outgoing) => {
      if (outgoing && projection.markOf(1, other) === 1) edges.push(projection.edgeSummary(type, node, other, ids));
    }, query.valid);
  }
  return { nodes: kept.map((node) => projection.summaryOf(node, ids)), edges, truncated: ordered.length > kept.length };
}
