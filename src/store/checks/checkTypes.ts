import { StoreInputError } from '../../errors';
import { isRelationshipType, type RelationshipType } from '../../model/relationships';

/**
 * Checks an optional list of relationship types: undefined when absent (null
 * or undefined), else the distinct types in the order given, possibly none.
 * Throws {@link StoreInputError} naming the argument and the bad value when
 * it is not a list or names an unknown type.
 *
 * @param owner names the call in error messages, e.g. "findPaths"
 * @param name the argument, e.g. "types"
 */
export function checkTypes(owner: string, name: string, types: unknown): RelationshipType[] | undefined {
  if (types === undefined || types === null) return undefined;
  if (!Array.isArray(types)) throw new StoreInputError(`${owner}: ${name} must be a list of relationship types`);
  const out = new Set<RelationshipType>();
  for (const type of types as readonly unknown[]) {
    if (typeof type !== 'string' || !isRelationshipType(type)) {
      throw new StoreInputError(`${owner}: ${name} holds an unknown relationship type ${JSON.stringify(type)}`);
    }
    out.add(type);
  }
  return [...out];
}
