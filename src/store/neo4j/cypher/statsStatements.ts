import type { Neo4jStatement } from './Neo4jStatement';

/** Counts of all nodes (column nodes) and all relationships (column edges); Neo4j answers both from its count store. */
export function statsStatements(): { nodes: Neo4jStatement; edges: Neo4jStatement } {
  return {
    nodes: { name: 'stats.nodes', cypher: 'MATCH (n) RETURN count(n) AS nodes', params: {} },
    edges: { name: 'stats.edges', cypher: 'MATCH ()-[e]->() RETURN count(e) AS edges', params: {} },
  };
}
