import { parseId } from '../../../model/ids';
import type { NodeKind } from '../../../model/kinds';
import { isRelationshipType, RELATIONSHIPS, type RelationshipType } from '../../../model/relationships';
import type { EdgeListQuery, EdgeRecord, Page } from '../../port';
import { buildConditions } from '../statements/conditions';
import type { ConnectionPool } from '../connection/ConnectionPool';
import type { CallLimits } from '../connection/CallLimits';
import { listEdgesStatements } from '../statements/listEdges';
import { validOn } from '../statements/validOn';
import { toEdgeRecord } from '../records/toEdgeRecord';
import { readPage } from './readPage';

/**
 * GraphStore.listEdges on Kùzu (arguments checked by checkStoreCalls): one page of relationships of the given types
 * (optionally only from / to some ids, and only to nodes meeting `toWhere`),
 * ordered by type name, then the end node's ordinal (when its kind has one;
 * nulls last) and id, then the relationship's ordinal (nulls last) and start
 * id; with the total count of matches. One multi-type pattern: the page, and
 * the count only when the page does not tell it (see {@link readPage}). An empty `types`, `fromIds` or `toIds` list (after
 * dropping malformed ids and ids of kinds the types cannot join) matches
 * nothing. With `asOf`, only relationships valid on that date whose both
 * ends are valid on it too.
 */
export async function listEdges(pool: ConnectionPool, query: EdgeListQuery, limits?: CallLimits): Promise<Page<EdgeRecord>> {
  const { types, offset, limit } = query;
  const fromKinds = kindsOf(types, 'from');
  const toKinds = kindsOf(types, 'to');
  const conditions = validOn(buildConditions('b', query.toWhere, 'w'), ['a', 'e', 'b'], query.asOf);
  const fromIds = idFilter(query.fromIds, fromKinds);
  const toIds = idFilter(query.toIds, toKinds);
  if (types.length === 0 || conditions.never || fromIds?.length === 0 || toIds?.length === 0) return { items: [], totalCount: 0 };

  const statements = listEdgesStatements({ types, toKinds, conditions, fromIds, toIds, offset, limit });
  return readPage(
    pool,
    statements,
    { offset, limit },
    (row) => {
      const type = row.relType;
      if (typeof type !== 'string' || !isRelationshipType(type)) throw new Error(`Kùzu returned an unknown relationship type ${String(type)}`);
      return toEdgeRecord(type, String(row.src), String(row.dst), row.edge ?? null);
    },
    limits,
  );
}

function kindsOf(types: readonly RelationshipType[], end: 'from' | 'to'): NodeKind[] {
  return [...new Set(types.flatMap((type) => RELATIONSHIPS[type][end]))];
}

/** The distinct well-formed ids of `kinds` in an optional id list (undefined when the filter is absent). */
function idFilter(ids: readonly string[] | undefined, kinds: readonly NodeKind[]): string[] | undefined {
  if (ids === undefined) return undefined;
  const wanted = new Set<string>();
  for (const id of ids as readonly unknown[]) {
    if (typeof id !== 'string') continue;
    const parsed = parseId(id);
    if (typeof parsed !== 'string' && kinds.includes(parsed.kind)) wanted.add(id);
  }
  return [...wanted];
}
