import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import { openKuzuStore } from '../../src/store/kuzu/openKuzuStore';
import type { GraphStore } from '../../src/store/port';
import { freshKuzuDirectory } from '../support/freshKuzuStore';
import { AG_NEW, DOC_A, T_OPEN, T_STARTS, validityFixture } from './validityContract';
import { AS_OF_DATES, randomValidityGraph } from './validityProperties';

/** The graph answers of a store as of every date of AS_OF_DATES, for comparison. */
async function answers(store: GraphStore, starts: readonly string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const asOf of [undefined, ...AS_OF_DATES]) {
    for (const id of starts) {
      const sub = await store.neighbourhood({ ids: [id], depth: 3, limit: 50, asOf });
      // The order of the relationships of a neighbourhood is not part of the contract.
      out.push({ ...sub, edges: sub.edges.map((e) => `${e.type} ${e.from} ${e.to}`).sort() });
    }
    for (const [from, to] of [[T_OPEN, T_STARTS], [DOC_A, AG_NEW], [starts[0], starts.at(-1)]] as [string, string][]) {
      out.push(await store.findPaths({ from, to, mode: 'ALL', maxDepth: 4, limit: 50, asOf }));
    }
  }
  return out;
}

describe('the Kùzu projection read back from a stored graph', () => {
  it('holds the validity of nodes and relationships: the answers as of every date are those of the projection kept up by writes', async () => {
    const path = await freshKuzuDirectory();
    const store = checkStoreCalls(await openKuzuStore({ path, poolSize: 2, bufferPoolBytes: 256 * 1024 * 1024 }));
    const random = randomValidityGraph(11);
    await store.upsert(validityFixture());
    await store.upsert(random);
    const starts = [T_OPEN, DOC_A, ...random.nodes.slice(0, 4).map((n) => n.id)];
    const before = await answers(store, starts);
    await store.close();
    const reopened = checkStoreCalls(await openKuzuStore({ path, poolSize: 2, bufferPoolBytes: 256 * 1024 * 1024 }));
    try {
      expect(await answers(reopened, starts)).toEqual(before);
    } finally {
      await reopened.close();
    }
  });
});
