import { StoreInputError } from '../../errors';
import { RELATIONSHIP_PROPERTIES } from '../../model/relationships';
import { distinctEdgeKeys, type DistinctEdgeKey } from '../distinctEdgeKeys';
import type { EdgeKey, EdgeRecord } from '../port';
import type { ConnectionPool } from './ConnectionPool';
import type { Params } from './KuzuConnection';
import { chunks, UNION_CHUNK } from './matchByIds';
import { quoteIdentifier } from './quoteIdentifier';
import { toEdgeRecord } from './toEdgeRecord';

/**
 * The registry properties of `r` as one struct, in registry order. Returning
 * `r` itself would not do: UNION ALL needs the same column type in every
 * branch, and the rel values of two tables differ when a table got columns
 * added later (see ensureSchema), in another order.
 */
const EDGE_STRUCT = `{${RELATIONSHIP_PROPERTIES.map((p) => `${quoteIdentifier(p.name)}: r.${quoteIdentifier(p.name)}`).join(', ')}}`;

/**
 * GraphStore.getEdges on Kùzu. Keys are checked and deduplicated first (see
 * {@link distinctEdgeKeys}): an unknown type, an id that is not `Kind:key` or
 * a kind the type cannot join gives null without reaching Kùzu. The distinct
 * keys, sorted by type and endpoint kinds (so the same mix of shapes gives
 * the same statement text, and prepared statements are reused), are read in
 * UNION ALL statements of up to 25 branches
 * `MATCH (a:From)-[r:TYPE]->(b:To) WHERE a.id = $fN AND b.id = $tN RETURN N AS i, {...} AS edge`,
 * each anchored on both endpoints' primary keys (never `IN $list`, which
 * scans whole tables), issued at once on the read pool. The result is
 * aligned with `keys`: duplicates get the same record, missing relationships
 * null. No statement is sent for an empty list or one without a well-formed
 * key.
 */
export async function getEdges(pool: ConnectionPool, keys: readonly EdgeKey[]): Promise<(EdgeRecord | null)[]> {
  if (!Array.isArray(keys)) throw new StoreInputError('getEdges: keys must be a list of relationship keys');
  const result: (EdgeRecord | null)[] = new Array<EdgeRecord | null>(keys.length).fill(null);
  const distinct = distinctEdgeKeys(keys).sort(byShape);
  await Promise.all(
    chunks(distinct, UNION_CHUNK).map(async (chunk) => {
      const params: Params = {};
      const branches = chunk.map(({ key }, i) => {
        params[`f${i}`] = key.from;
        params[`t${i}`] = key.to;
        const pattern = `(a:${quoteIdentifier(key.fromKind)})-[r:${quoteIdentifier(key.type)}]->(b:${quoteIdentifier(key.toKind)})`;
        return `MATCH ${pattern} WHERE a.id = $f${i} AND b.id = $t${i} RETURN ${i} AS i, ${EDGE_STRUCT} AS edge`;
      });
      const rows = await pool.run(branches.join(' UNION ALL '), params, 'reading relationships by key');
      for (const row of rows) {
        const found = typeof row.i === 'number' ? chunk[row.i] : undefined;
        if (!found) throw new Error(`Kùzu returned a relationship for no key asked for (${String(row.i)})`);
        const { type, from, to } = found.key;
        const record = toEdgeRecord(type, from, to, row.edge ?? null);
        for (const position of found.positions) result[position] = record;
      }
    }),
  );
  return result;
}

/** By type, then start kind, then end kind. */
function byShape(x: DistinctEdgeKey, y: DistinctEdgeKey): number {
  const a = `${x.key.type} ${x.key.fromKind} ${x.key.toKind}`;
  const b = `${y.key.type} ${y.key.fromKind} ${y.key.toKind}`;
  return a < b ? -1 : a > b ? 1 : 0;
}
