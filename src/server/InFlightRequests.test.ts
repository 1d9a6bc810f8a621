import { InFlightRequests } from './InFlightRequests';

describe('InFlightRequests', () => {
  it('tracks work until it settles, failures included, and returns it unchanged', async () => {
    const requests = new InFlightRequests();
    const ok = Promise.resolve(1);
    expect(requests.track(ok)).toBe(ok);
    const failing = requests.track(Promise.reject(new Error('boom')));
    expect(requests.size).toBe(2);
    await expect(failing).rejects.toThrow('boom');
    expect(await requests.drain(1000)).toBe(true);
    expect(requests.size).toBe(0);
  });

  it('drains work tracked while it waits, and gives up after the grace period', async () => {
    const requests = new InFlightRequests();
    let finish!: () => void;
    requests.track(new Promise<void>((resolve) => setTimeout(() => {
      requests.track(new Promise<void>((later) => (finish = later)));
      resolve();
    }, 10)));
    expect(await requests.drain(100)).toBe(false);
    expect(requests.size).toBe(1);
    finish();
    expect(await requests.drain(100)).toBe(true);
  });
});
