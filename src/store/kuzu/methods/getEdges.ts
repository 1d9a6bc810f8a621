import { compareCodePoints } from '../../compareCodePoints';
import { distinctEdgeKeys, type DistinctEdgeKey } from '../../distinctEdgeKeys';
import type { EdgeKey, EdgeRecord } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toEdgeRecord } from '../records/toEdgeRecord';
import { edgesByKey } from '../statements/getEdges';
import { chunks, UNION_CHUNK } from '../statements/matchByIds';

/**
 * GraphStore.getEdges on Kùzu. Keys are checked and deduplicated first (see
 * {@link distinctEdgeKeys}): an unknown type, an id that is not `Kind:key` or
 * a kind the type cannot join gives null without reaching Kùzu. The distinct
 * keys, sorted by type and endpoint kinds (so the same mix of shapes gives
 * the same statement text, and prepared statements are reused), are read in
 * UNION ALL statements of up to 25 keys ({@link edgesByKey}), issued at once
 * on the read pool. The result is aligned with `keys`: duplicates get the
 * same record, missing relationships null. No statement is sent for an
 * empty list or one without a well-formed key.
 */
export async function getEdges(pool: ConnectionPool, keys: readonly EdgeKey[], limits?: CallLimits): Promise<(EdgeRecord | null)[]> {
  const result: (EdgeRecord | null)[] = new Array<EdgeRecord | null>(keys.length).fill(null);
  const distinct = distinctEdgeKeys(keys).sort(byShape);
  await Promise.all(
    chunks(distinct, UNION_CHUNK).map(async (chunk) => {
      for (const row of await pool.run(edgesByKey(chunk), limits)) {
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

/** By type, then start kind, then end kind (registry names: code point order). */
function byShape(x: DistinctEdgeKey, y: DistinctEdgeKey): number {
  return (
    compareCodePoints(x.key.type, y.key.type) ||
    compareCodePoints(x.key.fromKind, y.key.fromKind) ||
    compareCodePoints(x.key.toKind, y.key.toKind)
  );
}
