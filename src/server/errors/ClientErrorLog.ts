/** The logger shape the client-error log writes to (a pino logger fits). */
export interface InfoLogger {
  info(obj: object, msg: string): void;
}

/** Distinct failures remembered per interval; beyond, they are counted together. */
const MAX_KEYS = 1000;
const OTHERS = '(other client errors)';

/**
 * Logs client mistakes at info level without letting a client flood the log:
 * the first failure of each kind (code + message) in an interval is logged
 * with its detail; repeats are only counted, and the counts are logged as one
 * line per kind when the next interval begins (on the next failure).
 */
export class ClientErrorLog {
  private windowStart: number;
  private readonly repeats = new Map<string, number>();

  constructor(
    private readonly logger: InfoLogger,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
  }

  /** Records one client error; `detail` is logged only for the first of its kind in the interval. */
  note(code: string, message: string, detail: object = {}): void {
    if (this.now() - this.windowStart >= this.intervalMs) this.flush();
    let key = `${code}: ${message.slice(0, 200)}`;
    if (!this.repeats.has(key) && this.repeats.size >= MAX_KEYS) key = OTHERS;
    const seen = this.repeats.get(key);
    if (seen === undefined) {
      this.repeats.set(key, 0);
      if (key !== OTHERS) this.logger.info({ ...detail, code, clientError: message }, 'client error');
      else this.repeats.set(key, 1);
    } else {
      this.repeats.set(key, seen + 1);
    }
  }

  /** Logs the repeat counts of the interval that ended and starts a new one. */
  flush(): void {
    for (const [key, count] of this.repeats) {
      if (count > 0) this.logger.info({ clientError: key, repeats: count, intervalMs: this.intervalMs }, 'client error repeated');
    }
    this.repeats.clear();
    this.windowStart = this.now();
  }
}
