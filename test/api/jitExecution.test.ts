import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { createContext, type Context } from '../../src/context';
import { createApolloServer } from '../../src/server/createApolloServer';
import { BENCH_QUERIES } from '../../bench/queries';
import * as dashboard from '../../web/src/dashboard/queries';
import { EXAMPLES } from '../../web/src/ide/examples';
import { openTestStore, type TestStore } from '../support/openTestStore';
import { testConfig } from '../support/testConfig';

let opened: TestStore;
let plain: ApolloServer<Context>;
let jit: ApolloServer<Context>;
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  opened = await openTestStore();
  await loadSeed(opened.store);
  const { limits, posture } = testConfig();
  plain = createApolloServer(logger, { limits, posture });
  jit = createApolloServer(logger, { limits, posture, jit: true });
  await Promise.all([plain.start(), jit.start()]);
});

afterAll(async () => {
  await Promise.all([plain.stop(), jit.stop()]);
  await opened.dispose();
});

/** Variables for the dashboard's operations, by name. */
const DASHBOARD_VARIABLES: Record<string, unknown> = {
  plan: dashboard.PLAN_ID,
  document: dashboard.DECISION_ID,
  text: 'khoa hoc cong nghe',
  name: { contains: 'khoa hoc' },
  ids: [dashboard.PLAN_ID],
  limit: 50,
  id: 'Agency:dn-skhcn',
};

const dashboardOperations = (Object.entries(dashboard) as [string, unknown][])
  .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trimStart().startsWith('query'))
  .map(([name, query]) => {
    const names = [...query.matchAll(/\$(\w+):/g)].map((m) => m[1] as string);
    return { name: `dashboard ${name}`, query, variables: Object.fromEntries(names.map((n) => [n, DASHBOARD_VARIABLES[n]])) };
  });

const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  ...EXAMPLES.map((e) => ({ name: `IDE example ${e.id}`, query: e.query, variables: JSON.parse(e.variables) as Record<string, unknown> })),
  ...dashboardOperations,
  ...Object.entries(BENCH_QUERIES).map(([name, query]) => ({ name, query })),
  {
    name: 'federation _entities, known and unknown ids, two kinds',
    query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Agency { id nameVi leads { code } } ... on Task { id code } } }',
    variables: { r: [{ __typename: 'Agency', id: 'Agency:dn-skhcn' }, { __typename: 'Task', id: 'Task:dn-202-2019.pl-ii-2-c' }, { __typename: 'Agency', id: 'Agency:none' }] },
  },
  { name: 'a malformed id (BAD_USER_INPUT)', query: '{ node(id: "not an id") { id } }' },
  { name: 'a page size out of range', query: '{ agencies(first: 0) { totalCount } }' },
  { name: 'a variable of the wrong type', query: 'query ($n: Int) { agencies(first: $n) { totalCount } }', variables: { n: 'ten' } },
  { name: 'a missing node among others, and aliases', query: '{ a: node(id: "Agency:none") { id } b: node(id: "Agency:dn-skhcn") { id ... on Agency { name } } }' },
  { name: 'introspection', query: '{ __schema { queryType { name } types { name kind } } __type(name: "Agency") { fields { name } } }' },
];

async function run(server: ApolloServer<Context>, operation: (typeof OPERATIONS)[number]) {
  const response = await server.executeOperation(
    { query: operation.query, ...(operation.variables ? { variables: operation.variables } : {}) },
    { contextValue: createContext(opened.store, logger) },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, result: response.body.singleResult };
}

describe('execution with graphql-jit', () => {
  it.each(OPERATIONS.map((o) => [o.name, o] as const))('gives the answer graphql-js gives: %s', async (_name, operation) => {
    const expected = await run(plain, operation);
    // First sighting (graphql-js), second (compiled now), third (compiled, reused).
    for (let i = 0; i < 3; i += 1) expect(await run(jit, operation)).toEqual(expected);
  });

  it('covers answers and errors alike', async () => {
    const results = await Promise.all(OPERATIONS.map((o) => run(plain, o)));
    expect(results.filter((r) => r.result.errors === undefined).length).toBeGreaterThan(15);
    expect(results.filter((r) => r.result.errors !== undefined).length).toBeGreaterThanOrEqual(3);
  });
});
