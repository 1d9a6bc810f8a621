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
import { auth, driver as neo4jDriver } from 'neo4j-driver';
import type { GraphStore } from '../../src/store/port';
import { openNeo4jStore } from '../../src/store/neo4j/openNeo4jStore';
import { describeAnalyticsContract } from './analyticsContract';
import { describeStoreContract } from './contract';

const uri = process.env.NEO4J_URI;

/** Empties the database (test only) with a short-lived driver, then opens the store on it. */
async function openEmptyNeo4jStore(): Promise<GraphStore> {
  const username = process.env.NEO4J_USERNAME ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? '';
  const database = process.env.NEO4J_DATABASE || undefined;
  const cleaner = neo4jDriver(uri ?? '', auth.basic(username, password));
  const session = cleaner.session({ ...(database ? { database } : {}), defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite((tx) => tx.run('MATCH (n) DETACH DELETE n'));
  } finally {
    await session.close();
    await cleaner.close();
  }
  return openNeo4jStore({ uri: uri ?? '', username, password, ...(database ? { database } : {}) });
}

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
