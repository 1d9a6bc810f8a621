import { StoreTimeoutError } from '../../../errors';
import type { CallOptions, CallPriority } from '../../port';

/**
 * The limits one port call runs under (see CallOptions in src/store/port.ts),
 * as the runner applies them to every statement it sends:
 * {@link check} before any work starts (an aborted signal or a passed
 * deadline throws {@link StoreTimeoutError}), and {@link timeoutMs}, the
 * query timeout of the connection for the next statement: the time left
 * until the deadline, or the store's default timeout when the call has no
 * deadline. Kùzu cuts a statement short at that timeout, and its error is
 * mapped to StoreTimeoutError too (see mapKuzuError).
 */
export class CallLimits {
  /** No deadline, no signal: only the store's default timeout (or none, 0). */
  static readonly NONE = new CallLimits(undefined, 0);

  /**
   * @param options the caller's CallOptions (absent: no deadline, no signal)
   * @param defaultTimeoutMs the store's query timeout when there is no deadline (0: none)
   */
  constructor(
    private readonly options: CallOptions | undefined,
    readonly defaultTimeoutMs: number,
  ) {}

  /** The lane of the read pool the call's statements take (see ConnectionPool); interactive unless the caller said bulk. */
  get priority(): CallPriority {
    return this.options?.priority ?? 'interactive';
  }

  /** Throws StoreTimeoutError when the signal is aborted or the deadline has passed: no store work may start. */
  check(doing: string): void {
    const { signal, deadline } = this.options ?? {};
    if (signal?.aborted) throw new StoreTimeoutError(`Kùzu store: the call was aborted before ${doing}`);
    if (deadline !== undefined && Date.now() >= deadline) {
      throw new StoreTimeoutError(`Kùzu store: the deadline passed before ${doing}`);
    }
  }

  /**
   * The query timeout for a statement starting now: whole milliseconds left
   * until the deadline (at least 1), else the default; 0 means none.
   * Call {@link check} first.
   */
  timeoutMs(): number {
    const deadline = this.options?.deadline;
    if (deadline === undefined) return this.defaultTimeoutMs;
    const left = Math.max(1, Math.ceil(deadline - Date.now()));
    return this.defaultTimeoutMs > 0 ? Math.min(left, this.defaultTimeoutMs) : left;
  }
}
