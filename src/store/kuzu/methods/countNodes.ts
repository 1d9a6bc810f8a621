import { StoreInputError } from '../../../errors';
import { COMMON_PROPERTIES, isNodeKind, NODE_KINDS, type NodeKind } from '../../../model/kinds';
import type { CountGroup, NodeCountQuery } from '../../analytics';
import type { PropertyValue } from '../../port';
import { buildConditions } from '../statements/conditions';
import { compareGroupValues } from '../records/compareGroupValues';
import type { ConnectionPool } from '../connection/ConnectionPool';
import type { CallLimits } from '../connection/CallLimits';
import { countOfKind, countOfKindBy, countPerKind } from '../statements/counts';
import { resolveProperty } from '../../checks/resolveProperty';
import { toCount } from '../records/toPropertyValue';
import { toPropertyValue } from '../records/toPropertyValue';

/**
 * GraphStore.countNodes on Kùzu, counted by Kùzu (`count(*)` with implicit
 * GROUP BY), one statement on one read connection:
 *
 * - no `kind`: one group `{kind, count}` per kind, from one UNION ALL of
 *   per-table counts; `where` may then only test properties every kind has
 *   (the common ones and `id`); `groupBy` needs a kind;
 * - `kind` without `groupBy`: one total `{count}`;
 * - `kind` and `groupBy`: one group `{value, count}` per value of that
 *   property (null is a value), ordered by value (see compareGroupValues).
 *
 * Groups with a zero count are left out. Unknown kinds and properties throw
 * StoreInputError naming them; an empty `in` condition counts nothing.
 */
export async function countNodes(pool: ConnectionPool, query: NodeCountQuery, limits?: CallLimits): Promise<CountGroup[]> {
  const owner = 'countNodes';
  const kind: unknown = query?.kind;
  if (kind === undefined || kind === null) {
    if (query?.groupBy !== undefined && query.groupBy !== null) {
      throw new StoreInputError(`${owner}: groupBy ${JSON.stringify(query.groupBy)} needs a kind`);
    }
    return countKinds(pool, owner, query?.where, limits);
  }
  if (typeof kind !== 'string' || !isNodeKind(kind)) throw new StoreInputError(`${owner}: unknown kind ${JSON.stringify(kind)}`);
  const named = `${owner}(${kind})`;
  const conditions = buildConditions(named, 'n', [kind], query.where, 'w');
  const groupBy = query.groupBy === undefined || query.groupBy === null ? undefined : resolveProperty(named, [kind], query.groupBy);
  if (conditions.never) return [];
  if (!groupBy) {
    const count = toCount(await pool.run(countOfKind(kind, conditions), limits));
    return count > 0 ? [{ count }] : [];
  }
  const rows = await pool.run(countOfKindBy(kind, conditions, groupBy.name), limits);
  return rows
    .map((row) => ({ value: toPropertyValue(row.v ?? null, `${kind}.${groupBy.name}`), count: toCount([row]) }))
    .filter((group) => group.count > 0)
    .sort((a, b) => compareGroupValues(a.value, b.value));
}

/** One group per kind; conditions may only name properties that every kind has. */
async function countKinds(pool: ConnectionPool, owner: string, where: NodeCountQuery['where'], limits: CallLimits | undefined): Promise<CountGroup[]> {
  const shared = new Set(['id', ...COMMON_PROPERTIES.map((spec) => spec.name)]);
  for (const condition of (Array.isArray(where) ? where : []) as readonly unknown[]) {
    const property = (condition as { property?: unknown } | null)?.property;
    if (typeof property !== 'string' || !shared.has(property)) {
      throw new StoreInputError(`${owner}: without a kind, conditions may only test properties every kind has; not ${JSON.stringify(property)}`);
    }
  }
  const conditions = buildConditions(owner, 'n', NODE_KINDS, where, 'w');
  if (conditions.never) return [];
  const rows = await pool.run(countPerKind(conditions), limits);
  const groups: { kind: NodeKind; count: number }[] = [];
  for (const row of rows) {
    const kind = String(row.kind);
    const count = toCount([row]);
    if (isNodeKind(kind) && count > 0) groups.push({ kind, count });
  }
  return groups.sort((a, b) => compareGroupValues(a.kind as PropertyValue, b.kind as PropertyValue));
}
