/**
 * The shared GraphStore contracts (the store port, its analyst part and its write part) on the live
 * Neo4j of the `neo4j` jest project (see test/support/neo4jTestTarget.ts). Every test EMPTIES that
 * database.
 */
import { Neo4jConnection, type TransactionWork } from '../../src/store/neo4j/connection/Neo4jConnection';
import { openEmptyNeo4jStore } from '../support/openTestStore';
import { describeAnalyticsContract } from './analyticsContract';
import { describeChangesContract } from './changesContract';
import { describeEventsContract } from './eventsContract';
import { describeStoreContract } from './contract';
import { describeValidityContract } from './validityContract';

describeStoreContract('neo4j', openEmptyNeo4jStore);
describeAnalyticsContract('neo4j', openEmptyNeo4jStore);
describeValidityContract('neo4j', openEmptyNeo4jStore);
describeChangesContract('neo4j', openEmptyNeo4jStore, () => {
  const original = Neo4jConnection.prototype.write;
  const spy = jest.spyOn(Neo4jConnection.prototype, 'write').mockImplementation(function <T>(this: Neo4jConnection, doing: string, work: TransactionWork<T>, options?: Parameters<typeof original>[2]) {
    const failing: TransactionWork<T> = (tx) =>
      work({
        run: (statement) => (statement.name === 'applyChange.appendChange' ? Promise.reject(new Error('injected failure while appending the history entry')) : tx.run(statement)),
      });
    return original.call(this, doing, failing, options) as Promise<T>;
  });
  return { restore: () => spy.mockRestore() };
});

describeEventsContract('neo4j', openEmptyNeo4jStore);
