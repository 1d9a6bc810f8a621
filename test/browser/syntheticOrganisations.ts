import { foldText } from '../../src/model/text';
import type { GraphBatch, NodeRecord, EdgeRecord } from '../../src/store/port';

/**
 * `count` synthetic enterprises (marked `synthetic: true`, source
 * "synthetic") attached to the seeded plan: each is MEMBER_OF one of
 * `categories` and RECIPIENT_OF one or two of `tasks` (chosen by index, so
 * the batch is the same on every run). With the plan's tasks they make a
 * neighbourhood of several hundred nodes for the explorer's frame-time test.
 */
export function syntheticOrganisations(count: number, tasks: readonly string[], categories: readonly string[]): GraphBatch {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const props = { sourceDocument: 'synthetic', sourceClause: 'synthetic', sourceQuote: null, synthetic: true };
  for (let i = 0; i < count; i += 1) {
    const id = `Enterprise:syn-explorer-${String(i).padStart(4, '0')}`;
    const name = `Synthetic enterprise ${i + 1}`;
    const nameVi = `Doanh nghiệp mô phỏng ${i + 1}`;
    nodes.push({
      id,
      kind: 'Enterprise',
      props: { taxCode: `SYN${String(i).padStart(7, '0')}`, name, nameVi, description: null, ...props, searchText: foldText(`${name} ${nameVi}`) },
    });
    edges.push({ type: 'MEMBER_OF', from: id, to: categories[i % categories.length] as string, props: { ...props, note: null, ordinal: null } });
    edges.push({ type: 'RECIPIENT_OF', from: id, to: tasks[i % tasks.length] as string, props: { ...props, note: null, ordinal: null } });
    if (i % 3 === 0) edges.push({ type: 'RECIPIENT_OF', from: id, to: tasks[(i * 7 + 3) % tasks.length] as string, props: { ...props, note: null, ordinal: null } });
  }
  return { nodes, edges };
}
