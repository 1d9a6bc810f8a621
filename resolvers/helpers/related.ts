import type { Context } from '../../src/context';
import type { Direction, RelationshipType } from '../../src/model/relationships';
import type { EdgeRecord, NodeRecord } from '../../src/store/port';
import { asOfArg, type AsOfArgs } from './asOf';

/**
 * Resolver factories for relationship fields. Each goes through the request's
 * DataLoader for (type, direction, date), so N parents cost one store
 * round-trip. Each field takes `asOf` (default today): only relationships
 * and nodes valid on that date (the store decides, see AsOf in
 * src/store/records.ts).
 */

/** Loads the neighbours of `id` over `type` in `direction`, valid on `asOf` (absent: the whole history). */
export function neighboursOf(context: Context, id: string, type: RelationshipType, direction: Direction, asOf?: string) {
  return context.loaders.neighbours(type, direction, asOf).load(id);
}

/** A field listing the nodes at the other end of `type` relationships. */
export function related(type: RelationshipType, direction: Direction) {
  return async (parent: NodeRecord, args: AsOfArgs, context: Context): Promise<NodeRecord[]> =>
    (await neighboursOf(context, parent.id, type, direction, asOfArg(context, args.asOf))).map((n) => n.node);
}

/** A field giving the first node at the other end (in the text's order), or null. */
export function relatedFirst(type: RelationshipType, direction: Direction) {
  return async (parent: NodeRecord, args: AsOfArgs, context: Context): Promise<NodeRecord | null> =>
    (await neighboursOf(context, parent.id, type, direction, asOfArg(context, args.asOf)))[0]?.node ?? null;
}

/** A field listing the relationships themselves (to reach their properties). */
export function relatedEdges(type: RelationshipType, direction: Direction) {
  return async (parent: NodeRecord, args: AsOfArgs, context: Context): Promise<EdgeRecord[]> =>
    (await neighboursOf(context, parent.id, type, direction, asOfArg(context, args.asOf))).map((n) => n.edge);
}

/** A field listing neighbours over several (type, direction) pairs, without repeats, in the order given. */
export function relatedAny(pairs: readonly (readonly [RelationshipType, Direction])[]) {
  return async (parent: NodeRecord, args: AsOfArgs, context: Context): Promise<NodeRecord[]> => {
    const asOf = asOfArg(context, args.asOf);
    const lists = await Promise.all(pairs.map(([type, direction]) => neighboursOf(context, parent.id, type, direction, asOf)));
    const seen = new Set<string>();
    const nodes: NodeRecord[] = [];
    for (const { node } of lists.flat()) {
      if (!seen.has(node.id)) {
        seen.add(node.id);
        nodes.push(node);
      }
    }
    return nodes;
  };
}
