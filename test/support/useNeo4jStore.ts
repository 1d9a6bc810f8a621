/**
 * Setup file of the `neo4j` jest project: the shared suites open their stores on the live Neo4j.
 * Hooks and tests get 3 minutes: a fresh Neo4j plans and compiles each new statement on first use
 * (seconds each on a busy 2-core machine), and a suite's first store open and seed send ~90 of them.
 */
process.env.TEST_STORE = 'neo4j';
jest.setTimeout(180_000);
