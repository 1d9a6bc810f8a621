import type { GraphPath, PathQuery } from '../../analytics';
import { typeMask, type GraphProjection } from '../../projection/GraphProjection';
import { pathsBetween } from '../../projection/pathsBetween';
import { CallLimits } from '../connection/CallLimits';

/**
 * GraphStore.findPaths on Kùzu: the paths found
 * on the store's in-memory projection ({@link pathsBetween}: a bidirectional
 * breadth-first search for SHORTEST, a pruned depth-first walk for ALL),
 * with no statement sent to Kùzu (its `ALL SHORTEST 1..4` over every
 * relationship table took 0.24-0.57 s at 1M nodes). Nodes and relationships
 * are summaries (`partial: true`). The call's limits are checked before the
 * search and between its layers and steps (StoreTimeoutError).
 *
 * From a node to itself: one path of length 0 when the node exists. Missing
 * or malformed ids give []; an empty `types` list gives []. With `asOf`,
 * only paths whose every node and relationship is valid on that date (the
 * projection holds validity). Arguments are
 * checked by checkStoreCalls.
 */
export async function findPaths(projection: Promise<GraphProjection>, query: PathQuery, limits: CallLimits = CallLimits.NONE): Promise<GraphPath[]> {
  const { mode, maxDepth, limit, types, asOf } = query;
  limits.check('finding paths');
  const graph = await projection;
  limits.check('finding paths');
  const from = typeof query.from === 'string' ? graph.numberOf(query.from) : undefined;
  const to = typeof query.to === 'string' ? graph.numberOf(query.to) : undefined;
  const valid = asOf === undefined ? undefined : graph.validOn(asOf);
  if (from === undefined || to === undefined || types?.length === 0 || !graph.isValid(from, valid) || !graph.isValid(to, valid)) return [];
  if (from === to) return [{ nodes: [graph.summaryOf(from)], edges: [] }];
  return pathsBetween(graph, { from, to, mode, maxDepth, limit, types: typeMask(types), valid, check: () => limits.check('finding paths') });
}
