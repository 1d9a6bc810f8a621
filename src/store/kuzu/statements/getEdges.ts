import { RELATIONSHIP_PROPERTIES } from '../../../model/relationships';
import type { DistinctEdgeKey } from '../../distinctEdgeKeys';
import { quoteIdentifier, type Params, type Statement } from './Statement';

/**
 * The registry properties of `r` as one struct, in registry order. Returning
 * `r` itself would not do: UNION ALL needs the same column type in every
 * branch, and the rel values of two tables differ when a table got columns
 * added later (see ensureSchema), in another order.
 */
const EDGE_STRUCT = `{${RELATIONSHIP_PROPERTIES.map((p) => `${quoteIdentifier(p.name)}: r.${quoteIdentifier(p.name)}`).join(', ')}}`;

/**
 * One UNION ALL statement reading relationships by key, one branch per key
 * `MATCH (a:From)-[r:TYPE]->(b:To) WHERE a.id = $fN AND b.id = $tN RETURN N AS i, {...} AS edge`,
 * each anchored on both endpoints' primary keys (never `IN $list`, which
 * scans whole tables). Rows `{ i, edge }`: `i` is the key's position in
 * `keys`. `keys` must not be empty (use chunks of up to UNION_CHUNK).
 */
export function edgesByKey(keys: readonly DistinctEdgeKey[]): Statement {
  const params: Params = {};
  const branches = keys.map(({ key }, i) => {
    params[`f${i}`] = key.from;
    params[`t${i}`] = key.to;
    const pattern = `(a:${quoteIdentifier(key.fromKind)})-[r:${quoteIdentifier(key.type)}]->(b:${quoteIdentifier(key.toKind)})`;
    return `MATCH ${pattern} WHERE a.id = $f${i} AND b.id = $t${i} RETURN ${i} AS i, ${EDGE_STRUCT} AS edge`;
  });
  return { text: branches.join(' UNION ALL '), params, doing: 'reading relationships by key' };
}
