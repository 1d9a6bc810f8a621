import type { NeighbourhoodQuery, Subgraph } from '../../analytics';
import { kindMask, typeMask, type GraphProjection } from '../../projection/GraphProjection';
import { neighbourhoodOf } from '../../projection/neighbourhoodOf';
import { CallLimits } from '../connection/CallLimits';

/**
 * GraphStore.neighbourhood on Kùzu: the search
 * itself on the store's in-memory projection ({@link neighbourhoodOf}), with
 * no statement sent to Kùzu. Kùzu 0.11.3 answered the same question with a
 * recursive `SHORTEST 1..k` join in 0.6-1.4 s at 1M nodes whatever the
 * reach (its recursive joins set up per-node state for the whole graph), and
 * reading properties of scattered nodes costs it ~20 µs per column per node;
 * the projection answers in the time of the nodes it visits. Nodes and
 * relationships are summaries (`partial: true`). The call's limits are
 * checked before the search and between its layers (StoreTimeoutError).
 *
 * Missing or malformed start ids are ignored; empty `types` or `kinds`
 * leave the start nodes only. With `asOf`, start nodes, nodes entered and
 * relationships followed and returned are those valid on that date.
 * Arguments are checked by checkStoreCalls.
 */
export async function neighbourhood(projection: Promise<GraphProjection>, query: NeighbourhoodQuery, limits: CallLimits = CallLimits.NONE): Promise<Subgraph> {
  const { depth, limit, kinds, types, asOf } = query;
  limits.check('reading a neighbourhood');
  const graph = await projection;
  limits.check('reading a neighbourhood');
  const valid = asOf === undefined ? undefined : graph.validOn(asOf);
  const starts: number[] = [];
  for (const id of query.ids as readonly unknown[]) {
    const number = typeof id === 'string' ? graph.numberOf(id) : undefined;
    if (number !== undefined && graph.isValid(number, valid)) starts.push(number);
  }
  if (starts.length === 0) return { nodes: [], edges: [], truncated: false };
  return neighbourhoodOf(graph, { starts, depth, limit, types: typeMask(types), kinds: kindMask(kinds), valid, check: () => limits.check('reading a neighbourhood') });
}
