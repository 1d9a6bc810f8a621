import type { NodeKind } from '../../../model/kinds';
import { RELATIONSHIPS, type RelationshipType } from '../../../model/relationships';
import type { CountGroup, EdgeCountQuery } from '../../analytics';
import { buildConditions } from '../statements/conditions';
import { compareGroupValues } from '../records/compareGroupValues';
import type { ConnectionPool } from '../connection/ConnectionPool';
import type { CallLimits } from '../connection/CallLimits';
import { countEdgesStatement } from '../statements/counts';
import { validOn } from '../statements/validOn';
import { toCount } from '../records/toPropertyValue';

/**
 * GraphStore.countEdges on Kùzu, counted by Kùzu in one statement
 * ({@link countEdgesStatement}, implicit GROUP BY on the keys). Groups hold the
 * keys of `groupBy` only (`{count}` alone when it is empty), are ordered by
 * those keys in that order (types and ids by code point), and zero counts
 * are left out. `fromKinds` keeps the start kinds the types can have;
 * Empty `types` or `fromKinds`, or an empty `in`, count nothing. Arguments
 * are checked by checkStoreCalls. With `asOf`, only relationships valid on
 * that date whose both ends are valid on it are counted.
 */
export async function countEdges(pool: ConnectionPool, query: EdgeCountQuery, limits?: CallLimits): Promise<CountGroup[]> {
  const { types, groupBy: keys, fromKinds } = query;
  const conditions = validOn(buildConditions('b', query.toWhere, 'w'), ['a', 'e', 'b'], query.asOf);
  const startKinds = kindsOf(types, 'from').filter((kind) => !fromKinds || fromKinds.includes(kind));
  if (types.length === 0 || startKinds.length === 0 || conditions.never) return [];

  const rows = await pool.run(countEdgesStatement(types, fromKinds ? startKinds : undefined, conditions, keys), limits);
  const groups = rows
    .map((row) => {
      const group: { -readonly [K in keyof CountGroup]: CountGroup[K] } = { count: toCount([row]) };
      keys.forEach((key, i) => {
        const value = String(row[`k${i}`]);
        if (key === 'type') group.type = value as RelationshipType;
        else group[key] = value;
      });
      return group;
    })
    .filter((group) => group.count > 0);
  return groups.sort((x, y) => {
    for (const key of keys) {
      const order = compareGroupValues(x[key], y[key]);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function kindsOf(types: readonly RelationshipType[], end: 'from' | 'to'): NodeKind[] {
  return [...new Set(types.flatMap((type) => RELATIONSHIPS[type][end]))];
}
