import { NODE_KINDS, type NodeKind } from '../../../model/kinds';
import type { KuzuConnection } from '../connection/KuzuConnection';
import { countNodesOf } from '../statements/counts';
import { toCount } from '../records/toPropertyValue';

/**
 * Approximate number of nodes per kind, used only to choose the shape of a
 * batched lookup (see {@link matchByIds}); never returned to callers. Loaded
 * at open and refreshed after each upsert.
 */
export class KindSizes {
  private readonly sizes = new Map<NodeKind, number>();

  /** The last known number of nodes of `kind` (0 when unknown). */
  get(kind: NodeKind): number {
    return this.sizes.get(kind) ?? 0;
  }

  set(kind: NodeKind, size: number): void {
    this.sizes.set(kind, size);
  }

  /** Counts the nodes of every kind. */
  async load(connection: KuzuConnection): Promise<void> {
    for (const kind of NODE_KINDS) {
      this.set(kind, toCount(await connection.run(countNodesOf(kind))));
    }
  }
}
