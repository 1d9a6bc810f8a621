import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { GraphStore } from '../../store/port';
import { checkFilesRemain } from './checkFilesRemain';
import { ReadinessProbe, TIMEOUTS_BEFORE_UNREADY } from './ReadinessProbe';

const logger = pino({ level: 'silent' });

/** A store whose listNodes answers, fails or never answers, as `mode` says. */
function store(mode: { now: 'ok' | 'fail' | 'hang' }): GraphStore {
  return {
    name: 'fake',
    listNodes: () =>
      mode.now === 'ok' ? Promise.resolve({ items: [], totalCount: 0 }) : mode.now === 'fail' ? Promise.reject(new Error('disk gone')) : new Promise(() => undefined),
  } as unknown as GraphStore;
}

describe('ReadinessProbe', () => {
  it('is ready after a read that works, not ready after one that fails, and ready again once reads work', async () => {
    const mode: { now: 'ok' | 'fail' | 'hang' } = { now: 'ok' };
    const probe = new ReadinessProbe(store(mode), { intervalMs: 60_000, timeoutMs: 1000 }, logger);
    await probe.probe();
    expect(probe.status.ready).toBe(true);
    mode.now = 'fail';
    await probe.probe();
    expect(probe.status).toMatchObject({ ready: false, reason: 'disk gone' });
    mode.now = 'ok';
    await probe.probe();
    expect(probe.status.ready).toBe(true);
  });

  it('stays ready through a slow probe or two, and turns not ready after TIMEOUTS_BEFORE_UNREADY in a row', async () => {
    const mode: { now: 'ok' | 'fail' | 'hang' } = { now: 'ok' };
    const probe = new ReadinessProbe(store(mode), { intervalMs: 60_000, timeoutMs: 10 }, logger);
    await probe.probe();
    mode.now = 'hang';
    for (let i = 1; i < TIMEOUTS_BEFORE_UNREADY; i += 1) {
      await probe.probe();
      expect(probe.status.ready).toBe(true);
    }
    await probe.probe();
    expect(probe.status).toMatchObject({ ready: false, reason: expect.stringMatching(/within 10 ms/) });
  });

  it('runs its checks: a store directory deleted (or replaced) makes it not ready though reads still answer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-ready-'));
    fs.writeFileSync(path.join(dir, 'graph.kuzu'), 'x');
    const probe = new ReadinessProbe(
      store({ now: 'ok' }),
      { intervalMs: 60_000, timeoutMs: 1000, checks: [checkFilesRemain([dir, path.join(dir, 'graph.kuzu')])] },
      logger,
    );
    await probe.probe();
    expect(probe.status.ready).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
    await probe.probe();
    expect(probe.status).toMatchObject({ ready: false, reason: expect.stringContaining(dir) });
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'graph.kuzu'), 'x');
    await probe.probe();
    expect(probe.status).toMatchObject({ ready: false, reason: expect.stringMatching(/replaced/) });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
