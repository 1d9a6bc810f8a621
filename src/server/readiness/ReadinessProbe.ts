import type { Logger } from '../../logger';
import type { GraphStore } from '../../store/port';

/** One readiness check: resolves when its part works, rejects naming what does not. Must honour `signal`. */
export type ReadinessCheck = (signal: AbortSignal, deadline: number) => Promise<void>;

/** Options of {@link ReadinessProbe}. */
export interface ReadinessOptions {
  /** Time between the end of one probe and the start of the next (READY_PROBE_INTERVAL_MS). */
  readonly intervalMs: number;
  /** Time one probe may take before it counts as timed out (READY_PROBE_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Checks run besides the store read (e.g. the Kùzu data directory is still there). */
  readonly checks?: readonly ReadinessCheck[];
}

/** Consecutive timed-out probes after which the store counts as not ready (a single slow probe under load does not). */
export const TIMEOUTS_BEFORE_UNREADY = 5;

/** What /ready reports. */
export interface ReadinessState {
  readonly ready: boolean;
  /** Why not ready (for the log, not for clients). */
  readonly reason?: string;
  /** Epoch ms of the last probe that finished. */
  readonly checkedAt?: number;
}

/**
 * Readiness from a background probe, so `/ready` answers at once from the
 * last result whatever the server is doing. Each probe reads data through the
 * port (one `Plan` node, with the page's total count: `RETURN 1` reads
 * nothing) under its own short deadline and abort signal (CallOptions), runs
 * the extra `checks`, and never queues behind user queries in the server
 * (no admission place; a probe still running when the next is due is not
 * doubled). A failed read or check makes the server not ready at once; a
 * probe that only timed out does so after {@link TIMEOUTS_BEFORE_UNREADY}
 * in a row; one success makes it ready again. Transitions are logged once.
 */
export class ReadinessProbe {
  private state: ReadinessState = { ready: false, reason: 'not probed yet' };
  private timeouts = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** The abort controller of the probe running, if one is. */
  private current: AbortController | undefined;
  private stopped = false;

  constructor(
    private readonly store: GraphStore,
    private readonly options: ReadinessOptions,
    private readonly logger: Logger,
  ) {}

  /** The last result. */
  get status(): ReadinessState {
    return this.state;
  }

  /** Probes now, then every `intervalMs` until {@link stop}; resolves after the first probe. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.probe();
    this.schedule();
  }

  /**
   * Stops probing: no probe starts any more, an unfinished one is aborted
   * (through its signal) and its result ignored. Resolves when it has ended
   * (at most `timeoutMs`), so the store can be closed after.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.current?.abort(new Error('the readiness probe was stopped'));
    await this.running;
  }

  /** Runs one probe (or joins the one running) and records its result. */
  probe(): Promise<void> {
    this.running ??= this.probeOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probe().then(() => this.schedule()), this.options.intervalMs);
    this.timer.unref();
  }

  private async probeOnce(): Promise<void> {
    const controller = new AbortController();
    this.current = controller;
    const deadline = Date.now() + this.options.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new Error(`readiness probe timed out after ${this.options.timeoutMs} ms`));
        resolve('timeout');
      }, this.options.timeoutMs);
    });
    const work = this.check(controller.signal, deadline).then(
      () => 'ok' as const,
      (error: unknown) => error,
    );
    const outcome = await Promise.race([work, timedOut]);
    clearTimeout(timer);
    this.current = undefined;
    if (this.stopped) return;
    if (outcome === 'ok') {
      this.timeouts = 0;
      this.record({ ready: true, checkedAt: Date.now() });
    } else if (outcome === 'timeout') {
      this.timeouts += 1;
      const reason = `the store did not answer the readiness probe within ${this.options.timeoutMs} ms (${this.timeouts} time(s) in a row)`;
      this.record(this.timeouts >= TIMEOUTS_BEFORE_UNREADY ? { ready: false, reason, checkedAt: Date.now() } : { ...this.state, reason });
    } else {
      this.timeouts = 0;
      this.record({ ready: false, reason: outcome instanceof Error ? outcome.message : String(outcome), checkedAt: Date.now() });
    }
  }

  private async check(signal: AbortSignal, deadline: number): Promise<void> {
    for (const check of this.options.checks ?? []) await check(signal, deadline);
    await this.store.listNodes({ kind: 'Plan', offset: 0, limit: 1 }, { deadline, signal });
  }

  private record(next: ReadinessState): void {
    if (next.ready !== this.state.ready) {
      if (next.ready) this.logger.info({ store: this.store.name }, 'store ready');
      else this.logger.warn({ store: this.store.name, reason: next.reason }, 'store not ready');
    }
    this.state = next;
  }
}
