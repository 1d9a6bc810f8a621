import { schemaStatements } from './cypher/schemaStatements';
import { mapNeo4jError } from './mapNeo4jError';
import type { Neo4jDriverPort } from './Neo4jDriverPort';

/**
 * Creates the constraints and indexes of {@link schemaStatements} if they do
 * not exist, one statement per write transaction (Neo4j does not mix schema
 * and data changes, and a failed statement then names itself). Idempotent:
 * every statement says IF NOT EXISTS. Returns the number of statements run.
 * Indexes populate in the background; queries are correct meanwhile.
 */
export async function ensureNeo4jSchema(driver: Neo4jDriverPort, database: string | undefined): Promise<number> {
  const statements = schemaStatements();
  const session = driver.session({ ...(database !== undefined ? { database } : {}), defaultAccessMode: 'WRITE' });
  try {
    for (const statement of statements) {
      try {
        await session.executeWrite(async (tx) => {
          await tx.run(statement.cypher, { ...statement.params });
        });
      } catch (error) {
        throw mapNeo4jError(error, `creating the schema (${statement.name})`);
      }
    }
  } finally {
    await session.close().catch(() => undefined);
  }
  return statements.length;
}
