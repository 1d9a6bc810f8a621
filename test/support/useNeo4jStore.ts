/** Setup file of the `neo4j` jest project: the shared suites open their stores on the live Neo4j. */
process.env.TEST_STORE = 'neo4j';
