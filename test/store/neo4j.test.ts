/**
 * The shared GraphStore contracts (the store port and its analyst part) on the live Neo4j of the
 * `neo4j` jest project (see test/support/neo4jTestTarget.ts). Every test EMPTIES that database.
 */
import { openEmptyNeo4jStore } from '../support/openTestStore';
import { describeAnalyticsContract } from './analyticsContract';
import { describeStoreContract } from './contract';

describeStoreContract('neo4j', openEmptyNeo4jStore);
describeAnalyticsContract('neo4j', openEmptyNeo4jStore);
