import { DeadlineExceededError, OverloadedError } from '../../errors';
import { onAbort } from '../../store/onAbort';

/** Frees the place an {@link AdmissionQueue.admit} granted; calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  readonly admit: (release: Release) => void;
}

/**
 * Bounded concurrency with a bounded FIFO queue: at most `concurrency`
 * holders at once, at most `queueLength` waiting; a newcomer finding the
 * queue full is refused at once with OVERLOADED (retryable). A waiter whose
 * signal fires (deadline passed, client gone) leaves the queue with
 * DEADLINE_EXCEEDED.
 */
export class AdmissionQueue {
  private holders = 0;
  private readonly waiting: Waiter[] = [];

  /**
   * @param concurrency holders at once (HEAVY_CONCURRENCY), at least 1
   * @param queueLength waiters at most (HEAVY_QUEUE_LENGTH), 0 or more
   * @param retryAfterSeconds what a refusal tells the client to wait
   */
  constructor(
    readonly concurrency: number,
    readonly queueLength: number,
    readonly retryAfterSeconds = 1,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
    if (!Number.isInteger(queueLength) || queueLength < 0) throw new RangeError(`queueLength must be an integer >= 0, got ${queueLength}`);
  }

  /** Holders now. */
  get running(): number {
    return this.holders;
  }

  /** Waiters now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with a {@link Release} once a place is free; rejects with
   * OverloadedError when the queue is full, with DeadlineExceededError when
   * `signal` fires first (`describe` names why, for the message).
   */
  admit(signal: AbortSignal, describe: () => string): Promise<Release> {
    if (signal.aborted) return Promise.reject(this.abandoned(describe));
    if (this.holders < this.concurrency) return Promise.resolve(this.grant());
    if (this.waiting.length >= this.queueLength) {
      return Promise.reject(
        new OverloadedError(
          `The server is busy: ${this.holders} heavy operations are running (HEAVY_CONCURRENCY=${this.concurrency}) and ` +
            `${this.waiting.length} are waiting (HEAVY_QUEUE_LENGTH=${this.queueLength}); retry after ${this.retryAfterSeconds} s.`,
          this.retryAfterSeconds,
        ),
      );
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        admit: (release) => {
          leave();
          resolve(release);
        },
      };
      const leave = onAbort(signal, () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(this.abandoned(describe));
      });
      this.waiting.push(waiter);
    });
  }

  private grant(): Release {
    this.holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The place passes straight to the next waiter, so a newcomer cannot overtake the queue.
      if (next) next.admit(this.handOver());
      else this.holders -= 1;
    };
  }

  private handOver(): Release {
    this.holders -= 1;
    return this.grant();
  }

  private abandoned(describe: () => string): DeadlineExceededError {
    return new DeadlineExceededError(`The request was stopped while waiting for a place among the heavy operations: ${describe()}.`);
  }
}
