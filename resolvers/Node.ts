import type { NodeResolvers, ProvenanceResolvers, RelationshipResolvers } from './generated/types';
import type { Context } from '../src/context';
import type { NodeRecord } from '../src/store/port';
import { validityOf } from '../src/model/validity';
import { edgeProperties } from './helpers/records';

/** The Node interface: its concrete type is the record's kind. */
export const nodeResolvers: NodeResolvers = {
  __resolveType: (parent) => parent.kind,
};

/** Provenance is read from the `source*` properties of a node or a relationship. */
export const provenanceResolvers: ProvenanceResolvers = {
  document: (props) => String(props.sourceDocument ?? ''),
  clause: (props) => String(props.sourceClause ?? ''),
  quote: (props) => (typeof props.sourceQuote === 'string' ? props.sourceQuote : null),
};

/**
 * A relationship: its endpoints come through the node loader (already primed
 * by the neighbour loader) or as the summaries a graph answer returned; the
 * properties of a summary relationship through the relationship loader.
 */
export const relationshipResolvers: RelationshipResolvers = {
  type: (edge) => edge.type,
  from: (edge, _args, context) => endpoint(context, edge.from),
  to: (edge, _args, context) => endpoint(context, edge.to),
  source: (edge, _args, context) => edgeProperties(edge, context),
  note: async (edge, _args, context) => {
    const { note } = await edgeProperties(edge, context);
    return typeof note === 'string' ? note : null;
  },
  ordinal: async (edge, _args, context) => {
    const { ordinal } = await edgeProperties(edge, context);
    return typeof ordinal === 'number' ? ordinal : null;
  },
  validity: async (edge, _args, context) => validityOf(await edgeProperties(edge, context)),
};

/** A relationship's endpoint as the request knows it (synchronously when it can). */
function endpoint(context: Context, id: string): NodeRecord | Promise<NodeRecord> {
  const view = context.loaders.nodeView(id);
  return view instanceof Promise ? view.then(orFail(id)) : view;
}

/** A relationship's endpoint must exist; a missing one is an internal inconsistency (masked to clients). */
export function orFail<T>(id: string) {
  return (value: T | null): T => {
    if (value === null) throw new Error(`relationship endpoint ${id} is missing from the store`);
    return value;
  };
}
