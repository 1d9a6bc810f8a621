import type { Neo4jStatement } from './Neo4jStatement';

/** A trivial read answered by the database (not only the server): column ok = 1. */
export function pingStatement(): Neo4jStatement {
  return { name: 'ping', cypher: 'RETURN 1 AS ok', params: {} };
}
