import { StoreUnavailableError } from '../../../errors';
import type { Statement } from '../statements/Statement';
import type { CallLimits } from './CallLimits';
import type { KuzuConnection, Row, Runner } from './KuzuConnection';

/**
 * A fixed set of connections, each lent to one caller at a time; callers
 * beyond the pool's size wait in FIFO order. A connection marked broken is
 * closed on return and replaced by a fresh one from `connect`, so a
 * connection in a doubtful state is never queried again.
 */
export class ConnectionPool {
  private readonly idle: KuzuConnection[];
  private readonly waiters: { resolve: (c: KuzuConnection) => void; reject: (e: Error) => void }[] = [];
  private lent = 0;
  private total: number;
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private closed = false;
  private closing: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  /**
   * @param name for error messages ("read", "write")
   * @param connections the initial connections (at least one)
   * @param connect makes a replacement for a broken connection
   */
  constructor(
    private readonly name: string,
    connections: readonly KuzuConnection[],
    private readonly connect: () => Promise<KuzuConnection>,
  ) {
    if (connections.length === 0) throw new TypeError('a connection pool needs at least one connection');
    this.idle = [...connections];
    this.total = connections.length;
  }

  /** Runs `work` with a connection of its own; the connection returns to the pool afterwards. */
  async use<T>(work: (connection: KuzuConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      await this.release(connection);
    }
  }

  /**
   * Runs `work` while holding EVERY connection of the pool, so no statement of
   * this pool runs meanwhile (callers queue as usual). Used to checkpoint
   * without readers: Kùzu's checkpoint waits for all transactions to leave and
   * deadlocks with readers that finish meanwhile. Exclusive sections run one
   * at a time; never call it while holding a connection of this pool.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.exclusiveTail.then(async () => {
      const held: KuzuConnection[] = [];
      try {
        while (held.length < this.total) held.push(await this.acquire());
        return await work();
      } finally {
        for (const connection of held) await this.release(connection);
      }
    });
    this.exclusiveTail = next.catch(() => undefined);
    return next;
  }

  /** Runs one statement on whichever connection is free first. */
  readonly run: Runner = (statement: Statement, limits?: CallLimits): Promise<Row[]> =>
    this.use((connection) => connection.run(statement, limits));

  /**
   * Refuses new work, fails the waiters, waits for lent connections to come
   * back, then closes every connection. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.closedError());
    if (this.lent > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    for (const connection of this.idle.splice(0)) await connection.close().catch(() => undefined);
  }

  private acquire(): Promise<KuzuConnection> {
    if (this.closed) return Promise.reject(this.closedError());
    const connection = this.idle.pop();
    if (connection) {
      this.lent += 1;
      return Promise.resolve(connection);
    }
    if (this.lent === 0) return Promise.reject(this.emptyError());
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private async release(connection: KuzuConnection): Promise<void> {
    let next = connection;
    if (connection.broken) {
      await connection.close().catch(() => undefined);
      try {
        if (this.closed) throw this.closedError();
        next = await this.connect();
      } catch {
        // Could not replace it: the pool shrinks by one; waiters are served by the others.
        this.lent -= 1;
        this.total -= 1;
        this.afterReturn();
        return;
      }
    }
    const waiter = this.closed ? undefined : this.waiters.shift();
    if (waiter) {
      waiter.resolve(next);
      return;
    }
    this.lent -= 1;
    this.idle.push(next);
    this.afterReturn();
  }

  private afterReturn(): void {
    if (this.lent === 0 && this.drained) {
      this.drained();
      this.drained = undefined;
    }
    if (this.lent === 0 && this.idle.length === 0) {
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.emptyError());
    }
  }

  private emptyError(): StoreUnavailableError {
    return new StoreUnavailableError(`no ${this.name} connection of the Kùzu store is usable (replacing a broken one failed)`);
  }

  private closedError(): StoreUnavailableError {
    return new StoreUnavailableError(`the Kùzu store is closed (${this.name} pool)`);
  }
}
