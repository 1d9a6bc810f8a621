import { Kind, isUnionType, type GraphQLSchema, type StringValueNode } from 'graphql';
import { MAX_NODE_IDS } from '../../resolvers/Query';
import { BadUserInputError } from '../errors';

/** Keys of each entity type, from its `@key(fields: "...")` directives (simple keys: field names). */
function entityKeys(schema: GraphQLSchema): ReadonlyMap<string, readonly (readonly string[])[]> {
  const union = schema.getType('_Entity');
  const keys = new Map<string, (readonly string[])[]>();
  if (!union || !isUnionType(union)) return keys;
  for (const type of union.getTypes()) {
    const nodes = [type.astNode, ...type.extensionASTNodes].filter((node) => node !== undefined && node !== null);
    const typeKeys = nodes
      .flatMap((node) => node.directives ?? [])
      .filter((directive) => directive.name.value === 'key')
      .map((directive) => directive.arguments?.find((argument) => argument.name.value === 'fields')?.value)
      .filter((value): value is StringValueNode => value?.kind === Kind.STRING)
      .map((value) => value.value.split(/\s+/).filter(Boolean));
    keys.set(type.name, typeKeys.length > 0 ? typeKeys : [['id']]);
  }
  return keys;
}

const describe = (value: unknown): string => JSON.stringify(value)?.slice(0, 80) ?? String(value);

/**
 * Checks `_entities(representations:)` before any entity is resolved: at most
 * MAX_NODE_IDS representations (the cap of `nodes(ids:)`), each an object
 * whose `__typename` names an entity of this subgraph and that carries one of
 * its keys as strings. Anything else is BAD_USER_INPUT naming the argument,
 * the position, the typename and what was expected. A well-formed key that
 * names nothing still resolves to null.
 */
export function checkRepresentations(representations: unknown, keys: ReadonlyMap<string, readonly (readonly string[])[]>): void {
  if (!Array.isArray(representations)) throw new BadUserInputError('Argument "representations" must be a list.', 'representations');
  if (representations.length > MAX_NODE_IDS) {
    throw new BadUserInputError(
      `Argument "representations" has ${representations.length} items; at most ${MAX_NODE_IDS} are allowed (as for nodes(ids)).`,
      'representations',
    );
  }
  representations.forEach((representation: unknown, index) => {
    const where = `representations[${index}]`;
    if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
      throw new BadUserInputError(`Argument "${where}" must be an object with __typename and a key, not ${describe(representation)}.`, 'representations');
    }
    const record = representation as Record<string, unknown>;
    const typename = record.__typename;
    const typeKeys = typeof typename === 'string' ? keys.get(typename) : undefined;
    if (!typeKeys) {
      throw new BadUserInputError(
        `Argument "${where}" has __typename ${describe(typename)}, which is not an entity of this subgraph (one of ${[...keys.keys()].join(', ')}).`,
        'representations',
      );
    }
    if (!typeKeys.some((key) => key.every((field) => typeof record[field] === 'string'))) {
      const expected = typeKeys.map((key) => key.join(' + ')).join(' or ');
      throw new BadUserInputError(`Argument "${where}" of type ${typename} needs the key ${expected} as a string: ${describe(representation)}.`, 'representations');
    }
  });
}

/** Puts {@link checkRepresentations} in front of the subgraph's `_entities` resolver (no-op without federation). */
export function guardEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  const keys = entityKeys(schema);
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    checkRepresentations(args.representations, keys);
    return resolve(source, args, context, info);
  };
  return schema;
}
