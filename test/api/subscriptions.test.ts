/**
 * Live progress over WebSocket (schema/subscriptions.graphql, src/server/live/): a subscriber hears
 * the progress a committed write changes, and nothing for a replayed or refused write; the same
 * authentication rules as HTTP; the operation limits and the endpoint's own bounds. Values and
 * evidence written here are test data and say so.
 */
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { Authenticator } from '../../src/auth/Authenticator';
import { mintToken } from '../../src/auth/mintToken';
import { startServer, type RunningServer } from '../../src/server/startServer';
import type { GraphStore } from '../../src/store/port';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { connectLive, type LiveConnection } from '../support/liveClient';
import { openTestStore, type TestStore } from '../support/openTestStore';
import { testConfig } from '../support/testConfig';
import { authConfig, TEST_SECRET } from '../auth/fixtures';

const ATTENDANCES = 'Target:dn-202-2019.i-2-a-2'; // at least 200 attendances by 2025 (SUM)
const LABS = 'Target:dn-202-2019.i-2-a-4'; // at least 1 accredited lab by 2025 (LATEST)
const EVIDENCE = { document: 'TEST-LIVE/BC', quote: 'Test data: not from any real report.' };
const PROGRESS = `subscription ($targets: [ID!]) { targetProgress(targets: $targets) { target { id } achieved actualsCounted status } }`;
const RECORD = `mutation ($input: RecordActualInput!, $key: String) { recordActual(input: $input, idempotencyKey: $key) { replayed actual { id version } } }`;
const UPDATE = `mutation ($input: UpdateActualInput!) { updateActual(input: $input) { actual { id version } } }`;

const env = { AUTH_JWT_SECRET: TEST_SECRET };
let progressReads = 0;

/** The store, counting its targetProgress calls. */
function countProgressReads(store: GraphStore): GraphStore {
  const counting = Object.create(store) as GraphStore;
  Object.defineProperty(counting, 'targetProgress', {
    value: (...args: Parameters<GraphStore['targetProgress']>) => {
      progressReads += 1;
      return store.targetProgress(...args);
    },
  });
  return counting;
}
let opened: TestStore;
let open: RunningServer; // anonymous reading on (the default)
let closed: RunningServer; // ANONYMOUS_READ=false
let editorToken = '';
let readerToken = '';
const connections: LiveConnection[] = [];

beforeAll(async () => {
  opened = await openTestStore();
  await loadSeed(opened.store);
  const watched = watchStoreWrites(countProgressReads(opened.store));
  const logger = pino({ level: 'silent' });
  const config = testConfig({ auth: authConfig(env) });
  const live = { ...config.live, maxSubscriptionsPerConnection: 3, maxConnections: 6, connectionInitTimeoutMs: 300 };
  open = await startServer({ store: watched.store, logger, config: { ...config, live }, authenticator: await Authenticator.create(config.auth) });
  const closedAuth = authConfig({ ...env, ANONYMOUS_READ: 'false' });
  closed = await startServer({ store: watched.store, logger, config: testConfig({ auth: closedAuth }), authenticator: await Authenticator.create(closedAuth) });
  editorToken = await mintToken(config.auth.jwt, { subject: 'editor@test', role: 'editor', ttlSeconds: 600 });
  readerToken = await mintToken(config.auth.jwt, { subject: 'reader@test', role: 'reader', ttlSeconds: 600 });
});

/** Listeners of a server's feed besides subscriptions: its shared reads of target and task progress. */
const SHARED_READS = 2;

/** Resolves once `server`'s feed has `count` listeners (subscriptions register theirs when they start, drop them when they end). */
function listeners(server: RunningServer, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const bound = Date.now() + 20_000;
    const check = () => {
      if (server.changes.size === count) resolve();
      else if (Date.now() > bound) reject(new Error(`the feed has ${server.changes.size} listeners, not ${count}`));
      else setTimeout(check, 10);
    };
    check();
  });
}

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.dispose()));
  await listeners(open, SHARED_READS);
});

afterAll(async () => {
  await open?.stop();
  await closed?.stop();
  await opened?.dispose();
});

function connect(server: RunningServer, params?: Record<string, unknown>): LiveConnection {
  const connection = connectLive(server.url, params);
  connections.push(connection);
  return connection;
}

async function post(server: RunningServer, query: string, variables: Record<string, unknown>, token = editorToken) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results structurally
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
}

const actual = (target: string, value: number, year: number) => ({
  target,
  value,
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
  evidence: EVIDENCE,
});

describe('live target progress', () => {
  it('sends the current progress of each target, then the new progress when an editor records an actual', async () => {
    const live = connect(open);
    const subscription = live.subscribe(PROGRESS, { targets: [ATTENDANCES, LABS] });
    const first = await Promise.all([subscription.message(0), subscription.message(1)]);
    const byTarget = new Map(first.map((m) => [m.data.targetProgress.target.id, m.data.targetProgress]));
    expect([...byTarget.keys()].sort()).toEqual([ATTENDANCES, LABS].sort());
    const before = byTarget.get(ATTENDANCES);

    const written = await post(open, RECORD, { input: actual(ATTENDANCES, 17, 2020) });
    expect(written.body.errors).toBeUndefined();
    const pushed = await subscription.message(2);
    expect(pushed.errors).toBeUndefined();
    expect(pushed.data.targetProgress).toMatchObject({
      target: { id: ATTENDANCES },
      achieved: (before.achieved ?? 0) + 17,
      actualsCounted: before.actualsCounted + 1,
    });
    // Only the target written to was sent again.
    expect(subscription.messages).toHaveLength(3);
  });

  it('pushes nothing for a replayed write or a refused one: the next message is the next committed write', async () => {
    const live = connect(open);
    const subscription = live.subscribe(PROGRESS, { targets: [ATTENDANCES] });
    const start = (await subscription.message(0)).data.targetProgress;
    const changes: number[] = [];
    const stopListening = open.changes.listen((change) => changes.push(change.seq));

    const first = await post(open, RECORD, { input: actual(ATTENDANCES, 5, 2021), key: 'live-replay-1' });
    const afterFirst = (await subscription.message(1)).data.targetProgress;
    expect(afterFirst.achieved).toBe((start.achieved ?? 0) + 5);
    const replay = await post(open, RECORD, { input: actual(ATTENDANCES, 5, 2021), key: 'live-replay-1' });
    expect(replay.body.data.recordActual.replayed).toBe(true);
    const stale = await post(open, UPDATE, { input: { id: first.body.data.recordActual.actual.id, expectedVersion: 7, value: 99 } });
    expect(stale.body.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const forbidden = await post(open, RECORD, { input: actual(ATTENDANCES, 1000, 2021) }, readerToken);
    expect(forbidden.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(changes).toHaveLength(1);

    await post(open, RECORD, { input: actual(ATTENDANCES, 3, 2022) });
    const next = (await subscription.message(2)).data.targetProgress;
    expect(next.achieved).toBe(afterFirst.achieved + 3);
    expect(subscription.messages).toHaveLength(3);
    expect(changes).toHaveLength(2);
    stopListening();
  });

  it('reads a target’s new progress once per write for all its subscribers', async () => {
    const subscribers = [1, 2, 3, 4, 5].map(() => connect(open).subscribe(PROGRESS, { targets: [ATTENDANCES] }));
    const start = await Promise.all(subscribers.map((s) => s.message(0)));
    progressReads = 0;
    await post(open, RECORD, { input: actual(ATTENDANCES, 2, 2023) });
    const pushed = await Promise.all(subscribers.map((s) => s.message(1)));
    for (const [i, message] of pushed.entries()) expect(message.data.targetProgress.achieved).toBe(start[i]?.data.targetProgress.achieved + 2);
    expect(progressReads).toBe(1);
  });

  it('streams the committed changes an audit filter selects, and task progress when a report is recorded', async () => {
    const live = connect(open);
    const changes = live.subscribe('subscription ($filter: AuditFilter) { changes(filter: $filter) { seq action actor recordKind subject { id } } }', { filter: { record: LABS } });
    const task = 'Task:dn-202-2019.pl-i-2';
    const tasks = live.subscribe('subscription ($tasks: [ID!]) { taskProgress(tasks: $tasks) { task { id } reportedYears } }', { tasks: [task] });
    const before = (await tasks.message(0)).data.taskProgress.reportedYears as number[];
    // The changes subscription sends nothing first: wait until the server listens for both (besides its shared reads).
    await listeners(open, SHARED_READS + 2);
    await post(open, RECORD, { input: actual(ATTENDANCES, 1, 2024) }); // another target: not selected
    await post(open, RECORD, { input: actual(LABS, 1, 2024), key: 'live-changes-1' });
    await post(open, RECORD, { input: actual(LABS, 1, 2024), key: 'live-changes-1' }); // a replay: nothing
    const report = await post(
      open,
      'mutation ($input: RecordTaskReportInput!) { recordTaskReport(input: $input) { replayed } }',
      { input: { task, year: 2024, status: 'DONE', narrative: 'Test data: not from any real report.' } },
    );
    expect(report.body.errors).toBeUndefined();
    const change = await changes.message(0);
    expect(change.data.changes).toMatchObject({ action: 'CREATE', actor: 'editor@test', recordKind: 'Actual', subject: { id: LABS } });
    const reported = await tasks.message(1);
    expect(reported.data.taskProgress.reportedYears).toEqual([...new Set([...before, 2024])].sort());
    await post(open, 'mutation ($input: RecordActualInput!) { recordActual(input: $input) { replayed } }', { input: actual(LABS, 1, 2025) });
    const next = await changes.message(1);
    expect(next.data.changes.seq).toBe(change.data.changes.seq + 2);
    expect(changes.messages).toHaveLength(2);
  });

  it('watches every target of a plan, and refuses bad arguments with BAD_USER_INPUT naming them', async () => {
    const live = connect(open);
    const plan = live.subscribe('subscription { targetProgress(plan: "Plan:dn-202-2019") { target { id } } }');
    const first = await plan.message(0);
    expect(first.data.targetProgress.target.id).toMatch(/^Target:dn-202-2019\./);
    plan.stop();
    const wrongKind = live.subscribe(PROGRESS, { targets: ['Task:dn-202-2019.pl-i-2'] });
    const refused = await wrongKind.message(0);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/targets.*Task:dn-202-2019\.pl-i-2/);
    const neither = live.subscribe('subscription { targetProgress { achieved } }');
    expect((await neither.message(0)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('authentication of live connections', () => {
  it('refuses an anonymous connection when ANONYMOUS_READ=false, closing it with 4401 and the reason', async () => {
    const live = connect(closed);
    live.subscribe(PROGRESS, { targets: [ATTENDANCES] });
    const event = await live.closed;
    expect(event.code).toBe(4401);
    expect(event.reason).toMatch(/authenticated requests only/);
  });

  it('refuses a bad token and a non-string credential with 4401, and serves a reader’s token', async () => {
    const bad = connect(closed, { authorization: 'Bearer not-a-jwt' });
    bad.subscribe(PROGRESS, { targets: [ATTENDANCES] });
    expect((await bad.closed).code).toBe(4401);
    const odd = connect(closed, { apiKey: 42 });
    odd.subscribe(PROGRESS, { targets: [ATTENDANCES] });
    expect(await odd.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/apiKey.*string/) });
    const reader = connect(closed, { authorization: `Bearer ${readerToken}` });
    const subscription = reader.subscribe(PROGRESS, { targets: [ATTENDANCES] });
    expect((await subscription.message(0)).data.targetProgress.target.id).toBe(ATTENDANCES);
  });
});

describe('bounds of the live endpoint', () => {
  it('refuses an operation over the limits with the codes of HTTP, and a query sent over the socket', async () => {
    const live = connect(open);
    const deep = live.subscribe(`subscription { targetProgress(targets: ["${ATTENDANCES}"]) { target { ${'plan { targets { '.repeat(6)}id${' } }'.repeat(6)} } } }`);
    const deepError = await deep.ended;
    expect((deepError as { extensions: { code: string } }[])[0]?.extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
    const costly = live.subscribe(`{ ${Array.from({ length: 8 }, (_, i) => `p${i}: paths(from: "Agency:dn-skhcn", to: "LegalDocument:dn-202-qd-ubnd-2019", mode: ALL, maxDepth: 6, first: 100) { length }`).join(' ')} }`);
    const costlyError = (await costly.ended) as { message: string; extensions: { code: string } }[];
    expect(costlyError[0]?.extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(costlyError[0]?.message).toMatch(/estimated cost/);
    const query = live.subscribe('{ __typename }');
    const queryError = (await query.ended) as { message: string; extensions: { code: string } }[];
    expect(queryError[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/subscriptions only/) });
    const tokens = live.subscribe(`subscription { targetProgress(targets: [${Array.from({ length: 3100 }, () => '"x"').join(',')}]) { achieved } }`);
    expect(((await tokens.ended) as { extensions: { code: string } }[])[0]?.extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
  });

  it('refuses subscriptions beyond LIVE_MAX_SUBSCRIPTIONS on one connection, and keeps serving the others', async () => {
    const live = connect(open);
    const running = [1, 2, 3].map(() => live.subscribe(PROGRESS, { targets: [LABS] }));
    await Promise.all(running.map((s) => s.message(0)));
    const extra = Array.from({ length: 20 }, () => live.subscribe(PROGRESS, { targets: [LABS] }));
    for (const refused of extra) {
      expect(((await refused.ended) as { extensions: { code: string } }[])[0]?.extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
    }
    await post(open, RECORD, { input: actual(LABS, 1, 2023) });
    await Promise.all(running.map((s) => s.message(1)));
  });
});
