import type { Connection, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import { assertSafeParameters } from './assertSafeParameters';
import { mapKuzuError } from './mapKuzuError';

/** One result row, by column name. */
export type Row = Record<string, KuzuValue>;

/** Statement parameters, by name (without the `$`). */
export type Params = Record<string, KuzuValue>;

/** Runs one statement somewhere (a given connection, or any connection of a pool). */
export type Runner = (cypher: string, params: Params, doing: string) => Promise<Row[]>;

/** Prepared statements kept per connection (least recently used are dropped). */
const PREPARED_CACHE_SIZE = 512;

/**
 * One Kùzu connection. Two queries at once on one connection crash Kùzu, so
 * calls to {@link run} are queued and run one at a time whoever makes them (a
 * {@link ConnectionPool} lends a connection to one caller at a time; this
 * queue also protects a caller that fires several statements at once). Runs
 * parameterised statements with a per-connection cache of prepared
 * statements, checks every parameter before it reaches the native binding,
 * reads the whole result and releases it, and maps every Kùzu error through
 * {@link mapKuzuError}.
 */
export class KuzuConnection {
  private readonly prepared = new Map<string, PreparedStatement>();
  private brokenFlag = false;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly connection: Connection) {}

  /** True once the connection may be in a state where a query could crash (e.g. after a failed BEGIN). */
  get broken(): boolean {
    return this.brokenFlag;
  }

  /** Marks the connection as unusable: the pool replaces it instead of reusing it. */
  markBroken(): void {
    this.brokenFlag = true;
  }

  /**
   * Runs one statement and returns all its rows.
   * @param cypher the statement; values always travel as `$parameters`
   * @param params the parameters the statement uses (exactly those)
   * @param doing what the statement is for, for error messages
   */
  run(cypher: string, params: Params = {}, doing = 'running a query'): Promise<Row[]> {
    return this.enqueue(() => this.runNow(cypher, params, doing));
  }

  /**
   * Runs a script that Kùzu cannot prepare (e.g. `CALL CREATE_FTS_INDEX`,
   * which expands into several statements) with the binding's plain query(),
   * in this connection's queue like {@link run}. It takes no parameters: only
   * registry names may be spliced into `cypher`. Returns the rows of the last
   * result.
   */
  runScript(cypher: string, doing = 'running a script'): Promise<Row[]> {
    return this.enqueue(() => this.settle(() => this.connection.query(cypher), doing));
  }

  /** Closes the connection (its prepared statements go with it) once queued statements are done. */
  async close(): Promise<void> {
    await this.tail;
    this.prepared.clear();
    await this.connection.close();
  }

  /** Queues `work` behind every statement already queued on this connection. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private runNow(cypher: string, params: Params, doing: string): Promise<Row[]> {
    assertSafeParameters(params);
    return this.settle(async () => this.connection.execute(await this.prepare(cypher), params), doing);
  }

  /** Runs one call of the binding, reads all rows of its last result, releases every result, maps errors. */
  private async settle(call: () => Promise<QueryResult | QueryResult[]>, doing: string): Promise<Row[]> {
    if (this.brokenFlag) throw new Error('internal: query on a connection marked broken');
    let result: QueryResult | QueryResult[] | undefined;
    try {
      result = await call();
      const results = Array.isArray(result) ? result : [result];
      const last = results[results.length - 1];
      return last ? last.getAllSync() : [];
    } catch (error) {
      throw mapKuzuError(error, doing);
    } finally {
      for (const r of Array.isArray(result) ? result : result ? [result] : []) r.close();
    }
  }

  private async prepare(cypher: string): Promise<PreparedStatement> {
    const cached = this.prepared.get(cypher);
    if (cached) {
      this.prepared.delete(cypher);
      this.prepared.set(cypher, cached);
      return cached;
    }
    const statement = await this.connection.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    this.prepared.set(cypher, statement);
    if (this.prepared.size > PREPARED_CACHE_SIZE) {
      const oldest = this.prepared.keys().next().value;
      if (oldest !== undefined) this.prepared.delete(oldest);
    }
    return statement;
  }
}
