import type { NodeResolvers, ProvenanceResolvers, RelationshipResolvers } from './generated/types';

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

/** A relationship: its endpoints come through the node loader (already primed by the neighbour loader). */
export const relationshipResolvers: RelationshipResolvers = {
  type: (edge) => edge.type,
  from: async (edge, _args, context) => context.loaders.node.load(edge.from).then(orFail(edge.from)),
  to: async (edge, _args, context) => context.loaders.node.load(edge.to).then(orFail(edge.to)),
  source: (edge) => edge.props,
  note: (edge) => (typeof edge.props.note === 'string' ? edge.props.note : null),
  ordinal: (edge) => (typeof edge.props.ordinal === 'number' ? edge.props.ordinal : null),
};

/** A relationship's endpoint must exist; a missing one is an internal inconsistency (masked to clients). */
export function orFail<T>(id: string) {
  return (value: T | null): T => {
    if (value === null) throw new Error(`relationship endpoint ${id} is missing from the store`);
    return value;
  };
}
