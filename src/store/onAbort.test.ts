import { getEventListeners } from 'node:events';
import { onAbort } from './onAbort';

const listeners = (signal: AbortSignal): number => getEventListeners(signal, 'abort').length;

describe('onAbort', () => {
  it('watches a signal for 50 subscribers through one listener, calls each once when it fires, then holds none', () => {
    const controller = new AbortController();
    const called: number[] = [];
    for (let i = 0; i < 50; i += 1) onAbort(controller.signal, () => called.push(i));
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(called).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(listeners(controller.signal)).toBe(0);
  });

  it('removes its listener when the last subscriber leaves, and calls no one who left', () => {
    const controller = new AbortController();
    const called: string[] = [];
    const leaveA = onAbort(controller.signal, () => called.push('a'));
    const leaveB = onAbort(controller.signal, () => called.push('b'));
    leaveA();
    leaveA();
    expect(listeners(controller.signal)).toBe(1);
    leaveB();
    expect(listeners(controller.signal)).toBe(0);
    onAbort(controller.signal, () => called.push('c'));
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(called).toEqual(['c']);
  });
});
