import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { createContext, type Context } from '../../src/context';
import { AdmissionQueue } from '../../src/server/admission/AdmissionQueue';
import { createApolloServer } from '../../src/server/createApolloServer';
import { RequestDeadline } from '../../src/server/deadline/RequestDeadline';
import * as analysis from '../../src/server/limits/analyseOperation';
import * as shape from '../../src/server/limits/measureOperation';
import type { CallOptions, GraphStore } from '../../src/store/port';
import { openTestStore, type TestStore } from '../support/openTestStore';
import { testConfig } from '../support/testConfig';

/**
 * The limits plugin and admission share ONE analysis of each operation
 * (src/server/limits/OperationAnalyser.ts): the document is measured and
 * costed once per request, whichever plugin asks first, and an operation the
 * analysis refuses never waits for, nor keeps, a place among the heavy ones.
 */
let opened: TestStore;
let store: GraphStore;
let apollo: ApolloServer<Context>;
const admission = new AdmissionQueue(1, 4);
const priorities: (string | undefined)[] = [];

beforeAll(async () => {
  opened = await openTestStore();
  await loadSeed(opened.store);
  store = Object.create(opened.store) as GraphStore;
  Object.defineProperty(store, 'search', {
    value: (query: Parameters<GraphStore['search']>[0], options?: CallOptions) => {
      priorities.push(options?.priority);
      return opened.store.search(query, options);
    },
  });
  const { limits, posture } = testConfig();
  apollo = createApolloServer(pino({ level: 'silent' }), { limits, posture, admission });
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await opened.dispose();
});

async function execute(query: string, context: Context = createContext(store, pino({ level: 'silent' }))) {
  const response = await apollo.executeOperation({ query }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('one analysis per request', () => {
  it('measures and costs a heavy operation, a cheap one and a refused one exactly once each, admission included', async () => {
    const measured = jest.spyOn(shape, 'measureOperation');
    const analysed = jest.spyOn(analysis, 'analyseOperation');
    try {
      const heavy = await execute('{ search(text: "kiem dinh") { totalCount } }');
      expect(heavy.errors).toBeUndefined();
      expect(heavy.extensions?.cost).toMatchObject({ estimated: expect.any(Number) });
      const cheap = await execute('{ node(id: "Agency:dn-skhcn") { id } }');
      expect(cheap.errors).toBeUndefined();
      const deep = `{ agencies(first: 1) { nodes { ${'leads { lead { '.repeat(10)}id${' } }'.repeat(10)} } } }`;
      const refused = await execute(deep);
      expect(refused.errors?.[0]?.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
      expect(measured).toHaveBeenCalledTimes(3);
      expect(analysed).toHaveBeenCalledTimes(3);
    } finally {
      measured.mockRestore();
      analysed.mockRestore();
    }
  });

  it("runs a heavy operation's store calls as bulk work, a cheap one's as interactive", async () => {
    priorities.length = 0;
    await execute('{ search(text: "do luong") { totalCount } }');
    await execute('{ node(id: "Agency:dn-skhcn") { id } }');
    expect(priorities).toEqual(['bulk']);
  });

  it('keeps no place for an operation refused by the analysis while heavy work holds the only one', async () => {
    const held = await admission.admit(new AbortController().signal, () => 'test');
    try {
      // Heavy (deep) and over the depth limit: refused at once, never queued behind the held place.
      const refused = await execute(`{ agencies(first: 1) { nodes { ${'leads { lead { '.repeat(10)}id${' } }'.repeat(10)} } } }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
      expect(admission.queued).toBe(0);
    } finally {
      held();
    }
    expect(admission.running).toBe(0);
    const deadline = RequestDeadline.start(60_000);
    const after = await execute('{ search(text: "kiem dinh") { totalCount } }', createContext(store, pino({ level: 'silent' }), deadline));
    deadline.dispose();
    expect(after.errors).toBeUndefined();
  });
});
