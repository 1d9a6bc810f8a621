import type { GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import type { Viewer } from '../../src/auth/viewer';
import { createContext } from '../../src/context';
import { createApolloServer } from '../../src/server/createApolloServer';
import { cacheStoreReads } from '../../src/store/cacheStoreReads';
import { countStoreCalls } from '../../src/store/countStoreCalls';
import type { GraphStore } from '../../src/store/port';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { openTestStore } from './openTestStore';
import { testConfig } from './testConfig';

/** The result of one operation, as a client would see it. */
export interface TestResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** An API over a fresh store (embedded, or Neo4j when NEO4J_URI is set), driven through Apollo's executeOperation. */
export interface TestApi {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results structurally
  execute<TData = any>(query: string, variables?: Record<string, unknown>, options?: { viewer?: Viewer | null }): Promise<TestResult<TData>>;
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
  /** Serve through the caches of the server (watchStoreWrites, cacheStoreReads, the response cache), with these budgets in bytes. */
  readonly caches?: { readonly storeBytes: number; readonly responseBytes: number };
}

/** Starts an API over a fresh temporary embedded store with every seed plan loaded. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { store: raw, dispose } = await openTestStore();
  if (options.seed !== false) await loadSeed(raw);
  const wrapped = options.wrapStore ? options.wrapStore(raw) : raw;
  const watched = watchStoreWrites(wrapped);
  const served = options.caches ? cacheStoreReads(watched.store, watched.clock, options.caches.storeBytes).store : wrapped;
  const counted = countStoreCalls(served);
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const { limits, posture } = testConfig();
  const apollo = createApolloServer(logger, { limits, posture, ...(options.caches ? { responseCache: { clock: watched.clock, maxBytes: options.caches.responseBytes } } : {}) });
  await apollo.start();
  counted.reset();
  return {
    store: counted.store,
    logs,
    async execute(query, variables, executeOptions) {
      const response = await apollo.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: createContext(counted.store, logger, undefined, executeOptions?.viewer ?? null) },
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
