import { propertyOf, type NodeKind, type PropertySpec } from '../../model/kinds';

/** The node id seen as a property: lists may filter and sort on it. */
export const ID_PROPERTY: PropertySpec = { name: 'id', type: 'string', sortable: true };

/** The spec of a property lists may filter or sort on for `kind`: `id` or a registry property; undefined otherwise. */
export function nodePropertySpec(kind: NodeKind, name: unknown): PropertySpec | undefined {
  if (typeof name !== 'string') return undefined;
  return name === 'id' ? ID_PROPERTY : propertyOf(kind, name);
}
