import { Neo4jError } from 'neo4j-driver';
import { Neo4jConnection } from '../../src/store/neo4j/connection/Neo4jConnection';
import type {
  Neo4jDriverPort,
  Neo4jQueryResultPort,
  Neo4jSessionPort,
  Neo4jSessionSettings,
  Neo4jTransactionConfig,
  Neo4jTransactionPort,
} from '../../src/store/neo4j/connection/Neo4jDriverPort';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { checkStoreCalls } from '../../src/store/checkStoreCalls';

/** One statement the fake received. */
export interface FakeRun {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
  readonly mode: 'READ' | 'WRITE';
  readonly database: string | undefined;
  /** The transaction it ran in (a counter over every transaction function attempt). */
  readonly transaction: number;
}

/** What the fake answers to one statement. */
export interface FakeAnswer {
  readonly rows?: readonly Record<string, unknown>[];
  readonly nodesCreated?: number;
  readonly relationshipsCreated?: number;
}

/** Answers each statement; may throw (a failed statement) or return a promise (a slow one). */
export type FakeRespond = (cypher: string, params: Record<string, unknown>) => FakeAnswer | Promise<FakeAnswer>;

/**
 * A scripted fake of neo4j-driver's Driver for unit tests of the Neo4j
 * adapter: it records every session, transaction config, transaction
 * function call and statement, and answers statements with `respond`. Like
 * the real driver it calls a transaction function again after a retryable
 * Neo4jError, at most `retries` times, after awaiting `beforeRetry`.
 */
export class FakeDriver implements Neo4jDriverPort {
  readonly runs: FakeRun[] = [];
  readonly sessions: Neo4jSessionSettings[] = [];
  /** The config of each executeRead / executeWrite call. */
  readonly configs: (Neo4jTransactionConfig | undefined)[] = [];
  readonly calls: string[] = [];
  transactions = 0;
  sessionsClosed = 0;
  closed = 0;
  retries = 0;
  beforeRetry: () => Promise<void> = async () => undefined;
  connectivity: () => Promise<void> = async () => undefined;
  authentication: () => Promise<boolean> = async () => true;

  constructor(public respond: FakeRespond = () => ({})) {}

  session(settings: Neo4jSessionSettings): Neo4jSessionPort {
    this.sessions.push(settings);
    const execute =
      (kind: 'executeRead' | 'executeWrite') =>
      async <T>(work: (tx: Neo4jTransactionPort) => Promise<T>, config?: Neo4jTransactionConfig): Promise<T> => {
        this.calls.push(kind);
        this.configs.push(config);
        for (let attempt = 0; ; attempt += 1) {
          const transaction = this.transactions++;
          try {
            return await work({
              run: async (cypher, params) => {
                this.runs.push({ cypher, params, mode: settings.defaultAccessMode, database: settings.database, transaction });
                return toResult(await this.respond(cypher, params));
              },
            });
          } catch (error) {
            if (attempt >= this.retries || !Neo4jError.isRetryable(error)) throw error;
            await this.beforeRetry();
          }
        }
      };
    return {
      executeRead: execute('executeRead'),
      executeWrite: execute('executeWrite'),
      close: async () => {
        this.sessionsClosed += 1;
      },
    };
  }

  async verifyConnectivity(settings?: { database?: string }): Promise<void> {
    this.calls.push(`verifyConnectivity ${JSON.stringify(settings)}`);
    return this.connectivity();
  }

  async verifyAuthentication(settings?: { database?: string }): Promise<boolean> {
    this.calls.push(`verifyAuthentication ${JSON.stringify(settings)}`);
    return this.authentication();
  }

  async close(): Promise<void> {
    this.closed += 1;
  }
}

/** The driver result of an answer. */
export function toResult(a: FakeAnswer): Neo4jQueryResultPort {
  return {
    records: (a.rows ?? []).map((row) => ({ get: (key: string) => row[key] })),
    summary: { counters: { updates: () => ({ nodesCreated: a.nodesCreated ?? 0, relationshipsCreated: a.relationshipsCreated ?? 0 }) } },
  };
}

/** A server error with a Neo4j status code, as the driver raises it. */
export function neo4jError(code: string, message = `server said ${code}`, gqlStatus = '50N42'): Neo4jError {
  return new Neo4jError(message, code, gqlStatus, 'error: general processing exception');
}

/** The store over a driver, as openNeo4jStore builds it once the server is verified. */
export function createNeo4jStore(driver: Neo4jDriverPort, database: string | undefined, transactionTimeoutMs?: number): Neo4jStore {
  // Behind the port's argument checks, as openStore puts every adapter.
  return checkStoreCalls(new Neo4jStore(new Neo4jConnection(driver, database, transactionTimeoutMs))) as Neo4jStore;
}
