import { kindOfId } from '../../../model/ids';
import { propertiesOf, type PropertySpec } from '../../../model/kinds';
import { RELATIONSHIP_PROPERTIES } from '../../../model/relationships';
import type { GraphBatch, PropertyValue } from '../../port';
import type { EdgeWrite, NodeWrite } from '../statements/upsert';

export type { EdgeWrite, NodeWrite };

/** A prepared batch: nodes by id and relationships by type + endpoints, each once. */
export interface PreparedBatch {
  readonly nodes: readonly NodeWrite[];
  readonly edges: readonly EdgeWrite[];
}

/**
 * Prepares a batch (checked by checkStoreCalls: ids, kinds, types, endpoint
 * kinds and property values are those of the registries) for the UNWIND
 * statements of upsert: the properties given (undefined counts as not
 * given), in registry order, -0 as 0; entries repeated in the batch (same
 * node id, same type + endpoints) merged, later properties winning.
 */
export function prepareBatch(batch: GraphBatch): PreparedBatch {
  const nodes = new Map<string, NodeWrite>();
  for (const node of batch.nodes) {
    const kind = kindOfId(node.id);
    const props = given(propertiesOf(kind), node.props);
    const earlier = nodes.get(node.id);
    nodes.set(node.id, { id: node.id, kind, props: earlier ? new Map([...earlier.props, ...props]) : props });
  }
  const edges = new Map<string, EdgeWrite>();
  for (const { type, from, to, props: bag } of batch.edges) {
    const props = given(RELATIONSHIP_PROPERTIES, bag);
    const key = `${type}\n${from}\n${to}`;
    const earlier = edges.get(key);
    edges.set(key, {
      type,
      from,
      fromKind: kindOfId(from),
      to,
      toKind: kindOfId(to),
      props: earlier ? new Map([...earlier.props, ...props]) : props,
      name: `${type} ${from} -> ${to}`,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The properties given in `bag`, in the order of `specs`. */
function given(specs: readonly PropertySpec[], bag: Readonly<Record<string, PropertyValue | undefined>> | null | undefined): Map<string, PropertyValue> {
  const out = new Map<string, PropertyValue>();
  for (const spec of specs) {
    const value = bag?.[spec.name];
    if (value !== undefined) out.set(spec.name, value === 0 ? 0 : value);
  }
  return out;
}
