import type { Context } from '../../src/context';
import type { Direction } from '../../src/model/relationships';
import { holdsOn, startedBy } from '../../src/model/validity';
import type { Neighbour, NodeRecord } from '../../src/store/port';
import { asOfArg, type AsOfArgs } from './asOf';

/**
 * The documents `id` cites (OUT) or is cited by (IN) over BASED_ON, as of
 * `asOf`. A citation is part of the citing document's text, so it stays
 * listed after either document has left force (as a legal database keeps the
 * "căn cứ" of a decision and marks the cited law "hết hiệu lực"; the
 * document's `status(asOf)` says so). Listed when the relationship itself
 * holds on `asOf` and the document at the other end had started by then
 * (its validFrom absent or <= asOf): a later document never appears as of an
 * earlier date. One batched store round-trip (the relationship's whole
 * history, filtered here by date).
 */
export async function citationsAsOf(context: Context, id: string, direction: Direction, asOf: string): Promise<Neighbour[]> {
  const all = await context.loaders.neighbours('BASED_ON', direction).load(id);
  return all.filter(({ node, edge }) => holdsOn(edge.props, asOf) && startedBy(node.props, asOf));
}

/** A field listing the documents the parent cites (OUT) or that cite it (IN), as of the field's date (see citationsAsOf). */
export function cited(direction: Direction) {
  return async (parent: NodeRecord, args: AsOfArgs, context: Context): Promise<NodeRecord[]> =>
    (await citationsAsOf(context, parent.id, direction, asOfArg(context, args.asOf))).map((n) => n.node);
}
