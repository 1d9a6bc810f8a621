import { StoreInputError } from '../../errors';
import { propertyOf, type NodeKind, type PropertySpec } from '../../model/kinds';

/** The id, usable in conditions and sort keys like a string property. */
const ID_SPEC: PropertySpec = { name: 'id', type: 'string' };

/**
 * The spec of `property` on a node that is one of `kinds` (the first kind
 * that has it); `id` is accepted as a string property. Throws
 * {@link StoreInputError} naming the property when none of the kinds has it.
 *
 * @param owner names the call in error messages, e.g. "listNodes(Task)"
 */
export function resolveProperty(owner: string, kinds: readonly NodeKind[], property: unknown): PropertySpec {
  if (property === 'id') return ID_SPEC;
  if (typeof property === 'string') {
    for (const kind of kinds) {
      const spec = propertyOf(kind, property);
      if (spec) return spec;
    }
  }
  throw new StoreInputError(`${owner}: ${kinds.join('/')} has no property ${JSON.stringify(property)}`);
}
