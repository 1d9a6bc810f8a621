import type { GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { createContext } from '../../src/context';
import { createApolloServer } from '../../src/server/createApolloServer';
import { countStoreCalls } from '../../src/store/countStoreCalls';
import type { GraphStore } from '../../src/store/port';
import { openTestStore } from './openTestStore';
import { testConfig } from './testConfig';

/** The result of one operation, as a client would see it. */
export interface TestResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/** An API over a fresh store (embedded, or Neo4j when NEO4J_URI is set), driven through Apollo's executeOperation. */
export interface TestApi {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results structurally
  execute<TData = any>(query: string, variables?: Record<string, unknown>): Promise<TestResult<TData>>;
  /** Store port calls since start or the last reset. */
  storeCalls(): number;
  resetStoreCalls(): void;
  /** The (counted) store, for tests that inspect or break it. */
  readonly store: GraphStore;
  /** Log lines written by the server (JSON objects). */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Options of {@link startTestApi}. */
export interface TestApiOptions {
  /** Load the seed plans (default true). */
  readonly seed?: boolean;
  /** Wrap the store before the API sees it (e.g. to inject failures). */
  readonly wrapStore?: (store: GraphStore) => GraphStore;
}

/** Starts an API over a fresh temporary embedded store with every seed plan loaded. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { store: raw, dispose } = await openTestStore();
  if (options.seed !== false) await loadSeed(raw);
  const counted = countStoreCalls(options.wrapStore ? options.wrapStore(raw) : raw);
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const { limits, posture } = testConfig();
  const apollo = createApolloServer(logger, { limits, posture });
  await apollo.start();
  counted.reset();
  return {
    store: counted.store,
    logs,
    async execute(query, variables) {
      const response = await apollo.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: createContext(counted.store, logger) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as TestResult<never>;
    },
    storeCalls: counted.calls,
    resetStoreCalls: counted.reset,
    async close() {
      await apollo.stop();
      await dispose();
    },
  };
}
