import type { Connection, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import type { Params, Statement } from '../statements/Statement';
import { assertSafeParameters } from './assertSafeParameters';
import { CallLimits } from './CallLimits';
import { mapKuzuError } from './mapKuzuError';

/** One result row, by column name. */
export type Row = Record<string, KuzuValue>;

/** Runs one statement somewhere (a given connection, or any connection of a pool). */
export type Runner = (statement: Statement, limits?: CallLimits) => Promise<Row[]>;

/** Prepared statements kept per connection (least recently used are dropped). */
const PREPARED_CACHE_SIZE = 512;

/**
 * The query timeout set when a statement has none (Kùzu's Node binding
 * refuses 0, "no timeout", once a timeout has been set): one day.
 */
const NO_TIMEOUT_MS = 86_400_000;

/**
 * One Kùzu connection, and the one runner of the adapter: every statement
 * built by `statements/` (and every DDL or COPY of `schema/` and `bulk/`) is
 * sent by {@link run} or {@link runScript}. Two queries at once on one
 * connection crash Kùzu, so calls are queued and run one at a time whoever
 * makes them (a {@link ConnectionPool} lends a connection to one caller at a
 * time; this queue also protects a caller that fires several statements at
 * once). Before each statement it applies the call's limits
 * ({@link CallLimits}: nothing starts after the deadline or an abort, and
 * the connection's query timeout is set to the time left), checks every
 * parameter before it reaches the native binding, runs the statement
 * through a per-connection cache of prepared statements, reads the whole
 * result and releases it, and maps every Kùzu error through
 * {@link mapKuzuError}.
 */
export class KuzuConnection {
  private readonly prepared = new Map<string, PreparedStatement>();
  private brokenFlag = false;
  private tail: Promise<unknown> = Promise.resolve();
  /** The query timeout last set on the native connection (0: never set). */
  private timeoutSet = 0;

  constructor(private readonly connection: Connection) {}

  /** True once the connection may be in a state where a query could crash (e.g. after a failed BEGIN). */
  get broken(): boolean {
    return this.brokenFlag;
  }

  /** Marks the connection as unusable: the pool replaces it instead of reusing it. */
  markBroken(): void {
    this.brokenFlag = true;
  }

  /** Runs one parameterised statement under `limits` and returns all its rows. */
  run(statement: Statement, limits: CallLimits = CallLimits.NONE): Promise<Row[]> {
    return this.enqueue(() => this.runNow(statement, limits));
  }

  /**
   * Runs a script that Kùzu cannot prepare (e.g. `CALL CREATE_FTS_INDEX`,
   * which expands into several statements, or a COPY) with the binding's
   * plain query(), in this connection's queue like {@link run}. It takes no
   * parameters (`statement.params` must be empty): only registry names and
   * checked file paths may be spliced into its text. Returns the rows of the
   * last result.
   */
  runScript(statement: Statement, limits: CallLimits = CallLimits.NONE): Promise<Row[]> {
    if (Object.keys(statement.params).length > 0) throw new TypeError(`a script takes no parameters (${statement.doing})`);
    return this.enqueue(() => this.settle(() => this.connection.query(statement.text), statement.doing, limits));
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

  private runNow(statement: Statement, limits: CallLimits): Promise<Row[]> {
    assertSafeParameters(statement.params);
    const params: Params = statement.params;
    return this.settle(async () => this.connection.execute(await this.prepare(statement.text), params), statement.doing, limits);
  }

  /** Applies the limits, runs one call of the binding, reads all rows of its last result, releases every result, maps errors. */
  private async settle(call: () => Promise<QueryResult | QueryResult[]>, doing: string, limits: CallLimits): Promise<Row[]> {
    if (this.brokenFlag) throw new Error('internal: query on a connection marked broken');
    limits.check(doing);
    this.applyTimeout(limits.timeoutMs());
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

  /** Sets the native query timeout when it differs from the one set last (a cheap synchronous call). */
  private applyTimeout(ms: number): void {
    const wanted = ms > 0 ? ms : this.timeoutSet === 0 ? 0 : NO_TIMEOUT_MS;
    if (wanted === 0 || wanted === this.timeoutSet) return;
    this.connection.setQueryTimeout(wanted);
    this.timeoutSet = wanted;
  }

  private async prepare(text: string): Promise<PreparedStatement> {
    const cached = this.prepared.get(text);
    if (cached) {
      this.prepared.delete(text);
      this.prepared.set(text, cached);
      return cached;
    }
    const statement = await this.connection.prepare(text);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    this.prepared.set(text, statement);
    if (this.prepared.size > PREPARED_CACHE_SIZE) {
      const oldest = this.prepared.keys().next().value;
      if (oldest !== undefined) this.prepared.delete(oldest);
    }
    return statement;
  }
}
