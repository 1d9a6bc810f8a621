/**
 * A read after a committed write, through every cache the server has (the response cache and the
 * store's read-through cache, both emptied by the write clock), answers with the new data.
 */
import type { Viewer } from '../../src/auth/viewer';
import { startTestApi, type TestApi } from '../support/api';

const EDITOR: Viewer = { subject: 'editor@test', role: 'editor', via: 'apiKey' };
const TARGET = 'Target:dn-202-2019.i-2-a-3'; // at least 50 programme participations by 2025 (SUM)
const PROGRESS = `query { node(id: "${TARGET}") { ... on Target { progress(asOf: "2024-12-31") { achieved actualsCounted } actuals { value } } } }`;

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ caches: { storeBytes: 8 * 1024 * 1024, responseBytes: 4 * 1024 * 1024 } });
});

afterAll(async () => {
  await api.close();
});

it('answers a repeated read from the caches, and a read after a committed write with the new answer', async () => {
  const first = await api.execute(PROGRESS);
  expect(first.data?.node.progress).toEqual({ achieved: null, actualsCounted: 0 });
  api.resetStoreCalls();
  expect(await api.execute(PROGRESS)).toEqual(first);
  expect(api.storeCalls()).toBe(0); // served from the response cache

  const written = await api.execute(
    `mutation { recordActual(input: { target: "${TARGET}", value: 7, periodStart: "2023-01-01", periodEnd: "2023-12-31",
       evidence: { document: "TEST-2/BC", quote: "Test data: not from any real report." } }) { actual { id version } } }`,
    {},
    { viewer: EDITOR },
  );
  expect(written.errors).toBeUndefined();
  const after = await api.execute(PROGRESS);
  expect(after.data?.node).toEqual({ progress: { achieved: 7, actualsCounted: 1 }, actuals: [{ value: 7 }] });

  const { id } = written.data?.recordActual.actual as { id: string };
  await api.execute(`mutation { retractActual(input: { id: "${id}", expectedVersion: 1, reason: "test data" }) { actual { version } } }`, {}, { viewer: EDITOR });
  expect((await api.execute(PROGRESS)).data?.node).toEqual({ progress: { achieved: null, actualsCounted: 0 }, actuals: [] });
});
