/**
 * Call limits on the Neo4j adapter without a server (a scripted fake
 * driver counts sessions, transaction attempts and statements): no work
 * once the call is aborted or past its deadline, a transaction timeout
 * from the time left, the driver's retries stopped at the deadline, and
 * Neo4j's time-limit and memory errors mapped to the port's errors.
 */
import { getEventListeners } from 'node:events';
import { int } from 'neo4j-driver';
import { StoreOverloadedError, StoreTimeoutError, StoreUnavailableError } from '../../src/errors';
import { mapNeo4jError } from '../../src/store/neo4j/connection/mapNeo4jError';
import type { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import type { CallOptions } from '../../src/store/port';
import { createNeo4jStore, FakeDriver, neo4jError, type FakeAnswer } from '../support/fakeNeo4jDriver';
import { edge, node } from './contract';

/** A call of every port method that reaches the store, with arguments that would send statements. */
const EVERY_METHOD: readonly [string, (store: Neo4jStore, options: CallOptions) => Promise<unknown>][] = [
  ['getNodes', (s, o) => s.getNodes(['Task:a'], o)],
  ['getEdges', (s, o) => s.getEdges([{ type: 'HAS_TASK', from: 'Plan:p', to: 'Task:a' }], o)],
  ['getNeighbours', (s, o) => s.getNeighbours({ ids: ['Plan:p'], type: 'HAS_TASK', direction: 'OUT' }, o)],
  ['listNodes', (s, o) => s.listNodes({ kind: 'Task', offset: 0, limit: 10 }, o)],
  ['listEdges', (s, o) => s.listEdges({ types: ['HAS_TASK'], offset: 0, limit: 10 }, o)],
  ['upsert', (s, o) => s.upsert({ nodes: [node('Task', 'a')], edges: [edge('HAS_TASK', 'Plan:p', 'Task:a')] }, o)],
  ['stats', (s, o) => s.stats(o)],
  ['search', (s, o) => s.search({ terms: ['khoa'], offset: 0, limit: 10 }, o)],
  ['findPaths', (s, o) => s.findPaths({ from: 'Agency:a', to: 'Task:b', mode: 'ALL', maxDepth: 3, limit: 5 }, o)],
  ['neighbourhood', (s, o) => s.neighbourhood({ ids: ['Task:a'], depth: 2, limit: 50 }, o)],
  ['countNodes', (s, o) => s.countNodes({ kind: 'Task' }, o)],
  ['countEdges', (s, o) => s.countEdges({ types: ['LEADS'], groupBy: ['type'] }, o)],
  ['ping', (s, o) => s.ping(o)],
];

/** Answers every statement with one plausible row (a count of 1), so a call that runs completes. */
const oneRow = (): FakeAnswer => ({ rows: [{ total: int(1), nodes: int(1), edges: int(1), ok: int(1), merged: int(1), updated: int(0), count: int(1) }] });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('no store work once a call is abandoned', () => {
  it.each(EVERY_METHOD)('%s opens no session and sends nothing when the signal is already aborted', async (_name, call) => {
    const fake = new FakeDriver(oneRow);
    const controller = new AbortController();
    controller.abort();
    expect(await rejection(call(createNeo4jStore(fake, undefined), { signal: controller.signal }))).toBeInstanceOf(StoreTimeoutError);
    expect(fake.sessions).toHaveLength(0);
    expect(fake.runs).toHaveLength(0);
  });

  it.each(EVERY_METHOD)('%s opens no session and sends nothing when the deadline has passed', async (_name, call) => {
    const fake = new FakeDriver(oneRow);
    expect(await rejection(call(createNeo4jStore(fake, undefined), { deadline: Date.now() - 1 }))).toBeInstanceOf(StoreTimeoutError);
    expect(fake.sessions).toHaveLength(0);
    expect(fake.runs).toHaveLength(0);
  });

  it.each(EVERY_METHOD)('%s sends its statements under a signal not aborted and a deadline not reached', async (_name, call) => {
    // The fake's one row does not fit every reader; what counts here is that the call reached the driver.
    const fake = new FakeDriver(oneRow);
    const controller = new AbortController();
    const outcome = await call(createNeo4jStore(fake, undefined), { signal: controller.signal, deadline: Date.now() + 600_000 }).catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(StoreTimeoutError);
    expect(fake.runs.length).toBeGreaterThan(0);
  });

  it('sends no further statement of a transaction once the signal is aborted between two statements', async () => {
    const controller = new AbortController();
    const fake = new FakeDriver((cypher) => {
      controller.abort();
      return cypher.includes('count(n)') ? { rows: [{ total: int(3) }] } : { rows: [] };
    });
    const error = await rejection(createNeo4jStore(fake, undefined).listNodes({ kind: 'Task', offset: 0, limit: 5 }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect((error as Error).message).toContain('listNodes(Task)');
    expect(fake.runs).toHaveLength(1);
    expect(fake.sessionsClosed).toBe(1);
  });

  it('stops a driver retry that would start after the deadline: the retried attempt sends nothing', async () => {
    const deadline = Date.now() + 30;
    const fake = new FakeDriver(() => {
      throw neo4jError('Neo.TransientError.Transaction.DeadlockDetected');
    });
    fake.retries = 1;
    let retried = false;
    fake.beforeRetry = async () => {
      while (Date.now() <= deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      retried = true;
    };
    const error = await rejection(createNeo4jStore(fake, undefined).stats({ deadline }));
    expect(error).toBeInstanceOf(StoreTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(retried).toBe(true);
    expect(fake.transactions).toBe(2);
    expect(fake.runs).toHaveLength(1);
  });

  it('lets the driver retry a transient failure while time is left', async () => {
    let failures = 1;
    const fake = new FakeDriver((cypher) => {
      if (failures-- > 0) throw neo4jError('Neo.TransientError.Transaction.DeadlockDetected');
      return cypher.includes('AS nodes') ? { rows: [{ nodes: int(4) }] } : { rows: [{ edges: int(5) }] };
    });
    fake.retries = 1;
    expect(await createNeo4jStore(fake, undefined).stats({ deadline: Date.now() + 600_000 })).toEqual({ nodes: 4, edges: 5 });
    expect(fake.transactions).toBe(2);
  });

  it('returns StoreTimeoutError at the deadline while a statement is still running, and closes the session', async () => {
    const fake = new FakeDriver(() => new Promise<FakeAnswer>(() => undefined));
    const error = await rejection(createNeo4jStore(fake, undefined).countNodes({ kind: 'Task' }, { deadline: Date.now() + 20 }));
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect((error as Error).message).toContain('countNodes');
    expect(fake.sessionsClosed).toBe(1);
  });

  it('returns StoreTimeoutError when the signal is aborted while a statement is running', async () => {
    const controller = new AbortController();
    const fake = new FakeDriver(() => {
      setImmediate(() => controller.abort());
      return new Promise<FakeAnswer>(() => undefined);
    });
    const error = await rejection(createNeo4jStore(fake, undefined).getNodes(['Task:a'], { signal: controller.signal }));
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect(fake.sessionsClosed).toBe(1);
  });
});

describe('abort listeners', () => {
  it("puts ONE abort listener on a request's signal for 50 calls running at once, and none once they ended", async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const fake = new FakeDriver(async () => {
      await answered;
      return oneRow();
    });
    const store = createNeo4jStore(fake, undefined);
    const controller = new AbortController();
    const calls = Array.from({ length: 50 }, () => store.countNodes({ kind: 'Task' }, { signal: controller.signal, deadline: Date.now() + 60_000 }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.runs).toHaveLength(50);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    answer();
    await Promise.all(calls);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('transaction timeouts', () => {
  it('gives a transaction of a call without a deadline the store default', async () => {
    const fake = new FakeDriver(oneRow);
    const store = createNeo4jStore(fake, undefined, 1234);
    await store.stats();
    await store.upsert({ nodes: [node('Task', 'a')], edges: [] });
    expect(fake.calls).toEqual(['executeRead', 'executeWrite']);
    expect(fake.configs).toEqual([{ timeout: 1234 }, { timeout: 1234 }]);
  });

  it('gives a transaction of a call with a deadline the time left, a whole number of milliseconds of at least 1', async () => {
    const fake = new FakeDriver(oneRow);
    const store = createNeo4jStore(fake, undefined, 1234);
    const before = Date.now();
    await store.ping({ deadline: before + 120_000 });
    const timeout = fake.configs[0]?.timeout ?? 0;
    expect(Number.isInteger(timeout)).toBe(true);
    expect(timeout).toBeGreaterThan(1234);
    expect(timeout).toBeLessThanOrEqual(120_000);
  });
});

describe('mapNeo4jError: time limits and overload', () => {
  it('maps the transaction timeouts (the one set from the deadline and the server default) and statement time limits to StoreTimeoutError', () => {
    for (const code of [
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.LockClientStopped',
      'Neo.TransientError.Statement.ExecutionTimeout',
      'Neo.ClientError.Procedure.ProcedureTimedOut',
    ]) {
      const mapped = mapNeo4jError(neo4jError(code), 'search');
      expect(mapped).toBeInstanceOf(StoreTimeoutError);
      expect(mapped.message).toContain(code);
      expect(mapped.message).toContain('search');
    }
  });

  it('maps memory limits, no free thread, too many transactions and a pool without a free connection to StoreOverloadedError', () => {
    for (const code of [
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'Neo.TransientError.General.TransactionMemoryLimit',
      'Neo.TransientError.General.OutOfMemoryError',
      'Neo.ClientError.General.TransactionOutOfMemoryError',
      'Neo.TransientError.Request.NoThreadsAvailable',
      'Neo.TransientError.Transaction.MaximumTransactionLimitReached',
    ]) {
      const mapped = mapNeo4jError(neo4jError(code), 'neighbourhood');
      expect(mapped).toBeInstanceOf(StoreOverloadedError);
      expect(mapped.message).toContain(code);
    }
    const pool = neo4jError('N/A', 'Connection acquisition timed out in 60000 ms. Pool status: Active conn count = 50, Idle conn count = 0.');
    expect(mapNeo4jError(pool, 'listNodes(Task)')).toBeInstanceOf(StoreOverloadedError);
    // Other transient errors stay an outage.
    expect(mapNeo4jError(neo4jError('Neo.TransientError.General.DatabaseUnavailable'), 'x')).toBeInstanceOf(StoreUnavailableError);
  });

  it('passes its own StoreTimeoutError and StoreOverloadedError through', () => {
    const timeout = new StoreTimeoutError('late');
    const overloaded = new StoreOverloadedError('full');
    expect(mapNeo4jError(timeout, 'x')).toBe(timeout);
    expect(mapNeo4jError(overloaded, 'x')).toBe(overloaded);
  });

  it('surfaces a server-side timeout of a running transaction from the store as StoreTimeoutError', async () => {
    const fake = new FakeDriver(() => {
      throw neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has been terminated.');
    });
    const error = await rejection(createNeo4jStore(fake, undefined).listEdges({ types: ['LEADS'], offset: 0, limit: 5 }, { deadline: Date.now() + 600_000 }));
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect(fake.sessionsClosed).toBe(1);
  });
});
