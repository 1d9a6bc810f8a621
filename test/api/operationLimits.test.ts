import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../../src/config';
import { WORK } from '../../src/server/limits/costModel';
import { EXAMPLES } from '../../web/src/ide/examples';
import * as dashboard from '../../web/src/dashboard/queries';
import * as explorer from '../../web/src/explorer/queries';
import { readmeHttpExamples } from '../support/readmeExamples';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const LIMITS = loadConfig({}).limits;
const TRIVIAL = '{ agencies(first: 1) { totalCount } }';

/** Runs `query`, expects it refused over `limit` (named with the value found and the maximum), then a trivial query answered. */
async function expectRefused(query: string, limit: string, maximum: number, variables?: Record<string, unknown>) {
  api.resetStoreCalls();
  const result = await api.execute(query, variables);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  const error = result.errors?.[0];
  expect(error?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit, maximum });
  expect(error?.message).toContain(limit);
  expect(error?.message).toContain(`maximum of ${maximum}`);
  expect(error?.message).toContain(String(error?.extensions?.found));
  // Refused before any resolver ran: not one store call.
  expect(api.storeCalls()).toBe(0);
  const after = await api.execute(TRIVIAL);
  expect(after.errors).toBeUndefined();
  expect(after.data.agencies.totalCount).toBeGreaterThan(0);
  return error;
}

const repeat = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(' ');

describe('operation limits', () => {
  it('refuses deep nesting (depth 20) naming LIMIT_MAX_DEPTH, before any store call', async () => {
    let selection = 'id';
    for (let i = 0; i < 9; i += 1) selection = `leads { lead { ${selection} } }`;
    selection = selection.replace('lead { id }', 'id'); // agencies, nodes, 9 x (leads, lead) but the last lead: 20 levels
    const error = await expectRefused(`{ agencies { nodes { ${selection} } } }`, 'depth', LIMITS.maxDepth);
    expect(error?.extensions?.found).toBe(20);
    expect(error?.message).toContain('LIMIT_MAX_DEPTH');
  });

  it('refuses nesting hidden in a chain of fragments', async () => {
    const fragments = repeat(15, (i) => `fragment F${i} on Agency { leads { lead { ...F${i + 1} } } }`) + ' fragment F15 on Agency { id }';
    await expectRefused(`{ agencies { nodes { ...F0 } } } ${fragments}`, 'depth', LIMITS.maxDepth);
  });

  it('refuses an alias flood (100 aliases of search; 1,000 are over the token limit already)', async () => {
    const error = await expectRefused(`{ ${repeat(100, (i) => `a${i}: search(text: "so") { totalCount }`)} }`, 'aliases', LIMITS.maxAliases);
    expect(error?.extensions?.found).toBe(100);
    await expectRefused(`{ ${repeat(1000, (i) => `a${i}: search(text: "so") { totalCount }`)} }`, 'number of tokens', LIMITS.maxTokens);
  });

  it('counts aliases through fragment fan-out (a 10-alias fragment spread 10 times)', async () => {
    const fragment = `fragment Ten on Query { ${repeat(10, (i) => `n${i}: node(id: "Agency:dn-skhcn") { id }`)} }`;
    const error = await expectRefused(`{ ${repeat(10, () => '...Ten')} } ${fragment}`, 'aliases', LIMITS.maxAliases);
    expect(error?.extensions?.found).toBe(100);
  });

  it('refuses an exponential fan-out of fragments without measuring it exponentially', async () => {
    const levels = 40;
    const fragments = repeat(levels, (i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`) + ` fragment L${levels} on Query { __typename }`;
    const error = await expectRefused(`{ ...L0 } ${fragments}`, 'root fields', LIMITS.maxRootFields);
    expect(error?.extensions?.found).toBe(2 ** levels);
  });

  it('refuses fragment cycles (graphql validation) with a client error, then answers', async () => {
    const result = await api.execute('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await api.execute(TRIVIAL)).errors).toBeUndefined();
  });

  it('refuses too many root fields, counted through inline fragments', async () => {
    const roots = ['node(id: "Agency:dn-skhcn") { id }', 'agencies { totalCount }', 'tasks { totalCount }', 'targets { totalCount }', 'plans { totalCount }'];
    const many = repeat(LIMITS.maxRootFields + 1, (i) => `... on Query { ${roots[i % roots.length]} }`);
    const error = await expectRefused(`{ ${many} }`, 'root fields', LIMITS.maxRootFields);
    expect(error?.extensions?.found).toBe(LIMITS.maxRootFields + 1);
  });

  it('reports the estimated cost of an accepted operation in extensions', async () => {
    const small = (await api.execute('{ agencies(first: 2) { nodes { id } } }')) as { extensions?: { cost?: { estimated: number; limit: number } } };
    const large = (await api.execute('{ agencies(first: 200) { nodes { id leads { id } } } }')) as typeof small;
    expect(small.extensions?.cost?.limit).toBe(LIMITS.maxCost);
    expect(small.extensions?.cost?.estimated).toBeGreaterThan(0);
    expect(large.extensions?.cost?.estimated).toBeGreaterThan(100 * (small.extensions?.cost?.estimated ?? Infinity));
  });

  it('refuses a directive flood', async () => {
    // (One field may carry @include only once: graphql's validation refuses that flood itself.)
    const error = await expectRefused(`{ agencies(first: 1) { ${repeat(200, () => 'totalCount @include(if: true)')} } }`, 'directives', LIMITS.maxDirectives);
    expect(error?.extensions?.found).toBe(200);
  });

  it('refuses a document over the token limit while parsing, naming LIMIT_MAX_TOKENS', async () => {
    const error = await expectRefused(`{ ${repeat(LIMITS.maxTokens, () => '__typename')} }`, 'number of tokens', LIMITS.maxTokens);
    expect(error?.extensions?.found).toBe(`more than ${LIMITS.maxTokens}`);
    expect(error?.message).toContain('LIMIT_MAX_TOKENS');
  });

  it('refuses introspection fan-out: a few aliases of the whole schema are over the cost', async () => {
    const schemaWalk = `__schema { types { name kind fields { name args { name type { ...T } } type { ...T } } inputFields { name type { ...T } }
      enumValues { name } interfaces { name } possibleTypes { name } } directives { name args { name type { ...T } } } }`;
    const typeRef = 'fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
    const one = (await api.execute(`{ ${schemaWalk} } ${typeRef}`)) as { errors?: unknown; extensions?: { cost?: { estimated: number } } };
    expect(one.errors).toBeUndefined();
    // Enough aliases of the walk to pass the cost, still within the alias limit.
    const copies = Math.floor(LIMITS.maxCost / (one.extensions?.cost?.estimated ?? 1)) + 1;
    expect(copies).toBeLessThanOrEqual(LIMITS.maxAliases);
    const error = await expectRefused(`{ ${repeat(copies, (i) => `s${i}: ${schemaWalk}`)} } ${typeRef}`, 'estimated cost', LIMITS.maxCost);
    expect(Number(error?.extensions?.found)).toBeGreaterThan(LIMITS.maxCost);
  });

  it('multiplies list sizes through the nesting: a wide page of nested relationship lists is over the cost', async () => {
    await expectRefused(
      '{ agencies(first: 200) { nodes { leads { coordinators { coordinates { leadBodies { id } } } } } } }',
      'estimated cost',
      LIMITS.maxCost,
    );
  });

  it('weights analyst queries by their arguments: every path up to depth 6 between many pairs is over the cost', async () => {
    const pair = 'from: "Agency:dn-skhcn", to: "LegalDocument:dn-202-qd-ubnd-2019", mode: ALL, maxDepth: 6, first: 100';
    await expectRefused(`{ ${repeat(8, (i) => `p${i}: paths(${pair}) { length nodes { id name } }`)} }`, 'estimated cost', LIMITS.maxCost);
  });

  it('sizes lists from variables: a neighbourhood of 2,000 nodes with their relationships twice over', async () => {
    const query = `query ($ids: [ID!]!, $limit: Int) { a: neighbourhood(ids: $ids, depth: 3, limit: $limit) { nodes { id relationships { from { id } to { id } } } }
      b: neighbourhood(ids: $ids, depth: 3, limit: $limit) { nodes { id relationships { from { id } to { id } } } } }`;
    await expectRefused(query, 'estimated cost', LIMITS.maxCost, { ids: ['Agency:dn-skhcn'], limit: 2000 });
    // The same operation with a small limit is accepted, and reports its cost.
    const small = await api.execute(query, { ids: ['Agency:dn-skhcn'], limit: 5 });
    expect(small.errors).toBeUndefined();
  });

  it('refuses a subscription (the schema has none) as BAD_REQUEST, not an internal error', async () => {
    const result = await api.execute('subscription { __typename }');
    expect(result.errors?.[0]?.extensions?.code).toMatch(/^(BAD_REQUEST|GRAPHQL_VALIDATION_FAILED)$/);
    expect(result.errors?.[0]?.message).toMatch(/subscription/);
    expect(api.logs.filter((line) => line.level === 50)).toEqual([]);
  });

  it('measures and costs a mutation like a query: each write field costs its transaction, and a shape limit refuses it', async () => {
    const write = (alias: string) => `${alias}: retractActual(input: { id: "Actual:x", expectedVersion: 1, reason: "x" }) { replayed }`;
    await expectRefused(`mutation { ${Array.from({ length: 31 }, (_, i) => write(`w${i}`)).join(' ')} }`, 'aliases', LIMITS.maxAliases);
    const typename = await api.execute('mutation { __typename }');
    expect(typename.data).toEqual({ __typename: 'Mutation' });
    const two = await api.execute(`mutation { ${write('a')} ${write('b')} }`);
    expect(two.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((two.extensions?.cost as { estimated: number }).estimated).toBe(2 * (WORK.write + 1));
  });
});

describe("the limits let the API's own operations through", () => {
  const readmeQueries = readmeHttpExamples();
  const dashboardQueries = [...Object.entries(dashboard), ...Object.entries(explorer)].filter(([name, value]) => name.endsWith('_QUERY') && typeof value === 'string') as [string, string][];
  const dashboardVariables: Record<string, Record<string, unknown>> = {
    TARGETS_QUERY: { plan: dashboard.PLAN_ID },
    TASKS_QUERY: { plan: dashboard.PLAN_ID },
    ASSIGNMENTS_QUERY: { plan: dashboard.PLAN_ID },
    LEGAL_BASIS_QUERY: { document: dashboard.DECISION_ID },
    SEARCH_QUERY: { text: 'so khoa hoc va cong nghe' },
    NAME_SEARCH_QUERY: { name: { contains: 'khoa hoc' } },
    // The largest neighbourhood the schema allows, so any page's choice fits.
    NEIGHBOURHOOD_QUERY: { ids: [dashboard.PLAN_ID], limit: 2000 },
    RELATIONSHIPS_QUERY: { id: dashboard.PLAN_ID },
    NODE_DETAILS_QUERY: { id: dashboard.PLAN_ID },
    PATHS_QUERY: { from: 'Agency:vn-bkhcn', to: dashboard.DECISION_ID },
    EXPLORER_SEARCH_QUERY: { text: 'kiem dinh' },
    PROGRESS_QUERY: { plan: dashboard.PLAN_ID },
    TASK_GRID_QUERY: { plan: dashboard.PLAN_ID },
    VIEWER_QUERY: {},
    CHANGES_QUERY: { from: '2019-01-01' },
    // Every body the plan assigns, on a date after the 2025 reorganisation (the most chains).
    CARRIERS_QUERY: { ids: ['Agency:dn-skhcn', 'Agency:dn-ubnd-quan-huyen', 'Agency:dn-ubnd-xa-phuong', 'Agency:vn-bkhcn'], asOf: '2026-06-01' },
  };

  const expectAccepted = async (query: string, variables?: Record<string, unknown>) => {
    const result = await api.execute(query, variables);
    const codes = (result.errors ?? []).map((error) => error.extensions?.code);
    expect(codes).not.toContain('OPERATION_LIMIT_EXCEEDED');
    expect(result.errors).toBeUndefined();
  };

  it.each(readmeQueries.map((query, i) => [i, query] as const))('README example %d', async (_i, query) => {
    await expectAccepted(query);
  });
  it.each(EXAMPLES.map((example) => [example.id, example] as const))('IDE example %s', async (_id, example) => {
    await expectAccepted(example.query, JSON.parse(example.variables) as Record<string, unknown>);
  });
  it.each(dashboardQueries)('dashboard %s', async (name, query) => {
    expect(dashboardVariables[name]).toBeDefined();
    await expectAccepted(query, dashboardVariables[name]);
  });
  it("the IDE's schema introspection", async () => {
    await expectAccepted(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true }));
  });
});
