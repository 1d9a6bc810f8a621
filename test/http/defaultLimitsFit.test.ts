import { EXAMPLES } from '../../web/src/ide/examples';
import * as dashboard from '../../web/src/dashboard/queries';
import * as explorer from '../../web/src/explorer/queries';
import { readmeHttpExamples } from '../support/readmeExamples';
import { startTestServer, type TestServer } from '../support/server';

/** Variables the dashboard's operations take, by name. */
const DASHBOARD_VARIABLES: Record<string, unknown> = {
  plan: dashboard.PLAN_ID,
  document: dashboard.DECISION_ID,
  text: 'kiem dinh',
  name: { contains: 'khoa hoc' },
  ids: ['Agency:dn-skhcn'],
  limit: 200,
  id: 'Agency:dn-skhcn',
  from: 'Agency:vn-bkhcn',
  to: dashboard.DECISION_ID,
  start: '2019-05-13',
  end: '2026-06-01',
  asOf: '2026-06-01',
};


const OPERATIONS: [string, string, Record<string, unknown>][] = [
  ...EXAMPLES.map((e): [string, string, Record<string, unknown>] => [`IDE example ${e.id}`, e.query, JSON.parse(e.variables) as Record<string, unknown>]),
  ...([...Object.entries(dashboard), ...Object.entries(explorer)] as [string, unknown][])
    .filter((entry): entry is [string, string] => entry[0].endsWith('_QUERY') && typeof entry[1] === 'string')
    .map(([name, query]): [string, string, Record<string, unknown>] => [`dashboard ${name}`, query, DASHBOARD_VARIABLES]),
  ...readmeHttpExamples().map((query, i): [string, string, Record<string, unknown>] => [`README example ${i + 1}`, query, {}]),
];

/**
 * Everything at its default but the deadline, which is raised here: whether an
 * answer fits in the default deadline depends on the machine's speed, which a
 * test must not (bench/ measures it); refusals by the limits, the response
 * cap and admission do not.
 */
describe('the default limits, response cap and admission', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { execution: { requestTimeoutMs: 600_000 } } });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  }, 300_000);

  it('let every README, IDE and dashboard operation through, one after the other as a reader sends them', async () => {
    expect(OPERATIONS.length).toBeGreaterThan(15);
    const refused: { label: string; status: number; codes: (string | undefined)[] }[] = [];
    for (const [label, query, variables] of OPERATIONS) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      if (response.status !== 200 || codes.some((c) => ['DEADLINE_EXCEEDED', 'OVERLOADED', 'RESPONSE_TOO_LARGE'].includes(c ?? ''))) {
        refused.push({ label, status: response.status, codes });
      }
    }
    expect(refused).toEqual([]);
  }, 300_000);
});
