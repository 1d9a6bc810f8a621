/**
 * The GraphQL requests still executing. A client that hangs up does not stop
 * its request's resolvers, so shutdown waits for these (up to a grace
 * period) before the store is closed under them.
 */
export class InFlightRequests {
  private readonly running = new Set<Promise<unknown>>();

  /** Number of requests executing. */
  get size(): number {
    return this.running.size;
  }

  /** Tracks `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = (): void => {
      this.running.delete(work);
    };
    work.then(done, done);
    return work;
  }

  /** Resolves when every tracked request has settled (true) or after `graceMs` (false). */
  async drain(graceMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    const settled = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true as const;
    })();
    try {
      return await Promise.race([settled, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
