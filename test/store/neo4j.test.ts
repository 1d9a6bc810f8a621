/**
 * The shared GraphStore contracts (the store port and its analyst part)
 * against a live Neo4j 5, when one is given:
 *
 *   NEO4J_URI=neo4j://localhost:7687 NEO4J_USERNAME=neo4j NEO4J_PASSWORD=... \
 *   [NEO4J_DATABASE=neo4j] npx jest test/store/neo4j.test.ts
 *
 * WARNING: every test EMPTIES that database first (MATCH (n) DETACH DELETE n).
 * Point it at a throw-away database only.
 */
import { openEmptyNeo4jStore } from '../support/openTestStore';
import { describeAnalyticsContract } from './analyticsContract';
import { describeStoreContract } from './contract';

const uri = process.env.NEO4J_URI;

if (uri) {
  describeStoreContract('neo4j', openEmptyNeo4jStore);
  describeAnalyticsContract('neo4j', openEmptyNeo4jStore);
} else {
  console.log('neo4j contract suites skipped: NEO4J_URI is not set');
  describe.skip('GraphStore contract (neo4j)', () => {
    it('needs NEO4J_URI', () => undefined);
  });
  describe.skip('GraphStore analytics contract (neo4j)', () => {
    it('needs NEO4J_URI', () => undefined);
  });
}
