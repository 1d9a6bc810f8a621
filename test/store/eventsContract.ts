import { StoreInputError } from '../../src/errors';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';
import type { GraphStore } from '../../src/store/port';
import { changesFixture, newEvent, retract, syntheticOrganisations, update } from './changesFixture';

const ENTERPRISE = 'Enterprise:synthetic-test-enterprise-a';
const LAB = 'Lab:synthetic-test-lab-b';

/**
 * Events of named organisations (record kind Event) through the write part
 * of the port, the same on every adapter: an event is of a Task or a Target,
 * names an existing Enterprise or Lab, and is found from its subject and
 * from its organisation. `open` returns an EMPTY store; the organisations are
 * synthetic test data.
 */
export function describeEventsContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore events of organisations (${adapter})`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = checkStoreCalls(await open());
      await store.upsert(changesFixture());
      await store.upsert(syntheticOrganisations());
    });

    afterAll(async () => {
      await store.close();
    });

    it('records events of a task and of a target, found from each subject and from the organisation, in date order', async () => {
      const ofTask = await store.applyChange(newEvent('Task:annual', ENTERPRISE, { date: '2023-06-15' }));
      const ofTarget = await store.applyChange(newEvent('Target:sum', ENTERPRISE, { date: '2022-03-01', eventKind: 'TRAINED' }));
      const ofLab = await store.applyChange(newEvent('Target:sum', LAB, { date: '2024-01-10', eventKind: 'ACCREDITED' }));
      expect(ofTask.record).toMatchObject({ kind: 'Event', subject: 'Task:annual', version: 1 });
      expect(ofTask.record.fields).toMatchObject({ organisation: ENTERPRISE, eventKind: 'JOINED_PROGRAMME', date: '2023-06-15', evidenceDocument: null });

      const [taskEvents, targetEvents] = await store.recordsOf({ kind: 'Event', subjects: ['Task:annual', 'Target:sum'] });
      expect(taskEvents?.map((r) => r.id)).toEqual([ofTask.record.id]);
      expect(targetEvents?.map((r) => r.id)).toEqual([ofTarget.record.id, ofLab.record.id]);
      const [enterprise, lab] = await store.recordsOf({ kind: 'Event', subjects: [ENTERPRISE, LAB], field: 'organisation' });
      expect(enterprise?.map((r) => r.id)).toEqual([ofTarget.record.id, ofTask.record.id]);
      expect(lab?.map((r) => r.id)).toEqual([ofLab.record.id]);
      expect(await store.getRecords([ofLab.record.id])).toEqual([ofLab.record]);
    });

    it('moves an event to another organisation on update, and leaves a retracted one out unless asked', async () => {
      const { record } = await store.applyChange(newEvent('Task:due', ENTERPRISE));
      const moved = await store.applyChange(update(record.id, 1, { organisation: LAB, description: 'Corrected: it was the lab (synthetic test data).' }));
      expect(moved.record.fields).toMatchObject({ organisation: LAB, eventKind: 'JOINED_PROGRAMME' });
      const [enterprise, lab] = await store.recordsOf({ kind: 'Event', subjects: [ENTERPRISE, LAB], field: 'organisation' });
      expect(enterprise?.map((r) => r.id)).not.toContain(record.id);
      expect(lab?.map((r) => r.id)).toContain(record.id);
      await store.applyChange(retract(record.id, 2, 'entered under the wrong task'));
      expect((await store.recordsOf({ kind: 'Event', subjects: [LAB], field: 'organisation' }))[0]?.map((r) => r.id)).not.toContain(record.id);
      expect((await store.recordsOf({ kind: 'Event', subjects: [LAB], field: 'organisation', includeRetracted: true }))[0]?.map((r) => r.id)).toContain(record.id);
      const history = await store.listChanges({ recordId: record.id, offset: 0, limit: 10 });
      expect(history.items.map((c) => c.action)).toEqual(['CREATE', 'UPDATE', 'RETRACT']);
    });

    it('answers a repeated idempotency key with the first result and writes nothing', async () => {
      const change = newEvent('Target:total', LAB, {}, { idempotencyKey: 'event-once' });
      const first = await store.applyChange(change);
      const again = await store.applyChange({ ...change, id: 'Event:another-id' });
      expect(again.replayed).toBe(true);
      expect(again.record.id).toBe(first.record.id);
      expect((await store.recordsOf({ kind: 'Event', subjects: ['Target:total'] }))[0]).toHaveLength(1);
    });

    it('refuses an organisation that does not exist, or is not an Enterprise or Lab, naming the field', async () => {
      await expect(store.applyChange(newEvent('Task:annual', 'Enterprise:synthetic-absent'))).rejects.toThrow(/field organisation: Enterprise:synthetic-absent does not exist/);
      await expect(store.applyChange(newEvent('Task:annual', 'Plan:p'))).rejects.toThrow(/change\.fields\.organisation must be the id of a Enterprise/);
      const { record } = await store.applyChange(newEvent('Task:open', ENTERPRISE));
      await expect(store.applyChange(update(record.id, 1, { organisation: 'Lab:synthetic-absent' }))).rejects.toThrow(StoreInputError);
      expect((await store.getRecords([record.id]))[0]?.version).toBe(1);
    });

    it('refuses a subject that is neither a Task nor a Target, and an event without its evidence', async () => {
      await expect(store.applyChange(newEvent('Plan:p', ENTERPRISE))).rejects.toThrow(/change\.subject must be the id of a Task .* or a Target/);
      await expect(store.applyChange(newEvent('Task:absent', ENTERPRISE))).rejects.toThrow(/subject Task:absent does not exist/);
      await expect(store.applyChange(newEvent('Task:annual', ENTERPRISE, { evidenceQuote: null, evidenceUrl: null }))).rejects.toThrow(/evidenceQuote/);
      await expect(store.recordsOf({ kind: 'Actual', subjects: [ENTERPRISE], field: 'organisation' })).rejects.toThrow(/query\.field must be absent/);
    });
  });
}
