/**
 * Events of named organisations through the API (recordEvent, updateEvent,
 * retractEvent; Task.events, Target.events, Enterprise.events) on the seeded
 * plan and the adapter under test. The organisation is synthetic test data,
 * flagged so and named so: never a real company.
 */
import type { Viewer } from '../../src/auth/viewer';
import { startTestApi, type TestApi } from '../support/api';

const EDITOR: Viewer = { subject: 'editor@test', role: 'editor', via: 'token' };
const READER: Viewer = { subject: 'reader@test', role: 'reader', via: 'token' };
const TASK = 'Task:dn-202-2019.pl-i-2';
const ENTERPRISE = 'Enterprise:synthetic-test-enterprise-a';
const RECORD = `mutation ($input: RecordEventInput!, $key: String) {
  recordEvent(input: $input, idempotencyKey: $key) { replayed event { id version date eventKind description task { id } target { id } organisation { id } evidence { url quote } } change { action } } }`;

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.store.upsert({
    nodes: [{ id: ENTERPRISE, kind: 'Enterprise', props: { name: 'Synthetic Test Enterprise A (not a real company)', synthetic: true } }],
    edges: [],
  });
});

afterAll(async () => {
  await api.close();
});

const input = (fields: Record<string, unknown> = {}) => ({
  task: TASK,
  date: '2023-06-15',
  organisation: ENTERPRISE,
  eventKind: 'JOINED_PROGRAMME',
  description: 'Joined the programme (synthetic test data).',
  evidence: { url: 'https://example.invalid/synthetic', quote: 'Synthetic test sentence.' },
  ...fields,
});

describe('events of named organisations', () => {
  it('records an event of a task as an editor, read back from the task and from the enterprise, once per idempotency key', async () => {
    const first = await api.execute(RECORD, { input: input(), key: 'event-api-1' }, { viewer: EDITOR });
    expect(first.errors).toBeUndefined();
    const event = first.data?.recordEvent.event;
    expect(event).toMatchObject({ version: 1, eventKind: 'JOINED_PROGRAMME', task: { id: TASK }, target: null, organisation: { id: ENTERPRISE } });
    const again = await api.execute(RECORD, { input: input(), key: 'event-api-1' }, { viewer: EDITOR });
    expect(again.data?.recordEvent).toMatchObject({ replayed: true, event: { id: event.id } });
    const read = await api.execute(`{ node(id: "${TASK}") { ... on Task { events { id } } } enterprise: node(id: "${ENTERPRISE}") { ... on Enterprise { events { id date } } } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data?.node.events).toEqual([{ id: event.id }]);
    expect(read.data?.enterprise.events).toEqual([{ id: event.id, date: '2023-06-15' }]);
  });

  it('updates and retracts an event with versions, leaving a retracted one out of the lists', async () => {
    const created = await api.execute(RECORD, { input: input({ date: '2024-02-01' }) }, { viewer: EDITOR });
    const id = created.data?.recordEvent.event.id as string;
    const updated = await api.execute(`mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { event { version eventKind } } }`, { input: { id, expectedVersion: 1, eventKind: 'TRAINED' } }, { viewer: EDITOR });
    expect(updated.data?.updateEvent.event).toEqual({ version: 2, eventKind: 'TRAINED' });
    const retracted = await api.execute(`mutation ($input: RetractInput!) { retractEvent(input: $input) { event { retracted } } }`, { input: { id, expectedVersion: 2, reason: 'test' } }, { viewer: EDITOR });
    expect(retracted.data?.retractEvent.event.retracted).toBe(true);
    const read = await api.execute(`{ node(id: "${ENTERPRISE}") { ... on Enterprise { events { id } all: events(includeRetracted: true) { id } } } }`);
    expect(read.data?.node.events.map((e: { id: string }) => e.id)).not.toContain(id);
    expect(read.data?.node.all.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('refuses a reader, an event of both a task and a target, and an organisation that is not one, naming the argument', async () => {
    const reader = await api.execute(RECORD, { input: input() }, { viewer: READER });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const both = await api.execute(RECORD, { input: input({ target: 'Target:dn-202-2019.i-2-a-2' }) }, { viewer: EDITOR });
    expect(both.errors?.[0]).toMatchObject({ message: expect.stringContaining('both task and target'), extensions: { code: 'BAD_USER_INPUT' } });
    const agency = await api.execute(RECORD, { input: input({ organisation: 'Agency:dn-skhcn' }) }, { viewer: EDITOR });
    expect(agency.errors?.[0]).toMatchObject({ message: expect.stringContaining('input.organisation'), extensions: { code: 'BAD_USER_INPUT' } });
    const absent = await api.execute(RECORD, { input: input({ organisation: 'Enterprise:synthetic-absent' }) }, { viewer: EDITOR });
    expect(absent.errors?.[0]).toMatchObject({ message: expect.stringContaining('does not exist'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
