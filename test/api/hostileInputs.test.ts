import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const HEALTHY = `{ node(id: "Plan:dn-202-2019") { id } }`;

/** After each hostile input the API must still answer a normal query. */
async function expectStillAnswering(): Promise<void> {
  const result = await api.execute(HEALTHY);
  expect(result.errors).toBeUndefined();
  expect(result.data.node.id).toBe('Plan:dn-202-2019');
}

const LONG = 'đ'.repeat(100_000);

describe('hostile and edge-case inputs never crash the server', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['empty id list', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [] }],
    ['500 ids of mixed kinds', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 500 }, (_, i) => `${['Task', 'Agency', 'Plan', 'Target'][i % 4] ?? 'Task'}:x${i}`),
    }],
    ['duplicate ids', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['Agency:dn-skhcn', 'Agency:dn-skhcn'] }],
    ['unicode and quotes in an id', 'query ($id: ID!) { node(id: $id) { id } }', { id: "Agency:'); MATCH (n) DETACH DELETE n; //đ" }],
    ['a Cypher injection attempt in a name filter', 'query ($t: String!) { agencies(filter: { name: { contains: $t } }) { totalCount } }', {
      t: "x' OR 1=1 RETURN n //",
    }],
    ['a $parameter and backslashes in a filter', 'query ($t: String!) { tasks(filter: { name: { contains: $t } }) { totalCount } }', { t: '$ids \\\\ \\u0000' }],
    ['a very long filter text', 'query ($t: String!) { tasks(filter: { name: { contains: $t } }) { totalCount } }', { t: LONG }],
    ['a very long id', 'query ($id: ID!) { node(id: $id) { id } }', { id: `Agency:${'a'.repeat(100_000)}` }],
    ['emoji and combining marks in a number filter', 'query ($n: String) { legalDocuments(filter: { number: $n }) { totalCount } }', { n: '202/Q\u0110\u0301-UBND 🚀' }],
    ['null for a nullable filter', 'query ($n: String) { legalDocuments(filter: { number: $n }) { totalCount } }', { n: null }],
    ['empty enum lists', '{ assignments(filter: { timeframe: [], agency: [] }) { totalCount } }', {}],
    ['mixed valid and malformed ids in a filter', 'query ($a: [ID!]) { assignments(filter: { agency: $a }) { totalCount } }', { a: ['Agency:dn-skhcn', 'nonsense'] }],
    ['negative and huge page sizes', '{ a: tasks(first: -1) { totalCount } b: tasks(first: 2147483647) { totalCount } }', {}],
    ['a float where an int is expected', 'query ($f: Int) { tasks(first: $f) { totalCount } }', { f: 1.5 }],
    ['a string where a list is expected', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: 'Agency:dn-skhcn' }],
    ['a huge maxDepth', '{ legalBasis(document: "LegalDocument:dn-202-qd-ubnd-2019", maxDepth: 2000000000) { depth } }', {}],
    ['a cursor of garbage', '{ tasks(after: "%%%") { totalCount } }', {}],
    ['a blank text filter', '{ agencies(filter: { name: { contains: "   " } }) { totalCount } }', {}],
    ['a very long asOf', 'query ($d: String) { agencies(asOf: $d) { totalCount } }', { d: `2026-01-01${LONG}` }],
    ['a Cypher injection attempt in asOf', 'query ($d: String) { tasks(asOf: $d) { totalCount } }', { d: "2026-01-01' OR 1=1 //" }],
    ['an impossible date in asOf', '{ aggregates(asOf: "2026-02-29") { nodesByKind { count } } }', {}],
    ['a date far in the future and far in the past', '{ a: search(text: "khoa hoc", asOf: "2100-12-31") { totalCount } b: timeline(asOf: "1990-01-01") { recurringTasks { id } } }', {}],
    ['a number where asOf is expected', 'query ($d: String) { paths(from: "Agency:dn-skhcn", to: "Plan:dn-202-2019", asOf: $d) { length } }', { d: 20260601 }],
    ['asOf on every relationship field of a deep query', `query ($d: String) { tasks(first: 50, asOf: $d) { nodes {
      lead(asOf: $d) { successors(asOf: $d) { to { carriedBy(asOf: $d) { chain { from { id } } } } } predecessors(asOf: $d) { from { id } } }
      assignments(asOf: $d) { validity { from to fromSource { quote } } carriedBy { since chain { date source { quote } } } }
      refersTo(asOf: $d) { status(asOf: $d) amendedBy(asOf: $d) { id } repeals(asOf: $d) { id } }
    } } }`, { d: '2026-06-01' }],
    ['a changes list with a huge page, garbage cursor and reversed range', `{
      a: validityChanges(first: 2147483647) { totalCount } b: validityChanges(after: "W10") { totalCount }
      c: validityChanges(from: "2100-12-31", to: "1990-01-01") { totalCount } d: validityChanges(kinds: [], types: []) { totalCount } }`, {}],
    ['many different dates in one request', `{ ${Array.from({ length: 30 }, (_, i) => `d${i}: agencies(first: 1, asOf: "${1995 + i}-01-01") { asOf }`).join(' ')} }`, {}],
  ])('%s', async (_label, query, variables) => {
    const result = await api.execute(query, variables);
    // Either an answer or clear client errors; never an internal error.
    for (const error of result.errors ?? []) {
      expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(error.message.length).toBeGreaterThan(0);
    }
    await expectStillAnswering();
  });

  it('many concurrent requests all answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        api.execute(i % 2 === 0 ? HEALTHY : '{ assignments(first: 1000) { totalCount } }'),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    await expectStillAnswering();
  });
});
