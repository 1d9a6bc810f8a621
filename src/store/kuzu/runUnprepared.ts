import type { KuzuConnection } from './KuzuConnection';

/**
 * Runs a statement that Kùzu cannot prepare (CALL CREATE_FTS_INDEX expands
 * into several statements, and prepare() refuses "multiple statements") with
 * the binding's plain query(), through {@link KuzuConnection.runScript}:
 * queued behind the connection's other statements, never cached. Statements
 * run this way take no parameters: only registry names may be spliced into
 * them.
 *
 * @returns the rows of the last result
 */
export async function runUnprepared(connection: KuzuConnection, cypher: string, doing: string): Promise<Record<string, unknown>[]> {
  return connection.runScript(cypher, doing);
}
