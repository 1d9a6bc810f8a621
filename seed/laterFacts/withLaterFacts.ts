import { SeedValidationError } from '../../src/errors';
import { VALIDITY_PROPERTIES } from '../../src/model/kinds';
import type { EdgeRecord, GraphBatch, NodeRecord } from '../../src/store/port';

const VALIDITY_NAMES = new Set(VALIDITY_PROPERTIES.map((p) => p.name));

/**
 * The plan's batch with the later facts' records (see toGraphBatch): a
 * later record whose id (or relationship key) the plan already has may only
 * add validity properties, which are merged into the plan's record, so the
 * facts from the plan's text stay as they are; every other later record is
 * added after the plan's. Throws a {@link SeedValidationError} naming a
 * later record that would change anything else of the plan.
 */
export function withLaterFacts(plan: GraphBatch, later: GraphBatch): GraphBatch {
  const problems: string[] = [];
  const nodes = new Map<string, NodeRecord>(plan.nodes.map((n) => [n.id, n]));
  const added: NodeRecord[] = [];
  for (const node of later.nodes) {
    const mine = nodes.get(node.id);
    if (!mine) {
      added.push(node);
      continue;
    }
    const others = Object.keys(node.props).filter((k) => !VALIDITY_NAMES.has(k));
    if (others.length > 0) problems.push(`later facts: ${node.id}: would change the plan's ${others.join(', ')}`);
    nodes.set(node.id, { ...mine, props: { ...mine.props, ...node.props } });
  }
  const key = (e: EdgeRecord) => `${e.type} ${e.from} -> ${e.to}`;
  const edges = new Map<string, EdgeRecord>(plan.edges.map((e) => [key(e), e]));
  const addedEdges: EdgeRecord[] = [];
  for (const edge of later.edges) {
    const mine = edges.get(key(edge));
    if (!mine) {
      addedEdges.push(edge);
      continue;
    }
    const others = Object.keys(edge.props).filter((k) => !VALIDITY_NAMES.has(k));
    if (others.length > 0) problems.push(`later facts: ${key(edge)}: would change the plan's ${others.join(', ')}`);
    edges.set(key(edge), { ...mine, props: { ...mine.props, ...edge.props } });
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
  return { nodes: [...nodes.values(), ...added], edges: [...edges.values(), ...addedEdges] };
}
