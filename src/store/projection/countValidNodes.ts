import { NODE_KINDS, type NodeKind } from '../../model/kinds';
import type { GraphProjection, ValidityFilter } from './GraphProjection';

/**
 * The number of nodes of each kind that pass `valid` (every node without a
 * filter), from one pass over the projection's arrays (it holds every node's
 * kind and validity interval). Kinds with no such node are absent.
 */
export function countValidNodes(graph: GraphProjection, valid: ValidityFilter): Map<NodeKind, number> {
  const counts = new Float64Array(NODE_KINDS.length);
  for (let node = 0; node < graph.size; node += 1) {
    // kindBit is 1 << the kind's index in NODE_KINDS
    if (graph.isValid(node, valid)) {
      const k = 31 - Math.clz32(graph.kindBit(node));
      counts[k] = (counts[k] as number) + 1;
    }
  }
  const byKind = new Map<NodeKind, number>();
  counts.forEach((count, i) => {
    if (count > 0) byKind.set(NODE_KINDS[i] as NodeKind, count);
  });
  return byKind;
}
