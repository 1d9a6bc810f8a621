import type { ChangeEntry } from '../store/port';
import { ChangeFeed } from './ChangeFeed';
import { watchSubjects } from './watchSubjects';

/** A committed change of a record of `subject` (only the fields the watcher reads matter). */
const change = (seq: number, subject: string, recordKind: 'Actual' | 'TaskReport' = 'Actual'): ChangeEntry => ({
  id: `Change:${seq}`,
  seq,
  recordId: `${recordKind}:r${seq}`,
  recordKind,
  subject,
  action: 'CREATE',
  actor: 'test',
  at: '2026-01-01T00:00:00.000Z',
  version: 1,
  before: null,
  after: '{}',
  requestId: 'test',
  idempotencyKey: null,
});

describe('watchSubjects', () => {
  it('sends each subject first, then reads again only the subjects a change touched, gathering changes while the consumer is busy', async () => {
    const feed = new ChangeFeed();
    const reads: string[][] = [];
    let version = 0;
    const stream = watchSubjects(feed, ['T:a', 'T:b'], 'Actual', async (ids) => {
      reads.push([...ids]);
      version += 1;
      return ids.map((id) => `${id}@${version}`);
    });
    expect((await stream.next()).value).toBe('T:a@1');
    expect((await stream.next()).value).toBe('T:b@1');
    // While the consumer does not ask, ten changes of T:a, one of another kind and one of an unwatched target arrive.
    for (let i = 1; i <= 10; i += 1) feed.publish(change(i, 'T:a'));
    feed.publish(change(11, 'T:b', 'TaskReport'));
    feed.publish(change(12, 'T:c'));
    expect(reads).toEqual([['T:a', 'T:b']]);
    expect((await stream.next()).value).toBe('T:a@2');
    expect(reads).toEqual([['T:a', 'T:b'], ['T:a']]);
    await stream.return?.();
    expect(feed.size).toBe(0);
  });

  it('stops listening at once when returned while waiting for a change, and ends the pending next()', async () => {
    const feed = new ChangeFeed();
    const stream = watchSubjects(feed, ['T:a'], 'Actual', async (ids) => ids.map(() => 1));
    await stream.next();
    const pending = stream.next();
    expect(feed.size).toBe(1);
    await stream.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(feed.size).toBe(0);
  });

  it('ends with the error of a failed read', async () => {
    const feed = new ChangeFeed();
    const stream = watchSubjects(feed, ['T:a'], 'Actual', async () => {
      throw new Error('store down');
    });
    await expect(stream.next()).rejects.toThrow('store down');
    expect(feed.size).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
