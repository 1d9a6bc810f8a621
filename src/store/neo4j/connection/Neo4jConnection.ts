import { StoreUnavailableError } from '../../../errors';
import type { CallOptions } from '../../port';
import type { Neo4jStatement } from '../statements/Neo4jStatement';
import { checkCallLimits, transactionTimeoutMs, watchCallLimits } from './callLimits';
import { mapNeo4jError } from './mapNeo4jError';
import type { Neo4jDriverPort, Neo4jQueryResultPort, Neo4jSessionPort, Neo4jTransactionPort } from './Neo4jDriverPort';

/** A managed transaction as the methods see it: it sends built statements, one at a time. */
export interface Neo4jTransaction {
  /** Sends one statement (its text and parameters) and returns its eagerly consumed result. */
  run(statement: Neo4jStatement): Promise<Neo4jQueryResultPort>;
}

/** What a transaction function does with its transaction. */
export type TransactionWork<T> = (tx: Neo4jTransaction) => Promise<T>;

/** Default of NEO4J_TRANSACTION_TIMEOUT_MS: a transaction of a call without a deadline. */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * The one runner of the Neo4j adapter: every statement the store sends goes
 * through {@link read} or {@link write}.
 *
 * - A session per call, on `database` (the user's home database when
 *   undefined), with `defaultAccessMode` READ or WRITE so a cluster routes
 *   reads to readers; closed after the call.
 * - Reads run in `session.executeRead`, writes in `session.executeWrite`: one
 *   managed transaction, retried by the driver on transient errors.
 * - Call limits ({@link CallOptions}): no session opens, no retry starts and
 *   no statement is sent once the signal is aborted or the deadline has
 *   passed ({@link StoreTimeoutError}); the transaction's server-side
 *   timeout is the time left, or `defaultTimeoutMs` without a deadline; on
 *   abort or at the deadline the call returns at once and its session is
 *   closed (which also cancels a retry the driver has scheduled).
 * - Errors go through {@link mapNeo4jError}, naming what was being done.
 */
export class Neo4jConnection {
  private closed = false;

  constructor(
    private readonly driver: Neo4jDriverPort,
    /** The database sessions use; undefined for the user's home database. */
    readonly database: string | undefined,
    private readonly defaultTimeoutMs: number = DEFAULT_TRANSACTION_TIMEOUT_MS,
  ) {}

  /** Runs `work` in one READ transaction. @param doing what the call does, for messages, e.g. "listNodes(Task)" */
  read<T>(doing: string, work: TransactionWork<T>, options?: CallOptions): Promise<T> {
    return this.inSession('READ', doing, work, options);
  }

  /** Runs `work` in one WRITE transaction: everything it sends commits together or not at all. */
  write<T>(doing: string, work: TransactionWork<T>, options?: CallOptions): Promise<T> {
    return this.inSession('WRITE', doing, work, options);
  }

  /** Closes the driver once; every later call fails with StoreUnavailableError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private async inSession<T>(mode: 'READ' | 'WRITE', doing: string, work: TransactionWork<T>, options: CallOptions | undefined): Promise<T> {
    if (this.closed) throw new StoreUnavailableError(`Neo4j store is closed (${doing})`);
    checkCallLimits(options, doing);
    const config = { timeout: transactionTimeoutMs(options, this.defaultTimeoutMs) };
    const session = this.driver.session({ ...(this.database !== undefined ? { database: this.database } : {}), defaultAccessMode: mode });
    const attempt = (tx: Neo4jTransactionPort): Promise<T> => {
      checkCallLimits(options, doing);
      return work({
        run: async (statement) => {
          checkCallLimits(options, doing);
          return tx.run(statement.text, { ...statement.params });
        },
      });
    };
    const watch = watchCallLimits(options, doing);
    try {
      const running = mode === 'READ' ? session.executeRead(attempt, config) : session.executeWrite(attempt, config);
      if (watch === undefined) return await running;
      running.catch(() => undefined);
      return await Promise.race([running, watch.reached]);
    } catch (error) {
      throw mapNeo4jError(error, doing);
    } finally {
      watch?.dispose();
      await closeQuietly(session);
    }
  }
}

async function closeQuietly(session: Neo4jSessionPort): Promise<void> {
  await session.close().catch(() => undefined);
}
