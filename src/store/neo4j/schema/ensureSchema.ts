import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { schemaStatements } from './schemaStatements';

/**
 * Creates the constraints and indexes of {@link schemaStatements} if they do
 * not exist, one statement per write transaction (Neo4j does not mix schema
 * and data changes, and a failed statement then names itself). Idempotent:
 * every statement says IF NOT EXISTS. Returns the number of statements run.
 * Indexes populate in the background; queries are correct meanwhile.
 */
export async function ensureSchema(connection: Neo4jConnection): Promise<number> {
  const statements = schemaStatements();
  for (const statement of statements) {
    await connection.write(`creating the schema (${statement.name})`, async (tx) => {
      await tx.run(statement);
    });
  }
  return statements.length;
}
