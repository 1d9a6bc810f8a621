import type { GraphProjection } from '../../projection/GraphProjection';
import type { GraphBatch } from '../../port';

/**
 * The store's {@link GraphProjection}, kept in step with its writes: built
 * once (openKuzuStore builds the first one before the store is returned),
 * then every committed upsert is applied to it ({@link apply}, called while
 * the write connection is still held, so no other write can come between
 * the commit and the update). When a write cannot be applied (an endpoint
 * the projection does not know: it would have drifted from the store) or a
 * build failed, the next {@link get} builds it again from the store. A build
 * runs on the write connection, so a build still waiting for it when a write
 * commits will include that write.
 */
export class ProjectionCache {
  private current: Promise<GraphProjection> | undefined;
  private settled: GraphProjection | undefined;

  /** @param build reads a fresh projection from the store, on the write connection */
  constructor(
    private readonly build: () => Promise<GraphProjection>,
    first?: GraphProjection,
  ) {
    if (first) {
      this.current = Promise.resolve(first);
      this.settled = first;
    }
  }

  /** The projection, built first when there is none. */
  get(): Promise<GraphProjection> {
    if (!this.current) {
      const building = this.build();
      this.current = building;
      building.then(
        (projection) => {
          if (this.current === building) this.settled = projection;
        },
        () => {
          if (this.current === building) this.current = undefined;
        },
      );
    }
    return this.current;
  }

  /** Applies a committed write; drops the projection (rebuilt on next use) when it cannot. */
  apply(batch: GraphBatch): void {
    if (!this.settled) return; // none yet, or a build queued behind this write: it will see the write
    if (!this.settled.apply(batch.nodes, batch.edges)) {
      this.current = undefined;
      this.settled = undefined;
    }
  }
}
