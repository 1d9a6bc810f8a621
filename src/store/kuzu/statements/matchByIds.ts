import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import { quoteIdentifier, type Params, type Statement } from './Statement';
import { validOn } from './validOn';

/** At most this many primary-key lookups per UNION ALL statement. */
export const UNION_CHUNK = 25;

/** At most this many ids per UNWIND statement (each statement scans the table once). */
const UNWIND_CHUNK = 10_000;

/** How a batch of ids is looked up (see bench/README.md, "Batched reads by id at 100k nodes"). */
export type LookupShape = 'union' | 'unwind';

/**
 * The shape for `count` distinct ids among `tableSize` nodes of one kind.
 * From bench/batch-read.ts (whole nodes returned): a UNION ALL branch
 * `MATCH (a:Kind) WHERE a.id = $p` is a primary-key index lookup and costs
 * about 0.3-0.4 ms per id whatever the table size, while `UNWIND $ids AS x
 * MATCH (a:Kind) WHERE a.id = x` is a hash join that scans the whole table
 * once - about 0.35 ms per 1,000 nodes - and is almost flat in the number of
 * ids. So UNION ALL while count <= 4 + tableSize / 1000, UNWIND beyond.
 */
export function lookupShape(count: number, tableSize: number): LookupShape {
  return count <= 4 + Math.floor(tableSize / 1000) ? 'union' : 'unwind';
}

/** One batched lookup keyed by node id. */
export interface MatchByIds {
  /** The kind of the keyed node (all ids are of this kind). */
  readonly kind: NodeKind;
  /** Distinct, well-formed ids of that kind. */
  readonly ids: readonly string[];
  /**
   * The pattern after the keyed node `(a:Kind)`, e.g. '' or
   * '-[e:`HAS_TASK`]->(b)'. Built from registry names only.
   */
  readonly rest: string;
  /** The RETURN list; include `a.id AS key` when rows are to be matched to ids. */
  readonly returns: string;
  /** More predicates ANDed after the id test (e.g. validity on a date), with their parameters. */
  readonly filter?: { readonly predicates: readonly string[]; readonly params: Params };
  /** For error messages. */
  readonly doing: string;
}

/**
 * The statements of `MATCH (a:Kind)<rest> WHERE a.id = <id> RETURN <returns>`
 * for many ids, few statements and never one per id, in the shape
 * {@link lookupShape} picks for a table of `tableSize` nodes: UNION ALL
 * statements of up to 25 primary-key lookups, or UNWIND joins of up to
 * 10,000 ids. None for an empty list. Their rows come back in no particular
 * order; the caller may run them concurrently (on a pool).
 */
export function matchByIds(query: MatchByIds, tableSize: number): Statement[] {
  const label = quoteIdentifier(query.kind);
  const shape = lookupShape(query.ids.length, tableSize);
  const more = query.filter?.predicates.length ? ` AND ${query.filter.predicates.join(' AND ')}` : '';
  const extra: Params = query.filter?.params ?? {};
  return chunks(query.ids, shape === 'union' ? UNION_CHUNK : UNWIND_CHUNK).map((ids): Statement => {
    if (shape === 'unwind') {
      return { text: `UNWIND $ids AS x MATCH (a:${label})${query.rest} WHERE a.id = x${more} RETURN ${query.returns}`, params: { ...extra, ids }, doing: query.doing };
    }
    const params: Params = { ...extra };
    const branches = ids.map((id, i) => {
      params[`p${i}`] = id;
      return `MATCH (a:${label})${query.rest} WHERE a.id = $p${i}${more} RETURN ${query.returns}`;
    });
    return { text: branches.join(' UNION ALL '), params, doing: query.doing };
  });
}

/** Splits `items` into the fewest chunks of at most `size`, of nearly equal lengths. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const count = Math.ceil(items.length / size);
  const out: T[][] = [];
  for (let i = 0; i < count; i += 1) out.push(items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
  return out;
}

/** Lookups of whole nodes of one kind by id: rows `{ node }`. */
export function nodesById(kind: NodeKind, ids: readonly string[], tableSize: number): Statement[] {
  return matchByIds({ kind, ids, rest: '', returns: 'a AS node', doing: `reading ${kind} nodes` }, tableSize);
}

/**
 * Lookups of the neighbours over `type` of nodes of one kind, following the
 * relationship OUT of them or IN to them: rows `{ key, edge, node }` (the
 * start id, the relationship, the neighbour node). With `asOf`, only rows
 * whose node, relationship and neighbour are all valid on that date.
 */
export function neighboursById(
  type: RelationshipType,
  direction: 'OUT' | 'IN',
  kind: NodeKind,
  ids: readonly string[],
  tableSize: number,
  asOf?: string,
): Statement[] {
  const rel = quoteIdentifier(type);
  const rest = direction === 'OUT' ? `-[e:${rel}]->(b)` : `<-[e:${rel}]-(b)`;
  const filter = validOn({ never: false, predicates: [], params: {} }, ['a', 'e', 'b'], asOf);
  return matchByIds(
    { kind, ids, rest, returns: 'a.id AS key, e AS edge, b AS node', filter, doing: `reading ${type} neighbours of ${kind} nodes` },
    tableSize,
  );
}

/** Lookups of which of `ids` (of one kind) are stored: rows `{ key }`. */
export function existingIds(kind: NodeKind, ids: readonly string[], tableSize: number): Statement[] {
  return matchByIds({ kind, ids, rest: '', returns: 'a.id AS key', doing: 'checking endpoints' }, tableSize);
}
