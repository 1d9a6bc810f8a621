import { StoreUnavailableError } from '../../../errors';
import type { CallPriority } from '../../port';
import type { Statement } from '../statements/Statement';
import type { CallLimits } from './CallLimits';
import type { KuzuConnection, Row, Runner } from './KuzuConnection';

interface Waiter {
  readonly resolve: (c: KuzuConnection) => void;
  readonly reject: (e: Error) => void;
}

/**
 * A fixed set of connections, each lent to one caller at a time; callers
 * beyond the pool's size wait in FIFO order. A connection marked broken is
 * closed on return and replaced by a fresh one from `connect`, so a
 * connection in a doubtful state is never queried again.
 *
 * Two lanes (the call's {@link CallPriority}): bulk callers may hold at most
 * all connections but `reserved`, so that many stay for interactive callers
 * (cheap requests, the readiness probe) however much bulk work is queued;
 * a returned connection goes to the longest-waiting interactive caller
 * first, then to a bulk caller if the bulk share allows.
 */
export class ConnectionPool {
  private readonly idle: KuzuConnection[];
  private readonly waiters: Waiter[] = [];
  private readonly bulkWaiters: Waiter[] = [];
  private lent = 0;
  /** Connections lent to bulk callers. */
  private bulkLent = 0;
  private total: number;
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private closed = false;
  private closing: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  /**
   * @param name for error messages ("read", "write")
   * @param connections the initial connections (at least one)
   * @param connect makes a replacement for a broken connection
   * @param reserved connections bulk callers cannot take (kept below the pool's size, so bulk work always has one)
   */
  constructor(
    private readonly name: string,
    connections: readonly KuzuConnection[],
    private readonly connect: () => Promise<KuzuConnection>,
    private readonly reserved = 0,
  ) {
    if (connections.length === 0) throw new TypeError('a connection pool needs at least one connection');
    if (!Number.isInteger(reserved) || reserved < 0) throw new RangeError(`reserved must be an integer >= 0, got ${reserved}`);
    this.idle = [...connections];
    this.total = connections.length;
  }

  /**
   * Runs `work` with a connection of its own, taken in the lane of
   * `limits.priority` (default interactive); the connection returns to the
   * pool afterwards.
   */
  async use<T>(work: (connection: KuzuConnection) => Promise<T>, limits?: Pick<CallLimits, 'priority'>): Promise<T> {
    const priority = limits?.priority ?? 'interactive';
    const connection = await this.acquire(priority);
    try {
      return await work(connection);
    } finally {
      await this.release(connection, priority);
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
        while (held.length < this.total) held.push(await this.acquire('interactive'));
        return await work();
      } finally {
        for (const connection of held) await this.release(connection, 'interactive');
      }
    });
    this.exclusiveTail = next.catch(() => undefined);
    return next;
  }

  /** Runs one statement on whichever connection is free first. */
  readonly run: Runner = (statement: Statement, limits?: CallLimits): Promise<Row[]> =>
    this.use((connection) => connection.run(statement, limits), limits);

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
    for (const waiter of [...this.waiters.splice(0), ...this.bulkWaiters.splice(0)]) waiter.reject(this.closedError());
    if (this.lent > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    for (const connection of this.idle.splice(0)) await connection.close().catch(() => undefined);
  }

  /** Whether a bulk caller may take one more connection: bulk work leaves `reserved` (fewer than all) to interactive callers. */
  private bulkMayTake(): boolean {
    return this.bulkLent < Math.max(1, this.total - this.reserved);
  }

  private acquire(priority: CallPriority): Promise<KuzuConnection> {
    if (this.closed) return Promise.reject(this.closedError());
    const bulk = priority === 'bulk';
    const connection = !bulk || this.bulkMayTake() ? this.idle.pop() : undefined;
    if (connection) {
      this.lent += 1;
      if (bulk) this.bulkLent += 1;
      return Promise.resolve(connection);
    }
    if (this.lent === 0) return Promise.reject(this.emptyError());
    return new Promise((resolve, reject) => (bulk ? this.bulkWaiters : this.waiters).push({ resolve, reject }));
  }

  /** The caller a returned connection goes to: the longest-waiting interactive one, else a bulk one if the bulk share allows. */
  private nextWaiter(): Waiter | undefined {
    if (this.closed) return undefined;
    const interactive = this.waiters.shift();
    if (interactive) return interactive;
    if (this.bulkWaiters.length === 0 || !this.bulkMayTake()) return undefined;
    this.bulkLent += 1;
    return this.bulkWaiters.shift();
  }

  private async release(connection: KuzuConnection, priority: CallPriority): Promise<void> {
    if (priority === 'bulk') this.bulkLent -= 1;
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
    const waiter = this.nextWaiter();
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
      for (const waiter of [...this.waiters.splice(0), ...this.bulkWaiters.splice(0)]) waiter.reject(this.emptyError());
    }
    // The pool shrank or a bulk connection came back while interactive callers were served: bulk callers may fit now.
    while (this.idle.length > 0 && this.bulkWaiters.length > 0 && this.waiters.length === 0 && this.bulkMayTake()) {
      const connection = this.idle.pop() as KuzuConnection;
      this.lent += 1;
      this.bulkLent += 1;
      this.bulkWaiters.shift()?.resolve(connection);
    }
  }

  private emptyError(): StoreUnavailableError {
    return new StoreUnavailableError(`no ${this.name} connection of the Kùzu store is usable (replacing a broken one failed)`);
  }

  private closedError(): StoreUnavailableError {
    return new StoreUnavailableError(`the Kùzu store is closed (${this.name} pool)`);
  }
}
