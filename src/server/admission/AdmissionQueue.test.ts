import { DeadlineExceededError, ErrorCode, OverloadedError } from '../../errors';
import { AdmissionQueue } from './AdmissionQueue';

const never = new AbortController().signal;
const describe_ = () => 'the test gave up';

/** Whether `promise` has settled by the time already-queued callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('AdmissionQueue', () => {
  it('admits up to its concurrency at once, queues the next, refuses beyond the queue with OVERLOADED naming both limits', async () => {
    const queue = new AdmissionQueue(1, 1, 2);
    const first = await queue.admit(never, describe_);
    const second = queue.admit(never, describe_);
    expect(await settled(second)).toBe(false);
    expect([queue.running, queue.queued]).toEqual([1, 1]);
    const third = queue.admit(never, describe_);
    await expect(third).rejects.toBeInstanceOf(OverloadedError);
    await expect(third).rejects.toMatchObject({
      message: expect.stringMatching(/HEAVY_CONCURRENCY=1[\s\S]*HEAVY_QUEUE_LENGTH=1[\s\S]*retry after 2 s/),
      extensions: { code: ErrorCode.OVERLOADED, retryAfterSeconds: 2 },
    });
    first();
    const secondRelease = await second;
    expect([queue.running, queue.queued]).toEqual([1, 0]);
    secondRelease();
    expect(queue.running).toBe(0);
  });

  it('hands a freed place to the longest waiter, not to a newcomer', async () => {
    const queue = new AdmissionQueue(1, 5);
    const order: string[] = [];
    const held = await queue.admit(never, describe_);
    const waiters = ['a', 'b', 'c'].map((name) => queue.admit(never, describe_).then((release) => (order.push(name), release)));
    held();
    const late = queue.admit(never, describe_).then((release) => (order.push('late'), release));
    for (const waiter of [...waiters, late]) (await waiter)();
    expect(order).toEqual(['a', 'b', 'c', 'late']);
  });

  it('lets a waiter whose signal fires leave the queue with DEADLINE_EXCEEDED, freeing its place in the queue', async () => {
    const queue = new AdmissionQueue(1, 1);
    const held = await queue.admit(never, describe_);
    const abandon = new AbortController();
    const waiting = queue.admit(abandon.signal, () => 'the deadline passed');
    abandon.abort();
    await expect(waiting).rejects.toBeInstanceOf(DeadlineExceededError);
    await expect(waiting).rejects.toThrow(/the deadline passed/);
    expect(queue.queued).toBe(0);
    const next = queue.admit(never, describe_);
    expect(queue.queued).toBe(1);
    held();
    (await next)();
    expect(queue.running).toBe(0);
  });

  it('refuses a request already abandoned, and a release called twice frees one place only', async () => {
    const queue = new AdmissionQueue(2, 0);
    const gone = new AbortController();
    gone.abort();
    await expect(queue.admit(gone.signal, describe_)).rejects.toBeInstanceOf(DeadlineExceededError);
    const a = await queue.admit(never, describe_);
    await queue.admit(never, describe_);
    a();
    a();
    expect(queue.running).toBe(1);
  });
});
