/**
 * A small counting semaphore without a queue: at most `size` exports stream
 * at once; one more is refused at once (the caller answers 503 OVERLOADED
 * with Retry-After) rather than waiting, so a client opening many exports
 * cannot pile work up behind the dashboards' requests.
 */
export class ExportSlots {
  private taken = 0;

  constructor(readonly size: number) {}

  /** Exports running now. */
  get inUse(): number {
    return this.taken;
  }

  /** A slot's release function (idempotent), or undefined when every slot is taken. */
  tryAcquire(): (() => void) | undefined {
    if (this.taken >= this.size) return undefined;
    this.taken += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.taken -= 1;
    };
  }
}
