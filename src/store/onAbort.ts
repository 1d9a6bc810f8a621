/** Stops a listener given to {@link onAbort}; calling it again does nothing. */
export type Unsubscribe = () => void;

/** The listeners of one signal, and the one real `abort` listener that calls them. */
interface Fanout {
  readonly listeners: Set<() => void>;
  readonly fire: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/**
 * Calls `listener` once when `signal` fires, through ONE `abort` listener on
 * the signal however many callers subscribe: a request's signal is watched by
 * every store call the request has running (its DataLoaders fire dozens at
 * once), and an EventTarget warns (MaxListenersExceededWarning) past 10
 * listeners. The real listener is removed when the last subscriber leaves,
 * and after the signal fired. A signal already aborted calls nothing:
 * callers check `signal.aborted` first.
 */
export function onAbort(signal: AbortSignal, listener: () => void): Unsubscribe {
  let fanout = fanouts.get(signal);
  if (!fanout) {
    const listeners = new Set<() => void>();
    const fire = (): void => {
      fanouts.delete(signal);
      for (const notify of [...listeners]) notify();
      listeners.clear();
    };
    fanout = { listeners, fire };
    fanouts.set(signal, fanout);
    signal.addEventListener('abort', fire, { once: true });
  }
  const own = (): void => listener();
  const { listeners, fire } = fanout;
  listeners.add(own);
  return () => {
    if (!listeners.delete(own) || listeners.size > 0) return;
    if (fanouts.get(signal)?.fire === fire) fanouts.delete(signal);
    signal.removeEventListener('abort', fire);
  };
}
