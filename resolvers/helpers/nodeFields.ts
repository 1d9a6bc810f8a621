import type { Context } from '../../src/context';
import { propertiesOf, type NodeKind } from '../../src/model/kinds';
import { RELATIONSHIPS, RELATIONSHIP_TYPES, type Direction, type RelationshipType } from '../../src/model/relationships';
import { validityOf } from '../../src/model/validity';
import type { EdgeRecord, NodeRecord, PropertyValue } from '../../src/store/port';
import { asOfArg } from './asOf';
import { fullNode, nodeProperty } from './records';
import { referenceById } from './references';
import { neighboursOf } from './related';

type PropertyResolver = (parent: NodeRecord, args: unknown, context: Context) => PropertyValue | Promise<PropertyValue>;

/** Boolean properties exposed as non-null: an unset value reads as false. */
const NON_NULL_BOOLEANS = new Set(['synthetic', 'collective', 'recurring']);

/** The (type, direction) pairs a node of `kind` can have, as the registry allows. */
export function relationshipPairsOf(kind: NodeKind): (readonly [RelationshipType, Direction])[] {
  const pairs: (readonly [RelationshipType, Direction])[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    const spec = RELATIONSHIPS[type];
    if ((spec.from as readonly string[]).includes(kind)) pairs.push([type, 'OUT']);
    if ((spec.to as readonly string[]).includes(kind)) pairs.push([type, 'IN']);
  }
  return pairs;
}

interface RelationshipsArgs {
  readonly types?: readonly RelationshipType[] | null;
  readonly direction?: Direction | 'BOTH' | null;
  readonly asOf?: string | null;
}

/**
 * The fields every node type shares: `id`, one resolver per stored property
 * of the kind (from the registry; a summary parent reads the full record for
 * the properties it lacks), `source` (its provenance),
 * `validity` (when it holds and who says so), `relationships(types,
 * direction, asOf)`, and the federation `__resolveReference`
 * by id (every node kind is an entity keyed by id).
 */
export function nodeFields(kind: NodeKind) {
  const properties: Record<string, PropertyResolver> = {};
  for (const { name, internal } of propertiesOf(kind)) {
    if (internal) continue;
    properties[name] = NON_NULL_BOOLEANS.has(name)
      ? async (parent, _args, context) => (await nodeProperty(parent, name, context)) ?? false
      : (parent, _args, context) => nodeProperty(parent, name, context);
  }
  const pairs = relationshipPairsOf(kind);
  return {
    ...properties,
    __resolveReference: referenceById(kind),
    id: (parent: NodeRecord) => parent.id,
    source: async (parent: NodeRecord, _args: unknown, context: Context) => (await fullNode(parent, context)).props,
    validity: async (parent: NodeRecord, _args: unknown, context: Context) => validityOf((await fullNode(parent, context)).props),
    relationships: async (parent: NodeRecord, args: RelationshipsArgs, context: Context): Promise<EdgeRecord[]> => {
      const asOf = asOfArg(context, args.asOf);
      const wanted = pairs.filter(
        ([type, direction]) =>
          (!args.types || args.types.includes(type)) && (!args.direction || args.direction === 'BOTH' || args.direction === direction),
      );
      const lists = await Promise.all(wanted.map(([type, direction]) => neighboursOf(context, parent.id, type, direction, asOf)));
      return lists.flat().map((n) => n.edge);
    },
  };
}
