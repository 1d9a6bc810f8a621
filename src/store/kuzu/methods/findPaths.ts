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
 * are summaries (`partial: true`).
 *
 * From a node to itself: one path of length 0 when the node exists. Missing
 * or malformed ids give []; an empty `types` list gives []. Arguments are
 * checked by checkStoreCalls.
 */
export async function findPaths(projection: Promise<GraphProjection>, query: PathQuery, limits: CallLimits = CallLimits.NONE): Promise<GraphPath[]> {
  const { mode, maxDepth, limit, types } = query;
  limits.check('finding paths');
  const graph = await projection;
  limits.check('finding paths');
  const from = typeof query.from === 'string' ? graph.numberOf(query.from) : undefined;
  const to = typeof query.to === 'string' ? graph.numberOf(query.to) : undefined;
  if (from === undefined || to === undefined || types?.length === 0) return [];
  if (from === to) return [{ nodes: [graph.summaryOf(from)], edges: [] }];
  return pathsBetween(graph, { from, to, mode, maxDepth, limit, types: typeMask(types) });
}
