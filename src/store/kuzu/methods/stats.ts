import type { GraphStats } from '../../port';
import type { CallLimits } from '../connection/CallLimits';
import type { ConnectionPool } from '../connection/ConnectionPool';
import { toCount } from '../records/toPropertyValue';
import { countAllEdges, countAllNodes } from '../statements/counts';

/** GraphStore.stats on Kùzu: the node and relationship counts, two statements on one read connection. */
export async function stats(pool: ConnectionPool, limits?: CallLimits): Promise<GraphStats> {
  return pool.use(async (c) => ({
    nodes: toCount(await c.run(countAllNodes(), limits)),
    edges: toCount(await c.run(countAllEdges(), limits)),
  }), limits);
}
