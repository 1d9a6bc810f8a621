import { StoreConflictError, StoreInputError } from '../../src/errors';
import { cacheStoreReads } from '../../src/store/cacheStoreReads';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import type { ChangeResult, GraphStore, ImplementationRecord } from '../../src/store/port';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { changesFixture, newActual, newReport, retract, update } from './changesFixture';

/** Makes the adapter fail when it appends the history entry (the step after the record is written), until restored. */
export type FailHistoryAppend = () => { restore(): void };

/**
 * The write part of the port (applyChange and the reads of records, history
 * and progress), the same on every adapter. `open` returns an EMPTY store;
 * `failHistoryAppend` breaks the adapter at its history write, so a test can
 * check that nothing of a failed change stays.
 */
export function describeChangesContract(adapter: string, open: () => Promise<GraphStore>, failHistoryAppend: FailHistoryAppend): void {
  describe(`GraphStore write contract (${adapter})`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = checkStoreCalls(await open());
      await store.upsert(changesFixture());
    });

    afterAll(async () => {
      await store.close();
    });

    describe('a record through create, update and retract', () => {
      it('keeps versions, who and when, and an append-only history with before and after', async () => {
        const created = await store.applyChange(newActual('Target:sum', { value: 40 }));
        expect(created.replayed).toBe(false);
        expect(created.record).toMatchObject({ kind: 'Actual', subject: 'Target:sum', version: 1, createdBy: 'editor@test', retracted: false });
        expect(created.record.fields).toMatchObject({ value: 40, periodStart: '2023-01-01', status: 'PROVISIONAL', note: null, evidenceUrl: null });
        const id = created.record.id;
        expect(await store.getRecords([id, 'Actual:absent', 'Target:sum'])).toEqual([created.record, null, null]);

        const updated = await store.applyChange(update(id, 1, { value: 45, status: 'FINAL', note: 'corrected' }, { actor: 'second@test' }));
        expect(updated.record).toMatchObject({ version: 2, createdBy: 'editor@test', updatedBy: 'second@test' });
        expect(updated.record.fields).toMatchObject({ value: 45, status: 'FINAL', note: 'corrected', periodEnd: '2023-12-31' });
        const cleared = await store.applyChange(update(id, 2, { note: null }));
        expect(cleared.record.fields.note).toBeNull();

        const retracted = await store.applyChange(retract(id, 3, 'duplicate of the department report'));
        expect(retracted.record).toMatchObject({ version: 4, retracted: true, retractedBy: 'editor@test', retractionReason: 'duplicate of the department report' });
        expect(retracted.record.fields.value).toBe(45);

        expect((await store.recordsOf({ kind: 'Actual', subjects: ['Target:sum'] }))[0]?.map((r) => r.id)).not.toContain(id);
        expect((await store.recordsOf({ kind: 'Actual', subjects: ['Target:sum'], includeRetracted: true }))[0]?.map((r) => r.id)).toContain(id);

        const history = await store.listChanges({ recordId: id, offset: 0, limit: 10 });
        expect(history.totalCount).toBe(4);
        expect(history.items.map((c) => [c.action, c.version, c.actor])).toEqual([
          ['CREATE', 1, 'editor@test'],
          ['UPDATE', 2, 'second@test'],
          ['UPDATE', 3, 'editor@test'],
          ['RETRACT', 4, 'editor@test'],
        ]);
        const [first, second] = history.items;
        expect(first?.before).toBeNull();
        expect(JSON.parse(first?.after ?? '')).toEqual(created.record);
        expect(second?.before).toBe(first?.after);
        expect(JSON.parse(history.items[3]?.after ?? '')).toEqual(retracted.record);
        expect(history.items.map((c) => c.seq)).toEqual([...history.items.map((c) => c.seq)].sort((a, b) => a - b));
        expect(new Set(history.items.map((c) => c.requestId)).size).toBe(4);
      });

      it('refuses a stale expected version with a conflict naming the current one, and changes nothing', async () => {
        const { record } = await store.applyChange(newActual('Target:sum', { periodStart: '2020-01-01', periodEnd: '2020-12-31' }));
        await store.applyChange(update(record.id, 1, { value: 11 }));
        const stale = store.applyChange(update(record.id, 1, { value: 99 }));
        await expect(stale).rejects.toBeInstanceOf(StoreConflictError);
        await expect(stale).rejects.toMatchObject({ currentVersion: 2, message: expect.stringMatching(/version 2.*expected version 1/) });
        expect((await store.getRecords([record.id]))[0]?.fields.value).toBe(11);
        expect((await store.listChanges({ recordId: record.id, offset: 0, limit: 10 })).totalCount).toBe(2);
      });

      it('refuses to change a retracted record (conflict), and an unknown one (input)', async () => {
        const { record } = await store.applyChange(newActual('Target:sum', { periodStart: '2019-06-01', periodEnd: '2019-12-31' }));
        await store.applyChange(retract(record.id, 1));
        await expect(store.applyChange(update(record.id, 2, { value: 1 }))).rejects.toMatchObject({ name: 'StoreConflictError', currentVersion: 2 });
        await expect(store.applyChange(update('Actual:never-written', 1, { value: 1 }))).rejects.toThrow(/no Actual has the id Actual:never-written/);
      });
    });

    describe('idempotency', () => {
      it('answers the same key twice with the first result and writes once', async () => {
        const before = (await store.listChanges({ offset: 0, limit: 1 })).totalCount;
        const first = await store.applyChange(newActual('Target:exact', { value: 3 }, { idempotencyKey: 'key-once-1' }));
        const again = await store.applyChange({ ...newActual('Target:exact', { value: 3 }, { idempotencyKey: 'key-once-1' }), requestId: 'a-retry' });
        expect(again.replayed).toBe(true);
        expect(again.record).toEqual(first.record);
        expect(again.change).toEqual(first.change);
        expect((await store.listChanges({ offset: 0, limit: 1 })).totalCount).toBe(before + 1);
        expect((await store.recordsOf({ kind: 'Actual', subjects: ['Target:exact'] }))[0]).toHaveLength(1);
      });

      it('refuses the same key with another change, and scopes keys to their actor', async () => {
        await store.applyChange(newActual('Target:total', { value: 2, periodStart: '2021-01-01', periodEnd: '2021-12-31' }, { idempotencyKey: 'key-two' }));
        await expect(
          store.applyChange(newActual('Target:total', { value: 3, periodStart: '2021-01-01', periodEnd: '2021-12-31' }, { idempotencyKey: 'key-two' })),
        ).rejects.toThrow(/idempotency key "key-two" was already used by editor@test for another change/);
        const other = await store.applyChange(
          newActual('Target:total', { value: 2, periodStart: '2021-01-01', periodEnd: '2021-12-31' }, { idempotencyKey: 'key-two', actor: 'other@test' }),
        );
        expect(other.replayed).toBe(false);
      });

      it('replays an update and a retraction too, even after the record changed again', async () => {
        const { record } = await store.applyChange(newActual('Target:total', { periodStart: '2022-01-01', periodEnd: '2022-12-31' }));
        const first = await store.applyChange(update(record.id, 1, { value: 7 }, { idempotencyKey: 'key-update' }));
        await store.applyChange(update(record.id, 2, { value: 8 }));
        const again = await store.applyChange(update(record.id, 1, { value: 7 }, { idempotencyKey: 'key-update' }));
        expect(again).toEqual({ ...first, replayed: true });
        expect((await store.getRecords([record.id]))[0]?.version).toBe(3);
      });
    });

    describe('the rules among a subject\'s records', () => {
      it('refuses a subject that does not exist and a second baseline; allows one after retracting the first', async () => {
        await expect(store.applyChange(newActual('Target:absent'))).rejects.toThrow(/subject Target:absent does not exist/);
        const baseline = newActual('Target:level', { baseline: true, value: 0, periodStart: '2018-12-31', periodEnd: '2018-12-31' });
        const { record } = await store.applyChange(baseline);
        await expect(store.applyChange(newActual('Target:level', { baseline: true, value: 1, periodStart: '2018-12-31', periodEnd: '2018-12-31' }))).rejects.toThrow(
          new RegExp(`field baseline: Target:level already has a baseline, ${record.id}`),
        );
        await store.applyChange(retract(record.id, 1));
        await expect(store.applyChange(newActual('Target:level', { baseline: true, value: 1, periodStart: '2018-12-31', periodEnd: '2018-12-31' }))).resolves.toBeDefined();
      });

      it('allows actuals of the same period and of periods apart, refuses periods that overlap', async () => {
        await store.applyChange(newActual('Target:level', { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 1 }));
        await store.applyChange(newActual('Target:level', { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 2, status: 'VERIFIED' }));
        await expect(store.applyChange(newActual('Target:level', { periodStart: '2024-07-01', periodEnd: '2025-06-30' }))).rejects.toThrow(
          /field periodStart: the period 2024-07-01 to 2025-06-30 overlaps the period 2024-01-01 to 2024-12-31/,
        );
        await expect(store.applyChange(newActual('Target:level', { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 3 }))).resolves.toBeDefined();
      });

      it('refuses a second report of a task for a year, and fields that break a rule', async () => {
        await store.applyChange(newReport('Task:open', 2022, 'IN_PROGRESS'));
        await expect(store.applyChange(newReport('Task:open', 2022, 'DONE'))).rejects.toThrow(/field year: Task:open already has a report for 2022/);
        await expect(store.applyChange(newActual('Target:sum', { periodStart: '2023-05-01', periodEnd: '2023-04-01' }))).rejects.toThrow(
          /field periodEnd must not be before periodStart/,
        );
        await expect(store.applyChange(newActual('Target:sum', { evidenceDocument: null }))).rejects.toThrow(/field evidenceDocument or evidenceUrl/);
      });

      it('refuses malformed changes before any store work, naming the argument', async () => {
        const bad = (change: unknown) => store.applyChange(change as never);
        await expect(bad({ ...newActual('Target:sum'), subject: 'Task:annual' })).rejects.toThrow(/change.subject must be the id of a Target/);
        await expect(bad({ ...newActual('Target:sum'), id: 'Actual:UPPER' })).rejects.toThrow(/change.id must be the id of a Actual/);
        await expect(bad(newActual('Target:sum', { value: -1 }))).rejects.toThrow(/change.fields.value must be a count from 0/);
        await expect(bad(newActual('Target:sum', { periodStart: '2023-02-30' }))).rejects.toThrow(/change.fields.periodStart must be a date written YYYY-MM-DD/);
        await expect(bad(newActual('Target:sum', { colour: 'red' }))).rejects.toThrow(/change.fields.colour must be a field of Actual/);
        await expect(bad(update('Actual:x', 0, { value: 1 }))).rejects.toThrow(/change.expectedVersion must be an integer >= 1/);
        await expect(bad({ ...retract('Actual:x', 1), reason: ' ' })).rejects.toBeInstanceOf(StoreInputError);
      });
    });

    describe('atomicity and concurrency', () => {
      it('leaves nothing half-written when a step after the record write fails', async () => {
        const seqBefore = (await store.listChanges({ offset: 0, limit: 1 })).totalCount;
        const change = newActual('Target:exact', { periodStart: '2024-01-01', periodEnd: '2024-12-31' }, { idempotencyKey: 'key-failing' });
        const fault = failHistoryAppend();
        try {
          await expect(store.applyChange(change)).rejects.toThrow();
        } finally {
          fault.restore();
        }
        expect(await store.getRecords([change.id])).toEqual([null]);
        expect((await store.recordsOf({ kind: 'Actual', subjects: ['Target:exact'], includeRetracted: true }))[0]?.map((r) => r.id)).not.toContain(change.id);
        expect((await store.listChanges({ offset: 0, limit: 1 })).totalCount).toBe(seqBefore);
        // The key was not kept and the history's numbering did not move: the same request now succeeds as the next change.
        const retried = await store.applyChange(change);
        expect(retried.replayed).toBe(false);
        expect(retried.change.seq).toBe(seqBefore + 1);
      });

      it('leaves an updated record as it was when the update fails half-way, and the record can be changed again', async () => {
        const { record } = await store.applyChange(newActual('Target:exact', { periodStart: '2019-01-01', periodEnd: '2019-12-31', value: 1 }));
        await store.applyChange(update(record.id, 1, { value: 2 }));
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const fault = failHistoryAppend();
          try {
            await expect(store.applyChange(update(record.id, 2, { value: 99 }))).rejects.toThrow();
          } finally {
            fault.restore();
          }
        }
        expect((await store.getRecords([record.id]))[0]).toMatchObject({ version: 2, fields: expect.objectContaining({ value: 2 }) });
        expect((await store.listChanges({ recordId: record.id, offset: 0, limit: 10 })).totalCount).toBe(2);
        for (let version = 2; version < 6; version += 1) await store.applyChange(update(record.id, version, { value: version * 10 }));
        expect((await store.getRecords([record.id]))[0]).toMatchObject({ version: 6, fields: expect.objectContaining({ value: 50 }) });
        await store.applyChange(retract(record.id, 6));
      });

      it('lets exactly one of 50 concurrent writers with the same expected version win; the others get a conflict naming the new version', async () => {
        const { record } = await store.applyChange(newActual('Target:total', { value: 0, periodStart: '2024-01-01', periodEnd: '2024-12-31' }));
        const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => store.applyChange(update(record.id, 1, { value: i + 1 }))));
        const won = outcomes.filter((o): o is PromiseFulfilledResult<ChangeResult> => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const o of lost) expect(o.reason).toMatchObject({ name: 'StoreConflictError', currentVersion: 2 });
        expect((await store.getRecords([record.id]))[0]?.fields.value).toBe(won[0]?.value.record.fields.value);
      });

      it('serialises 50 concurrent writers that each retry with the current version: no lost update, no duplicate', async () => {
        const { record } = await store.applyChange(newActual('Target:total', { value: 0, periodStart: '2025-01-01', periodEnd: '2025-12-31' }));
        const increment = async (writer: number): Promise<void> => {
          for (;;) {
            const [current] = await store.getRecords([record.id]);
            const seen = current as ImplementationRecord;
            try {
              await store.applyChange(update(record.id, seen.version, { value: Number(seen.fields.value) + 1 }, { actor: `writer-${writer}@test` }));
              return;
            } catch (error) {
              if (!(error instanceof StoreConflictError)) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 50 }, (_, i) => increment(i)));
        const [final] = await store.getRecords([record.id]);
        expect(final?.version).toBe(51);
        expect(final?.fields.value).toBe(50);
        const history = await store.listChanges({ recordId: record.id, offset: 0, limit: 100 });
        expect(history.items.map((c) => c.version)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
        expect(new Set(history.items.filter((c) => c.action === 'UPDATE').map((c) => c.actor)).size).toBe(50);
        const seqs = history.items.map((c) => c.seq);
        expect(new Set(seqs).size).toBe(51);
      }, 300_000);
    });

    describe('progress computed in the store', () => {
      beforeAll(async () => {
        const add = (target: string, start: string, end: string, value: number, status = 'FINAL') =>
          store.applyChange(newActual(target, { periodStart: start, periodEnd: end, value, status }));
        await add('Target:total', '2019-01-01', '2019-12-31', 4);
        await add('Target:total', '2026-01-01', '2026-12-31', 12);
        await add('Target:total', '2026-01-01', '2026-12-31', 14, 'VERIFIED');
        await add('Target:total', '2026-01-01', '2026-12-31', 99, 'PROVISIONAL');
        const { record } = await add('Target:total', '2027-01-01', '2027-12-31', 500);
        await store.applyChange(retract(record.id, 1));
        await add('Target:total', '2031-01-01', '2031-12-31', 1000);
      });

      it('sums one actual per period (the strongest status), per phase, leaving out retracted, later and after-due periods', async () => {
        const [total, none, absent] = await store.targetProgress({ ids: ['Target:total', 'Target:sum', 'Target:absent'], asOf: '2032-06-30' });
        // 2019: 4; 2021: 2 (+2 of other@test, same period: one counts); 2022: 8; 2024: the winner of the 50; 2025: 50; 2026: 14 (VERIFIED over FINAL 12 and PROVISIONAL 99)
        const byPeriod = new Map(total?.counted.map((a) => [String(a.fields.periodStart).slice(0, 4), a.fields.value]));
        expect(byPeriod.get('2026')).toBe(14);
        expect(byPeriod.has('2027')).toBe(false);
        expect(byPeriod.has('2031')).toBe(false);
        const sum = [...byPeriod.values()].reduce((a: number, b) => a + Number(b), 0);
        expect(total).toMatchObject({ aggregation: 'SUM', quantity: 30, comparator: 'AT_LEAST', achieved: sum, actualsCounted: byPeriod.size, latestPeriodEnd: '2026-12-31' });
        expect(total?.status).toBe(sum >= 30 ? 'MET' : 'NOT_MET');
        expect(total?.byPhase.map((p) => [p.phaseId, p.achieved])).toEqual([
          ['Phase:p.g1', sum - 14],
          ['Phase:p.g2', 14],
        ]);
        expect(none?.targetId).toBe('Target:sum');
        expect(absent).toBeNull();
      });

      it('takes the latest period for a level, keeps the baseline apart, and honours the as-of date and EXACTLY', async () => {
        const [level] = await store.targetProgress({ ids: ['Target:level'], asOf: '2026-01-15' });
        expect(level).toMatchObject({ aggregation: 'LATEST', achieved: 3, latestPeriodEnd: '2025-12-31', status: 'IN_PROGRESS' });
        expect(level?.baseline?.fields).toMatchObject({ baseline: true, value: 1 });
        const [early] = await store.targetProgress({ ids: ['Target:level'], asOf: '2025-06-30' });
        expect(early).toMatchObject({ achieved: 2, latestPeriodEnd: '2024-12-31' });
        // Target:exact (EXACTLY 10 by 2025) holds 3 (2023, the idempotent create) and 10 (2024, the retried failing create).
        const [exact] = await store.targetProgress({ ids: ['Target:exact'], asOf: '2030-01-01' });
        expect(exact).toMatchObject({ comparator: 'EXACTLY', achieved: 13, status: 'EXCEEDED' });
        const [exactEarly] = await store.targetProgress({ ids: ['Target:exact'], asOf: '2024-06-30' });
        expect(exactEarly).toMatchObject({ achieved: 3, status: 'IN_PROGRESS' });
      });

      it('finds the years a recurring task is overdue and whether a task due by a year is', async () => {
        await store.applyChange(newReport('Task:annual', 2019, 'DONE'));
        await store.applyChange(newReport('Task:annual', 2020, 'IN_PROGRESS'));
        await store.applyChange(newReport('Task:annual', 2022, 'OVERDUE'));
        const [annual, due, open] = await store.taskProgress({ ids: ['Task:annual', 'Task:due', 'Task:open'], asOf: '2023-03-01' });
        expect(annual).toMatchObject({ overdue: true, overdueYears: [2020, 2021, 2022], reportedYears: [2019, 2020, 2022] });
        expect(annual?.latestReport?.fields.year).toBe(2022);
        expect(due).toMatchObject({ overdue: false, overdueYears: [] });
        expect(open).toMatchObject({ overdue: false, reportedYears: [2022] });
        const [dueLater] = await store.taskProgress({ ids: ['Task:due'], asOf: '2026-01-01' });
        expect(dueLater).toMatchObject({ overdue: true, overdueYears: [2025] });
        await store.applyChange(newReport('Task:due', 2026, 'DONE'));
        const [done] = await store.taskProgress({ ids: ['Task:due'], asOf: '2027-01-01' });
        expect(done).toMatchObject({ overdue: false, latestReport: expect.objectContaining({ subject: 'Task:due' }) });
      });
    });

    describe('the history as an audit list', () => {
      it('filters by actor, kind, action and time, in commit order, paged', async () => {
        const all = await store.listChanges({ offset: 0, limit: 1000 });
        expect(all.items.map((c) => c.seq)).toEqual(Array.from({ length: all.totalCount }, (_, i) => i + 1));
        const byOther = await store.listChanges({ actor: 'other@test', offset: 0, limit: 10 });
        expect(byOther.totalCount).toBe(1);
        const reports = await store.listChanges({ recordKind: 'TaskReport', action: 'CREATE', offset: 0, limit: 1000 });
        expect(reports.items.every((c) => c.recordKind === 'TaskReport' && c.action === 'CREATE')).toBe(true);
        const middle = all.items[Math.floor(all.items.length / 2)];
        const since = await store.listChanges({ from: middle?.at, offset: 0, limit: 1000 });
        expect(since.items.every((c) => c.at >= String(middle?.at))).toBe(true);
        const page = await store.listChanges({ offset: 2, limit: 3 });
        expect(page.items.map((c) => c.seq)).toEqual([3, 4, 5]);
        expect(page.totalCount).toBe(all.totalCount);
      });
    });

    describe('behind the read-through cache', () => {
      it('answers a read after a committed write with the new answer', async () => {
        const { store: watched, clock } = watchStoreWrites(store);
        const cached = cacheStoreReads(watched, clock, 4 * 1024 * 1024).store;
        const read = async () => (await cached.targetProgress({ ids: ['Target:sum'], asOf: '2025-12-31' }))[0]?.achieved ?? null;
        const before = await read();
        expect(await read()).toBe(before);
        const { record } = await cached.applyChange(newActual('Target:sum', { value: 7, periodStart: '2018-01-01', periodEnd: '2018-12-31' }));
        expect(await read()).toBe((before ?? 0) + 7);
        await cached.applyChange(retract(record.id, 1));
        expect(await read()).toBe(before);
      });
    });
  });
}
