import type { Neo4jStatement } from './Neo4jStatement';

/** Counts of all nodes (column nodes) and all relationships (column edges); Neo4j answers both from its count store. */
export function statsStatements(): { nodes: Neo4jStatement; edges: Neo4jStatement } {
  return {
    nodes: { name: 'stats.nodes', text: 'MATCH (n) RETURN count(n) AS nodes', params: {} },
    edges: { name: 'stats.edges', text: 'MATCH ()-[e]->() RETURN count(e) AS edges', params: {} },
  };
}

/** A trivial read answered by the database (not only the server): column ok = 1. */
export function pingStatement(): Neo4jStatement {
  return { name: 'ping', text: 'RETURN 1 AS ok', params: {} };
}
