import type { GraphStore } from '../port';

/** The Neo4j 5 adapter of the {@link GraphStore} port. */
export interface Neo4jStore extends GraphStore {
  readonly name: 'neo4j';
  /** The database sessions use; undefined for the user's home database. */
  readonly database: string | undefined;
}
