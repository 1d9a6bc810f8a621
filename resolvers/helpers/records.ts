import type { Context } from '../../src/context';
import { SUMMARY_PROPERTIES } from '../../src/store/records';
import type { EdgeRecord, NodeRecord, Properties, PropertyValue } from '../../src/store/port';

const SUMMARY = new Set<string>(SUMMARY_PROPERTIES);

/**
 * The full record behind a node parent: the parent itself, or, for a summary
 * (`partial: true`, from a graph answer), the record read through the node
 * loader (batched: one store round-trip for all the summaries of a level).
 */
export async function fullNode(parent: NodeRecord, context: Context): Promise<NodeRecord> {
  if (!parent.partial) return parent;
  const record = await context.loaders.node.load(parent.id);
  if (!record) throw new Error(`node ${parent.id} of a graph answer is missing from the store`);
  return record;
}

/** One property of a node parent, read from the full record only when a summary lacks it. */
export function nodeProperty(parent: NodeRecord, name: string, context: Context): PropertyValue | Promise<PropertyValue> {
  if (!parent.partial || SUMMARY.has(name)) return parent.props[name] ?? null;
  return fullNode(parent, context).then((record) => record.props[name] ?? null);
}

/** The properties of a relationship parent, read through the relationship loader for a summary. */
export async function edgeProperties(edge: EdgeRecord, context: Context): Promise<Properties> {
  if (!edge.partial) return edge.props;
  const record = await context.loaders.edge.load({ type: edge.type, from: edge.from, to: edge.to });
  if (!record) throw new Error(`relationship ${edge.type} ${edge.from} -> ${edge.to} of a graph answer is missing from the store`);
  return record.props;
}
