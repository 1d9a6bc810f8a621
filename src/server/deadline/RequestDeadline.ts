import { StoreTimeoutError } from '../../errors';
import type { CallOptions } from '../../store/port';

/** Why a request was abandoned: its deadline passed, or its client closed the connection. */
export type AbortReason = 'deadline' | 'disconnected';

/** What a request's response emits: `close` once, after it was written or when the connection went. */
export interface ClosableResponse {
  readonly writableFinished: boolean;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * The deadline and abort signal of one request. The signal fires when the
 * deadline passes or when the client goes away before its response was
 * written ({@link watch}); the store view of the request (see
 * src/store/limitStoreCalls.ts) then starts no new store work and hands the
 * signal and deadline to running calls as the port's {@link CallOptions}.
 */
export class RequestDeadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private why: AbortReason | undefined;
  /** Epoch milliseconds after which the request must stop; Infinity when unbounded. */
  readonly deadline: number;

  private constructor(
    /** The time the request was given (REQUEST_TIMEOUT_MS), undefined when unbounded. */
    readonly timeoutMs: number | undefined,
    now: number,
  ) {
    this.deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : now + timeoutMs;
    if (timeoutMs !== undefined) {
      this.timer = setTimeout(() => this.abort('deadline'), timeoutMs);
      this.timer.unref();
    }
  }

  /** A deadline `timeoutMs` from now; its timer is cleared by {@link dispose} (or when the watched response closes). */
  static start(timeoutMs: number, now = Date.now()): RequestDeadline {
    return new RequestDeadline(timeoutMs, now);
  }

  /** No deadline: only an explicit {@link abort} fires the signal (in-process callers, tests). */
  static unbounded(): RequestDeadline {
    return new RequestDeadline(undefined, Date.now());
  }

  /** Fires once, when the request is abandoned; its reason is a StoreTimeoutError naming why. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the request was abandoned, undefined while it is not (a deadline that passed counts even before its timer ran). */
  get reason(): AbortReason | undefined {
    if (!this.why && Date.now() >= this.deadline) this.abort('deadline');
    return this.why;
  }

  /** The port's CallOptions for this request's store calls. */
  get callOptions(): CallOptions {
    return Number.isFinite(this.deadline) ? { deadline: this.deadline, signal: this.signal } : { signal: this.signal };
  }

  /** A sentence naming why the request was abandoned (or that it was not), for messages. */
  describe(): string {
    const reason = this.reason;
    if (reason === 'disconnected') return 'the client closed the connection';
    if (reason === 'deadline') return `the request's deadline of ${this.timeoutMs} ms passed (REQUEST_TIMEOUT_MS)`;
    return 'the request is running';
  }

  /** Abandons the request (idempotent: the first reason stays). */
  abort(reason: AbortReason): void {
    if (this.why) return;
    this.why = reason;
    this.dispose();
    this.controller.abort(new StoreTimeoutError(`request abandoned: ${this.describe()}`));
  }

  /**
   * Ties the request to its HTTP response: when the response closes before it
   * was fully written, the client went away and the request is aborted; once
   * it closes either way, the deadline's timer is cleared.
   */
  watch(response: ClosableResponse): void {
    response.once('close', () => {
      if (!response.writableFinished) this.abort('disconnected');
      this.dispose();
    });
  }

  /** Clears the deadline's timer; the signal no longer fires by itself. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
