/**
 * Unit tests of the Neo4j adapter without a server: options validation, error
 * mapping, value mapping, and the store's driver calls through a scripted
 * fake driver (sessions, access modes, transactions, parameters, results).
 */
import { Date as Neo4jDate, DateTime, Duration, Integer, LocalDateTime, Neo4jError, Point, int, isInt } from 'neo4j-driver';
import { ConfigError, StoreInputError, StoreUnavailableError } from '../../src/errors';
import { propertiesOf } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES } from '../../src/model/relationships';
import { mapNeo4jError } from '../../src/store/neo4j/connection/mapNeo4jError';
import { validateNeo4jStoreOptions, type Neo4jStoreOptions } from '../../src/store/neo4j/Neo4jStoreOptions';
import { neo4jValueToJs } from '../../src/store/neo4j/records/neo4jValueToJs';
import { openNeo4jStore } from '../../src/store/neo4j/openNeo4jStore';
import { schemaStatements } from '../../src/store/neo4j/schema/schemaStatements';
import type { EdgeKey } from '../../src/store/port';
import { createNeo4jStore, FakeDriver, neo4jError } from '../support/fakeNeo4jDriver';
import { edge, node } from './contract';

const OPTIONS: Neo4jStoreOptions = { uri: 'neo4j://db.example:7687', username: 'neo4j', password: 's3cret', database: 'plans' };

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected a rejection');
  return error;
}

// ---------------------------------------------------------------------------

describe('validateNeo4jStoreOptions', () => {
  const message = (options: Partial<Neo4jStoreOptions>): string => {
    try {
      validateNeo4jStoreOptions({ ...OPTIONS, ...options });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('accepts every driver scheme and the optional settings', () => {
    for (const scheme of ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']) {
      expect(() => validateNeo4jStoreOptions({ ...OPTIONS, uri: `${scheme}://host:7687` })).not.toThrow();
    }
    expect(() =>
      validateNeo4jStoreOptions({
        uri: 'neo4j+s://abcd1234.databases.neo4j.io',
        username: 'neo4j',
        password: 'x',
        maxConnectionPoolSize: 50,
        connectionAcquisitionTimeoutMs: 60_000,
        connectionTimeoutMs: 30_000,
        maxTransactionRetryTimeMs: 0,
      }),
    ).not.toThrow();
  });

  it('names NEO4J_URI, the bad scheme and the allowed ones, masking credentials in the URI', () => {
    const text = message({ uri: 'http://admin:hunter2@db.example:7474' });
    expect(text).toContain('NEO4J_URI');
    expect(text).toContain('"http"');
    expect(text).toContain('neo4j+s');
    expect(text).not.toContain('hunter2');
    expect(message({ uri: '' })).toContain('NEO4J_URI');
    expect(message({ uri: 'localhost:7687' })).toContain('NEO4J_URI');
    expect(message({ uri: 'bolt://' })).toMatch(/NEO4J_URI.*no host/);
  });

  it('names NEO4J_USERNAME and NEO4J_PASSWORD without echoing the password', () => {
    expect(message({ username: ' ' })).toContain('NEO4J_USERNAME');
    expect(message({ password: '' })).toContain('NEO4J_PASSWORD');
  });

  it('names the database and numeric settings with their bad values, all problems at once', () => {
    const text = message({ database: 'my db', maxConnectionPoolSize: 0, connectionAcquisitionTimeoutMs: 1.5, connectionTimeoutMs: -1 });
    expect(text).toContain('NEO4J_DATABASE');
    expect(text).toContain('"my db"');
    expect(text).toMatch(/NEO4J_MAX_POOL_SIZE .*got 0/);
    expect(text).toMatch(/NEO4J_ACQUISITION_TIMEOUT_MS .*got 1.5/);
    expect(text).toMatch(/NEO4J_CONNECTION_TIMEOUT_MS .*got -1/);
  });
});

describe('mapNeo4jError', () => {
  it('maps an unavailable database, no server and an expired session to StoreUnavailableError', () => {
    for (const code of [
      'Neo.TransientError.General.DatabaseUnavailable',
      'ServiceUnavailable',
      'SessionExpired',
      'Neo.TransientError.Transaction.DeadlockDetected',
      'Neo.ClientError.Cluster.NotALeader',
    ]) {
      const mapped = mapNeo4jError(neo4jError(code), 'listNodes(Task)');
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect(mapped.message).toContain(code);
      expect(mapped.message).toContain('listNodes(Task)');
      expect((mapped as Error & { cause?: unknown }).cause).toBeInstanceOf(Neo4jError);
    }
    expect(mapNeo4jError(neo4jError('N/A', 'connection reset', '08N06'), 'ping')).toBeInstanceOf(StoreUnavailableError);
  });

  it('maps a constraint violation to StoreInputError naming the id', () => {
    const mapped = mapNeo4jError(
      neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed', "Node(12) already exists with label `Agency` and property `id` = 'Agency:dn-skhcn'"),
      'upsert',
    );
    expect(mapped).toBeInstanceOf(StoreInputError);
    expect(mapped.message).toContain('"Agency:dn-skhcn"');
  });

  it('maps authentication failures to ConfigError naming NEO4J_USERNAME and NEO4J_PASSWORD', () => {
    for (const code of ['Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit']) {
      const mapped = mapNeo4jError(neo4jError(code, 'The client is unauthorized due to authentication failure.'), 'connecting');
      expect(mapped).toBeInstanceOf(ConfigError);
      expect(mapped.message).toContain('NEO4J_USERNAME');
      expect(mapped.message).toContain('NEO4J_PASSWORD');
    }
    expect(mapNeo4jError(neo4jError('Neo.ClientError.Security.CredentialsExpired'), 'x').message).toContain('NEO4J_PASSWORD');
    expect(mapNeo4jError(neo4jError('Neo.ClientError.Security.Forbidden'), 'creating the schema').message).toContain('NEO4J_USERNAME');
  });

  it('maps an unknown database to ConfigError naming NEO4J_DATABASE', () => {
    const mapped = mapNeo4jError(neo4jError('Neo.ClientError.Database.DatabaseNotFound'), 'connecting');
    expect(mapped).toBeInstanceOf(ConfigError);
    expect(mapped.message).toContain('NEO4J_DATABASE');
  });

  it('keeps a Cypher error internal (a plain Error with code and cause), and passes store errors through', () => {
    const syntax = mapNeo4jError(neo4jError('Neo.ClientError.Statement.SyntaxError', 'Invalid input'), 'stats');
    expect(syntax.constructor).toBe(Error);
    expect(syntax.message).toContain('Neo.ClientError.Statement.SyntaxError');
    const own = new StoreInputError('mine');
    expect(mapNeo4jError(own, 'x')).toBe(own);
    const other = new TypeError('bug');
    expect(mapNeo4jError(other, 'x')).toBe(other);
  });
});

describe('neo4jValueToJs', () => {
  it('turns safe Integers into numbers and refuses unsafe ones', () => {
    expect(neo4jValueToJs(int(2019), 'x')).toBe(2019);
    expect(neo4jValueToJs(int(Number.MAX_SAFE_INTEGER), 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(neo4jValueToJs(int(Number.MIN_SAFE_INTEGER), 'x')).toBe(Number.MIN_SAFE_INTEGER);
    expect(() => neo4jValueToJs(Integer.fromString('9007199254740993'), 'Target:t.quantity')).toThrow(/Target:t.quantity.*9007199254740993/);
    expect(() => neo4jValueToJs(Integer.fromString('-9007199254740993'), 'x')).toThrow(RangeError);
    expect(neo4jValueToJs(BigInt(42), 'x')).toBe(42);
    expect(() => neo4jValueToJs(BigInt('9007199254740993'), 'x')).toThrow(RangeError);
  });

  it('turns temporal values into ISO 8601 strings', () => {
    expect(neo4jValueToJs(new Neo4jDate(2019, 5, 13), 'x')).toBe('2019-05-13');
    expect(neo4jValueToJs(new DateTime(2019, 5, 13, 8, 30, 0, 0, 7 * 3600), 'x')).toBe('2019-05-13T08:30:00+07:00');
    expect(neo4jValueToJs(new LocalDateTime(2019, 5, 13, 8, 30, 0, 0), 'x')).toBe('2019-05-13T08:30:00');
    expect(neo4jValueToJs(new Duration(1, 2, 3, 0), 'x')).toBe('P1M2DT3S');
  });

  it('maps lists and maps element by element, null and undefined to null, and refuses points', () => {
    expect(neo4jValueToJs([int(1), 'a', null, [true]], 'x')).toEqual([1, 'a', null, [true]]);
    expect(neo4jValueToJs({ a: int(2), b: { c: 1.5 } }, 'x')).toEqual({ a: 2, b: { c: 1.5 } });
    expect(neo4jValueToJs(undefined, 'x')).toBeNull();
    expect(() => neo4jValueToJs(new Point(int(7203), 1, 2), 'Agency:a.location')).toThrow(/Agency:a.location/);
  });
});

describe('openNeo4jStore (fake driver)', () => {
  it('verifies connectivity and authentication on the database, then creates the schema in write sessions', async () => {
    const fake = new FakeDriver();
    const store = await openNeo4jStore(OPTIONS, { createDriver: () => fake });
    expect(store.name).toBe('neo4j');
    expect(store.database).toBe('plans');
    expect(fake.calls.slice(0, 2)).toEqual(['verifyConnectivity {"database":"plans"}', 'verifyAuthentication {"database":"plans"}']);
    const schema = schemaStatements();
    expect(fake.runs.map((r) => r.cypher)).toEqual(schema.map((s) => s.text));
    expect(new Set(fake.runs.map((r) => r.transaction)).size).toBe(schema.length);
    expect(fake.runs.every((r) => r.mode === 'WRITE' && r.database === 'plans')).toBe(true);
    expect(fake.runs.every((r) => /IF NOT EXISTS/.test(r.cypher))).toBe(true);
    expect(fake.closed).toBe(0);
    await store.close();
    await store.close();
    expect(fake.closed).toBe(1);
    await expect(store.ping()).rejects.toThrow(StoreUnavailableError);
  });

  it('passes every option to the real driver factory only once, after validation', async () => {
    const created: Neo4jStoreOptions[] = [];
    await expect(
      openNeo4jStore({ ...OPTIONS, uri: 'http://x' }, { createDriver: (o) => (created.push(o), new FakeDriver()) }),
    ).rejects.toThrow(ConfigError);
    expect(created).toEqual([]);
    await openNeo4jStore(OPTIONS, { createDriver: (o) => (created.push(o), new FakeDriver()) });
    expect(created).toEqual([validateNeo4jStoreOptions(OPTIONS)]);
  });

  it('closes the driver and names the variables when the credentials are refused', async () => {
    const fake = new FakeDriver();
    fake.authentication = async () => false;
    const error = await errorOf(openNeo4jStore(OPTIONS, { createDriver: () => fake }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/NEO4J_USERNAME.*NEO4J_PASSWORD/);
    expect(error.message).not.toContain('s3cret');
    expect(fake.closed).toBe(1);
  });

  it('maps an unreachable server to StoreUnavailableError and closes the driver', async () => {
    const fake = new FakeDriver();
    fake.connectivity = async () => {
      throw neo4jError('ServiceUnavailable', 'Could not perform discovery. No routing servers available.');
    };
    const error = await errorOf(openNeo4jStore(OPTIONS, { createDriver: () => fake }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toContain('neo4j://db.example:7687');
    expect(fake.closed).toBe(1);
  });

  it('accepts a server that cannot re-authenticate (before Neo4j 5.5) once connectivity succeeded', async () => {
    const fake = new FakeDriver();
    fake.authentication = async () => {
      throw new Neo4jError('Driver is connected to a database that does not support user switch.', 'N/A', '50N42', 'x');
    };
    await expect(openNeo4jStore(OPTIONS, { createDriver: () => fake })).resolves.toBeDefined();
  });

  it('names the schema statement that a read-only user cannot run', async () => {
    const fake = new FakeDriver(() => {
      throw neo4jError('Neo.ClientError.Security.Forbidden', 'Schema operations are not allowed for user');
    });
    const error = await errorOf(openNeo4jStore(OPTIONS, { createDriver: () => fake }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('schema.constraint:LegalDocument.id');
    expect(fake.closed).toBe(1);
  });
});

describe('the store over a fake driver', () => {
  const taskProps = (props: Record<string, unknown>) => ({ ...Object.fromEntries(propertiesOf('Task').map((p) => [p.name, null])), ...props });
  const edgeProps = (props: Record<string, unknown>) => ({ ...Object.fromEntries(RELATIONSHIP_PROPERTIES.map((p) => [p.name, null])), ...props });

  it('getNodes: one READ transaction, one statement per label, aligned result, Integers as numbers', async () => {
    const fake = new FakeDriver((cypher, params) => {
      if (cypher.startsWith('MATCH (n:Task)')) {
        expect(params.ids).toEqual(['Task:a', 'Task:b']);
        return { rows: [{ id: 'Task:a', props: taskProps({ name: 'Kiểm định', ordinal: int(3), recurring: false }) }] };
      }
      if (cypher.startsWith('MATCH (n:Plan)')) return { rows: [{ id: 'Plan:p', props: { startYear: int(2019) } }] };
      throw new Error(`unexpected ${cypher}`);
    });
    const store = createNeo4jStore(fake, 'plans');
    const result = await store.getNodes(['Task:a', 'bad id', 'Plan:p', 'Task:b', 'Task:a', 'Nope:x']);
    expect(result.map((n) => n?.id ?? null)).toEqual(['Task:a', null, 'Plan:p', null, 'Task:a', null]);
    expect(result[0]?.props).toEqual(taskProps({ name: 'Kiểm định', ordinal: 3, recurring: false }));
    expect(result[2]?.props).toEqual({ ...Object.fromEntries(propertiesOf('Plan').map((p) => [p.name, null])), startYear: 2019 });
    expect(fake.calls).toEqual(['executeRead']);
    expect(fake.sessions).toEqual([{ database: 'plans', defaultAccessMode: 'READ' }]);
    expect(fake.runs).toHaveLength(2);
    expect(fake.sessionsClosed).toBe(1);
    expect(await store.getNodes([])).toEqual([]);
    await expect(store.getNodes('Task:a' as never)).rejects.toThrow(StoreInputError);
  });

  it('getNeighbours: one statement per kind pair, ordered by ordinal (nulls last) then id, edges from start to end', async () => {
    const fake = new FakeDriver((cypher) => {
      if (cypher.startsWith('MATCH (a:Target)<-[e:HAS_TARGET]-(b:Plan)')) {
        return { rows: [{ anchorId: 'Target:x', otherId: 'Plan:p', edgeProps: { ordinal: int(2) }, nodeProps: {} }] };
      }
      if (cypher.startsWith('MATCH (a:Target)<-[e:HAS_TARGET]-(b:Task)')) {
        return {
          rows: [
            { anchorId: 'Target:x', otherId: 'Task:z', edgeProps: { ordinal: null }, nodeProps: {} },
            { anchorId: 'Target:x', otherId: 'Task:b', edgeProps: { ordinal: int(1) }, nodeProps: { name: 'b' } },
            { anchorId: 'Target:x', otherId: 'Task:a', edgeProps: { ordinal: null }, nodeProps: {} },
          ],
        };
      }
      throw new Error(`unexpected ${cypher}`);
    });
    const store = createNeo4jStore(fake, undefined);
    const [list, none] = await store.getNeighbours({ ids: ['Target:x', 'Plan:p'], type: 'HAS_TARGET', direction: 'IN' });
    expect(list?.map((n) => n.node.id)).toEqual(['Task:b', 'Plan:p', 'Task:a', 'Task:z']);
    expect(list?.[0]?.edge).toEqual({ type: 'HAS_TARGET', from: 'Task:b', to: 'Target:x', props: edgeProps({ ordinal: 1 }) });
    expect(list?.[0]?.node.kind).toBe('Task');
    expect(none).toEqual([]);
    expect(fake.runs).toHaveLength(2);
    expect(fake.sessions).toEqual([{ defaultAccessMode: 'READ' }]);
  });

  it('getEdges: one READ transaction, one statement per type and kind pair seeking both ends by id, distinct keys, aligned result', async () => {
    const pairs = (params: Record<string, unknown>) => (params.keys as { from: string; to: string }[]).map((k) => [k.from, k.to]);
    const fake = new FakeDriver((cypher, params) => {
      const keys = params.keys as { i: unknown }[];
      expect(cypher.startsWith('UNWIND $keys AS k\n')).toBe(true);
      if (cypher.includes('MATCH (a:Task {id: k.from})-[e:HAS_TARGET]->(b:Target {id: k.to})')) {
        expect(pairs(params)).toEqual([
          ['Task:a', 'Target:x'],
          ['Task:b', 'Target:x'],
        ]);
        return { rows: [{ i: keys[1]?.i, props: { synthetic: true, ordinal: int(1) } }] };
      }
      if (cypher.includes('MATCH (a:Plan {id: k.from})-[e:HAS_TARGET]->(b:Target {id: k.to})')) {
        expect(pairs(params)).toEqual([['Plan:p', 'Target:x']]);
        return { rows: [{ i: keys[0]?.i, props: { ordinal: int(2), note: 'kế hoạch' } }] };
      }
      if (cypher.includes('MATCH (a:Plan {id: k.from})-[e:HAS_TASK]->(b:Task {id: k.to})')) return { rows: [] };
      throw new Error(`unexpected ${cypher}`);
    });
    const store = createNeo4jStore(fake, 'plans');
    const result = await store.getEdges([
      { type: 'HAS_TARGET', from: 'Task:a', to: 'Target:x' },
      { type: 'HAS_TARGET', from: 'Plan:p', to: 'Target:x' },
      { type: 'HAS_TARGET', from: 'Task:b', to: 'Target:x' },
      { type: 'HAS_TARGET', from: 'Target:x', to: 'Task:b' },
      { type: 'HAS_TASK', from: 'Plan:p', to: 'Task:a' },
      { type: 'NOPE', from: 'Plan:p', to: 'Task:a' },
      { type: 'HAS_TARGET', from: 'Plan:p', to: 'Target:x' },
      { type: 'HAS_TASK', from: "Plan:p' OR 1=1 //", to: 'Task:a' },
      null,
    ] as unknown as EdgeKey[]);
    const planEdge = { type: 'HAS_TARGET', from: 'Plan:p', to: 'Target:x', props: edgeProps({ ordinal: 2, note: 'kế hoạch' }) };
    const taskEdge = { type: 'HAS_TARGET', from: 'Task:b', to: 'Target:x', props: edgeProps({ ordinal: 1, synthetic: true }) };
    expect(result).toEqual([null, planEdge, taskEdge, null, null, null, planEdge, null, null]);
    expect(fake.calls).toEqual(['executeRead']);
    expect(fake.sessions).toEqual([{ database: 'plans', defaultAccessMode: 'READ' }]);
    expect(fake.runs).toHaveLength(3);
    expect(fake.sessionsClosed).toBe(1);
    const positions = fake.runs.flatMap((r) => (r.params.keys as { i: unknown }[]).map((k) => k.i));
    expect(positions.every((i) => isInt(i))).toBe(true);
    expect(positions.map(String).sort()).toEqual(['0', '1', '2', '3']);
    expect(fake.runs.every((r) => Object.keys(r.params).join() === 'keys')).toBe(true);
    // No session for an empty list or one without a well-formed key; a non-list is refused.
    expect(await store.getEdges([])).toEqual([]);
    expect(await store.getEdges([{ type: 'NOPE', from: 'Plan:p', to: 'Task:a' }] as unknown as EdgeKey[])).toEqual([null]);
    expect(fake.calls).toEqual(['executeRead']);
    await expect(store.getEdges('HAS_TASK' as never)).rejects.toThrow(StoreInputError);
  });

  it('listNodes: count then page in one READ transaction, values and SKIP/LIMIT as neo4j Integers', async () => {
    const fake = new FakeDriver((cypher) =>
      cypher.includes('count(n)') ? { rows: [{ total: int(7) }] } : { rows: [{ id: 'Task:a', props: { dueYear: int(2025) } }] },
    );
    const store = createNeo4jStore(fake, undefined);
    const page = await store.listNodes({
      kind: 'Task',
      where: [
        { property: 'dueYear', lte: 2025 },
        { property: 'timeframe', in: ['BY_2025', 'ANNUAL'] },
        { property: 'ordinal', in: [1, 2] },
        { property: 'code', eq: null },
      ],
      orderBy: [{ property: 'dueYear', direction: 'DESC' }],
      offset: 20,
      limit: 10,
    });
    expect(page.totalCount).toBe(7);
    expect(page.items[0]?.props.dueYear).toBe(2025);
    expect(fake.calls).toEqual(['executeRead']);
    const [count, rows] = fake.runs;
    expect(count?.cypher).toContain('WHERE n.dueYear <= $w0 AND n.timeframe IN $w1 AND n.ordinal IN $w2 AND n.code IS NULL');
    expect(rows?.cypher).toContain('ORDER BY n.dueYear DESC, n.id ASC');
    expect(isInt(rows?.params.offset) && isInt(rows?.params.limit)).toBe(true);
    expect(String(rows?.params.offset)).toBe('20');
    expect(isInt(rows?.params.w0)).toBe(true);
    expect((rows?.params.w2 as unknown[]).every((v) => isInt(v))).toBe(true);
    expect(rows?.params.w1).toEqual(['BY_2025', 'ANNUAL']);
  });

  it('listNodes / listEdges: rejects bad arguments before opening a session', async () => {
    const fake = new FakeDriver();
    const store = createNeo4jStore(fake, undefined);
    await expect(store.listNodes({ kind: 'Task', where: [{ property: 'startYear', eq: 1 }], offset: 0, limit: 1 })).rejects.toThrow(/startYear/);
    await expect(store.listNodes({ kind: 'Task', offset: 0, limit: 0 })).rejects.toThrow(/limit/);
    await expect(store.listEdges({ types: ['HAS_TASK'], toWhere: [{ property: 'startYear', eq: 1 }], offset: 0, limit: 1 })).rejects.toThrow(
      /startYear/,
    );
    expect(fake.sessions).toEqual([]);
  });

  it('listEdges: one pattern with label and type disjunctions narrowed by the ids given', async () => {
    const fake = new FakeDriver((cypher) =>
      cypher.includes('count(e)')
        ? { rows: [{ total: int(1) }] }
        : { rows: [{ relType: 'HAS_TARGET', fromId: 'Task:a', toId: 'Target:x', props: { ordinal: int(1) }, toOrdinal: null, ordinal: int(1) }] },
    );
    const store = createNeo4jStore(fake, undefined);
    const page = await store.listEdges({ types: ['HAS_TARGET', 'FUNDED_BY'], fromIds: ['Task:a', 'garbage'], offset: 0, limit: 5 });
    expect(page).toEqual({ items: [{ type: 'HAS_TARGET', from: 'Task:a', to: 'Target:x', props: edgeProps({ ordinal: 1 }) }], totalCount: 1 });
    expect(fake.runs[0]?.cypher).toContain('MATCH (a:Task)-[e:HAS_TARGET|FUNDED_BY]->(b:Target|FundingSource)');
    expect(fake.runs[0]?.params.fromIds).toEqual(['Task:a', 'garbage']);
    expect(await store.listEdges({ types: ['HAS_TASK'], fromIds: ['Agency:x'], offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
    expect(fake.runs).toHaveLength(2);
  });

  it('upsert: ONE write transaction, nodes then relationships per label/type; created from the counters, updated from the rows, the rest unchanged', async () => {
    const fake = new FakeDriver((cypher, params) => {
      const rows = params.rows as unknown[];
      if (cypher.includes('MERGE (n:Task')) return { rows: [{ merged: int(rows.length), updated: int(0) }], nodesCreated: 1 };
      if (cypher.includes('MERGE (n:Plan')) return { rows: [{ merged: int(rows.length), updated: int(0) }], nodesCreated: 1 };
      if (cypher.includes('MERGE (a)-[e:HAS_TASK]->(b)')) return { rows: [{ merged: int(rows.length), updated: int(1) }], relationshipsCreated: 1 };
      throw new Error(`unexpected ${cypher}`);
    });
    const store = createNeo4jStore(fake, 'plans');
    const result = await store.upsert({
      nodes: [node('Task', 'a', { ordinal: 2, name: 'first' }), node('Plan', 'p'), node('Task', 'b'), node('Task', 'a', { name: 'second' })],
      edges: [edge('HAS_TASK', 'Plan:p', 'Task:a', { ordinal: 1 }), edge('HAS_TASK', 'Plan:p', 'Task:b')],
    });
    expect(result).toEqual({ nodesCreated: 2, nodesUpdated: 0, nodesUnchanged: 1, edgesCreated: 1, edgesUpdated: 1, edgesUnchanged: 0 });
    expect(fake.calls).toEqual(['executeWrite']);
    expect(fake.sessions).toEqual([{ database: 'plans', defaultAccessMode: 'WRITE' }]);
    expect(new Set(fake.runs.map((r) => r.transaction)).size).toBe(1);
    const taskRows = fake.runs[0]?.params.rows as { id: string; props: Record<string, unknown> }[];
    expect(taskRows.map((r) => r.id)).toEqual(['Task:a', 'Task:b']);
    expect(taskRows[0]?.props.name).toBe('second');
    expect(isInt(taskRows[0]?.props.ordinal)).toBe(true);
    const edgeRows = fake.runs[2]?.params.rows as { props: Record<string, unknown> }[];
    expect(isInt(edgeRows[0]?.props.ordinal)).toBe(true);
  });

  it('upsert: a missing endpoint throws StoreInputError naming the relationship and the node, inside the transaction', async () => {
    const fake = new FakeDriver((cypher) => {
      if (cypher.includes('MERGE (n:')) return { rows: [{ merged: int(1), updated: int(0) }], nodesCreated: 1 };
      if (cypher.includes('MERGE (a)-[e:HAS_TASK]->(b)')) return { rows: [{ merged: int(1), updated: int(0) }], relationshipsCreated: 1 };
      if (cypher.includes('OPTIONAL MATCH')) return { rows: [{ fromId: 'Plan:p', toId: 'Task:ghost', fromMissing: false, toMissing: true }] };
      throw new Error(`unexpected ${cypher}`);
    });
    const store = createNeo4jStore(fake, undefined);
    const error = await errorOf(
      store.upsert({ nodes: [node('Task', 'a')], edges: [edge('HAS_TASK', 'Plan:p', 'Task:a'), edge('HAS_TASK', 'Plan:p', 'Task:ghost')] }),
    );
    expect(error).toBeInstanceOf(StoreInputError);
    expect(error.message).toContain('HAS_TASK Plan:p -> Task:ghost');
    expect(error.message).toContain('end node Task:ghost');
    expect(fake.calls).toEqual(['executeWrite']);
  });

  it('upsert: rejects bad data naming id and property before any session is opened', async () => {
    const fake = new FakeDriver((_cypher, params) => ({ rows: [{ merged: int((params.rows as unknown[]).length), updated: int(0) }], nodesCreated: 1 }));
    const store = createNeo4jStore(fake, undefined);
    const cases: [Parameters<typeof store.upsert>[0], string[]][] = [
      [{ nodes: [node('Task', 'x', { ordinal: 2.5 })], edges: [] }, ['Task:x', 'ordinal']],
      [{ nodes: [node('Task', 'x', { ordinal: 2 ** 60 })], edges: [] }, ['Task:x', 'ordinal']],
      [{ nodes: [node('Task', 'x', { colour: 'red' })], edges: [] }, ['Task:x', 'colour']],
      [{ nodes: [node('Task', 'x', { name: 'a\uD800' })], edges: [] }, ['Task:x', 'name', 'surrogate']],
      [{ nodes: [node('Task', 'x', { code: 'c'.repeat(9000) })], edges: [] }, ['Task:x', 'code', '8000']],
      [{ nodes: [{ id: 'Task:x', kind: 'Plan', props: {} }], edges: [] }, ['Task:x', 'Plan']],
      [{ nodes: [], edges: [edge('HAS_TASK', 'Task:x', 'Task:y')] }, ['HAS_TASK "Task:x" -> "Task:y"', 'cannot start']],
      [{ nodes: [null as never], edges: [] }, ['nodes[0]']],
      [{ nodes: 'no' as never, edges: [] }, ['nodes']],
    ];
    for (const [batch, words] of cases) {
      const error = await errorOf(store.upsert(batch));
      expect(error).toBeInstanceOf(StoreInputError);
      for (const word of words) expect(error.message).toContain(word);
    }
    expect(fake.sessions).toEqual([]);
    // A very long name is fine: name has no range index (only the full-text one).
    await expect(store.upsert({ nodes: [node('Task', 'long', { name: 'x'.repeat(100_000) })], edges: [] })).resolves.toBeDefined();
  });

  it('upsert: counts that cannot be right fail the write instead of being returned', async () => {
    const fake = new FakeDriver((_cypher, params) => ({ rows: [{ merged: int((params.rows as unknown[]).length), updated: int(1) }], nodesCreated: 1 }));
    const store = createNeo4jStore(fake, undefined);
    const error = await errorOf(store.upsert({ nodes: [node('Task', 'a')], edges: [] }));
    expect(error.message).toMatch(/Task nodes counted 1 rows of 1, 1 created and 1 updated/);
  });

  it('maps driver errors thrown inside a transaction and still closes the session', async () => {
    const fake = new FakeDriver(() => {
      throw neo4jError('Neo.TransientError.General.DatabaseUnavailable', 'Database plans is unavailable.');
    });
    const store = createNeo4jStore(fake, 'plans');
    const error = await errorOf(store.stats());
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toContain('stats');
    expect(fake.sessionsClosed).toBe(1);
  });

  it('stats and ping read counts as numbers', async () => {
    const fake = new FakeDriver((cypher) =>
      cypher.includes('AS nodes') ? { rows: [{ nodes: int(12) }] } : cypher.includes('AS edges') ? { rows: [{ edges: int(30) }] } : { rows: [{ ok: int(1) }] },
    );
    const store = createNeo4jStore(fake, undefined);
    expect(await store.stats()).toEqual({ nodes: 12, edges: 30 });
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
