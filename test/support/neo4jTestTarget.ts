/**
 * The live Neo4j the `neo4j` jest project runs on, read from the environment that
 * `tools/neo4j/withNeo4j.sh` (under `npm test`) or the user sets:
 *
 * - `NEO4J_TEST_URIS`: comma-separated Bolt URIs, one independent DBMS per jest worker (the
 *   launcher starts one per worker); `NEO4J_TEST_USERNAME`, `NEO4J_TEST_PASSWORD`.
 * - else `NEO4J_URI`, `NEO4J_USERNAME`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`: one database, so the
 *   jest config runs one test file at a time.
 *
 * Every suite EMPTIES the database it is given. Worker N (JEST_WORKER_ID, 1-based) owns URI N, so
 * two files running at once never share a database.
 */
export interface Neo4jTestTarget {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database?: string;
}

/** Every configured URI (empty when no live Neo4j is configured). */
export function neo4jTestUris(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = env.NEO4J_TEST_URIS ?? env.NEO4J_URI ?? '';
  return list.split(',').map((uri) => uri.trim()).filter((uri) => uri !== '');
}

/** The database this jest worker owns; throws when none is configured. */
export function neo4jTestTarget(env: NodeJS.ProcessEnv = process.env): Neo4jTestTarget {
  const uris = neo4jTestUris(env);
  if (uris.length === 0) throw new Error('no live Neo4j configured: set NEO4J_TEST_URIS or NEO4J_URI (see README, Tests)');
  const worker = Math.max(1, Number(env.JEST_WORKER_ID ?? '1') || 1);
  const uri = uris[(worker - 1) % uris.length] ?? '';
  const fromLauncher = env.NEO4J_TEST_URIS !== undefined;
  const username = (fromLauncher ? env.NEO4J_TEST_USERNAME : env.NEO4J_USERNAME) ?? 'neo4j';
  const password = (fromLauncher ? env.NEO4J_TEST_PASSWORD : env.NEO4J_PASSWORD) ?? '';
  const database = fromLauncher ? undefined : env.NEO4J_DATABASE || undefined;
  return { uri, username, password, ...(database ? { database } : {}) };
}
