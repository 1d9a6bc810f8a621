import type { GraphProjection } from '../../projection/GraphProjection';
import { validityChangesOf } from '../../projection/validityChangesOf';
import type { Page, ValidityChange, ValidityChangeQuery } from '../../port';
import { readValidityCursor } from '../../validityCursor';
import { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import type { KindSizes } from '../schema/KindSizes';
import { getEdges } from './getEdges';
import { getNodes } from './getNodes';

/**
 * GraphStore.listValidityChanges on Kùzu (arguments checked by
 * checkStoreCalls): the changes are found on the store's in-memory
 * projection, which holds every node's and relationship's validity
 * ({@link validityChangesOf}; a per-table scan took ~10 ms a table, ~1 s a
 * call over the 48 tables at seed size, measured), then the full records of
 * the page are read by id (getNodes) and by key (getEdges), batched. Empty
 * `kinds` and `types` list nothing.
 */
export async function listValidityChanges(
  projection: Promise<GraphProjection>,
  pool: ConnectionPool,
  sizes: KindSizes,
  query: ValidityChangeQuery,
  limits: CallLimits = CallLimits.NONE,
): Promise<Page<ValidityChange>> {
  limits.check('listing validity changes');
  const graph = await projection;
  limits.check('listing validity changes');
  const after = query.after === undefined ? undefined : readValidityCursor(query.after);
  const { changes, totalCount } = validityChangesOf(graph, { ...query, after });
  const nodeIds = changes.flatMap((c) => (c.node !== undefined ? [c.node] : []));
  const edgeKeys = changes.flatMap((c) => (c.edge !== undefined ? [c.edge] : []));
  const [nodes, edges] = await Promise.all([
    nodeIds.length > 0 ? getNodes(pool, sizes, nodeIds, limits) : [],
    edgeKeys.length > 0 ? getEdges(pool, edgeKeys, limits) : [],
  ]);
  let n = 0;
  let e = 0;
  const items: ValidityChange[] = [];
  for (const c of changes) {
    // A record written between the projection's answer and this read is left out rather than shown half-known.
    if (c.node !== undefined) {
      const node = nodes[n++];
      if (node) items.push({ date: c.date, change: c.change, node });
    } else {
      const edge = edges[e++];
      if (edge) items.push({ date: c.date, change: c.change, edge });
    }
  }
  return { items, totalCount };
}
