import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadSeed } from '../../seed/loadSeed';
import { createApiKey } from '../../src/auth/apiKeyCommands';
import { Authenticator } from '../../src/auth/Authenticator';
import { loadConfig } from '../../src/config';
import { parseExportCommand, runExport } from '../../src/export/cli';
import { exportFromStore } from '../../src/export/exportFiles';
import { EXPORT_TABLES } from '../../src/export/exportTables';
import { NODE_KINDS } from '../../src/model/kinds';
import { RELATIONSHIP_TYPES } from '../../src/model/relationships';
import { startServer, type RunningServer } from '../../src/server/startServer';
import { STORE_CALLS, type EdgeRecord, type GraphStore, type ImplementationRecord, type NodeRecord, type PropertyValue, type StoreCall } from '../../src/store/port';
import { openTestStore, type TestStore } from '../support/openTestStore';
import { parseCsvObjects } from '../support/parseCsv';
import { testConfig } from '../support/testConfig';

/**
 * Exports for analysts (GET /export/<file>) on the adapter under test: what
 * the CSV files hold parsed back equals what the store holds; the text is
 * UTF-8 with a BOM and Vietnamese intact; formula-like cells are guarded;
 * credentials are asked as for reads; a client opening many exports at once
 * is refused cleanly while the others finish whole. Records written here are
 * synthetic test data, flagged so in their text.
 */

const FORMULA = /^[=+\-@\t\r]/;

/** What a cell of `value` must read once parsed: empty for null, a number or boolean as written, text guarded when it starts like a formula. */
function expectedCell(value: PropertyValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return FORMULA.test(value) ? `'${value}` : value;
}

/** A store whose bulk listNodes calls (the exports') wait while held, counted. */
function holdable(store: GraphStore): { store: GraphStore; hold(): void; release(): void; listNodesCalls(): number } {
  let gate: Promise<void> | undefined;
  let open: () => void = () => undefined;
  let calls = 0;
  const listNodes: GraphStore['listNodes'] = async (query, options) => {
    if (options?.priority === 'bulk') {
      calls += 1;
      if (gate) await gate;
    }
    return store.listNodes(query, options);
  };
  const calls_ = Object.fromEntries(
    (Object.keys(STORE_CALLS) as StoreCall[]).map((method) => [method, (...args: unknown[]) => (store[method] as (...a: unknown[]) => unknown).apply(store, args)]),
  );
  const wrapped = { ...calls_, name: store.name, close: () => store.close(), listNodes } as GraphStore;
  return {
    store: wrapped,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => {
      gate = undefined;
      open();
    },
    listNodesCalls: () => calls,
  };
}

/** Waits until `condition` holds (at most 10 s). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
const env = { AUTH_API_KEYS_FILE: path.join(temp, 'keys.json'), EXPORT_CONCURRENCY: '2' };
let opened: TestStore;
let held: ReturnType<typeof holdable>;
let open: RunningServer;
let closed: RunningServer;
let readerKey = '';
let actual: ImplementationRecord;
let report: ImplementationRecord;

async function allNodes(store: GraphStore): Promise<NodeRecord[]> {
  const nodes: NodeRecord[] = [];
  for (const kind of NODE_KINDS) nodes.push(...(await store.listNodes({ kind, offset: 0, limit: 100_000 })).items);
  return nodes;
}

async function allEdges(store: GraphStore): Promise<EdgeRecord[]> {
  return [...(await store.listEdges({ types: RELATIONSHIP_TYPES, offset: 0, limit: 100_000 })).items];
}

beforeAll(async () => {
  readerKey = createApiKey(env.AUTH_API_KEYS_FILE, 'reader', 'export test').key;
  opened = await openTestStore();
  await loadSeed(opened.store);
  const [target] = (await opened.store.listNodes({ kind: 'Target', offset: 0, limit: 1 })).items;
  const [task] = (await opened.store.listNodes({ kind: 'Task', offset: 0, limit: 1 })).items;
  const base = { action: 'CREATE' as const, actor: 'editor@test', requestId: 'export-test' };
  actual = (
    await opened.store.applyChange({
      ...base,
      kind: 'Actual',
      id: 'Actual:export-test-1',
      subject: target!.id,
      fields: {
        value: 12,
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        status: 'PROVISIONAL',
        baseline: false,
        evidenceDocument: '-12/BC-TEST (synthetic test data)',
        evidenceQuote: 'Năm 2023 đã tổ chức 12 lượt bồi dưỡng, "đo lường" (dữ liệu thử nghiệm).',
        note: '=HYPERLINK("http://example.invalid","synthetic")',
      },
    })
  ).record;
  report = (
    await opened.store.applyChange({
      ...base,
      kind: 'TaskReport',
      id: 'TaskReport:export-test-1',
      subject: task!.id,
      fields: { year: 2023, status: 'IN_PROGRESS', narrative: '@synthetic report line one,\r\nline two: Sở Khoa học và Công nghệ (test data)' },
    })
  ).record;
  held = holdable(opened.store);
  const logger = pino({ level: process.env.EXPORT_TEST_LOG ?? 'silent' });
  open = await startServer({ store: held.store, logger, config: testConfig({ exports: loadConfig(env).exports }), authenticator: await Authenticator.create(loadConfig(env).auth) });
  closed = await startServer({
    store: opened.store,
    logger,
    config: testConfig(),
    authenticator: await Authenticator.create(loadConfig({ ...env, ANONYMOUS_READ: 'false' }).auth),
  });
});

afterAll(async () => {
  await open?.stop();
  await closed?.stop();
  await opened?.dispose();
  fs.rmSync(temp, { recursive: true, force: true });
});

async function get(server: RunningServer, file: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/export/${file}`, { headers });
}

async function csvOf(file: string): Promise<{ bytes: Buffer; header: string[]; rows: Record<string, string>[]; response: Response }> {
  const response = await get(open, file);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { bytes, response, ...parseCsvObjects(text.slice(1)) };
}

describe('GET /export/*.csv', () => {
  it('nodes.csv parsed back is every node of the store with its public properties and provenance, and nothing internal', async () => {
    const { header, rows, response, bytes } = await csvOf('nodes.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="plan-\d{4}-\d{2}-\d{2}-nodes\.csv"$/);
    expect(header.slice(0, 2)).toEqual(['id', 'kind']);
    expect(header).toEqual(expect.arrayContaining(['name', 'nameVi', 'sourceDocument', 'sourceClause', 'sourceQuote', 'validFrom', 'code', 'quantity']));
    expect(header).not.toContain('searchText');
    expect(header).not.toContain('planId');
    const nodes = await allNodes(opened.store);
    expect(rows).toHaveLength(nodes.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const node of nodes) {
      const row = byId.get(node.id);
      expect(row?.kind).toBe(node.kind);
      for (const column of header.slice(2)) expect([node.id, column, row?.[column]]).toEqual([node.id, column, expectedCell(node.props[column])]);
    }
  });

  it('keeps Vietnamese text as written (UTF-8, NFC as stored)', async () => {
    const { rows } = await csvOf('nodes.csv');
    const dost = rows.find((row) => row.id === 'Agency:dn-skhcn');
    expect(dost?.nameVi).toBe('Sở Khoa học và Công nghệ');
  });

  it('relationships.csv parsed back is every relationship with its provenance', async () => {
    const { header, rows } = await csvOf('relationships.csv');
    expect(header.slice(0, 3)).toEqual(['type', 'from', 'to']);
    expect(header).toEqual(expect.arrayContaining(['sourceDocument', 'sourceClause', 'sourceQuote', 'ordinal']));
    const edges = await allEdges(opened.store);
    expect(rows).toHaveLength(edges.length);
    const key = (type: string, from: string, to: string) => `${type} ${from} ${to}`;
    const byKey = new Map(rows.map((row) => [key(row.type!, row.from!, row.to!), row]));
    for (const edge of edges) {
      const row = byKey.get(key(edge.type, edge.from, edge.to));
      expect(row).toBeDefined();
      for (const column of header.slice(3)) expect([column, row?.[column]]).toEqual([column, expectedCell(edge.props[column])]);
    }
  });

  it('actuals.csv and task-reports.csv hold the records as stored, formula-like cells guarded and line breaks kept inside quotes', async () => {
    const actuals = await csvOf('actuals.csv');
    expect(actuals.rows).toHaveLength(1);
    const a = actuals.rows[0]!;
    expect(a.id).toBe(actual.id);
    expect(a.subject).toBe(actual.subject);
    expect(a.version).toBe('1');
    expect(a.value).toBe('12');
    expect(a.baseline).toBe('false');
    expect(a.retracted).toBe('false');
    expect(a.evidenceQuote).toBe('Năm 2023 đã tổ chức 12 lượt bồi dưỡng, "đo lường" (dữ liệu thử nghiệm).');
    expect(a.note).toBe(`'=HYPERLINK("http://example.invalid","synthetic")`);
    expect(a.evidenceDocument).toBe(`'-12/BC-TEST (synthetic test data)`);
    const reports = await csvOf('task-reports.csv');
    expect(reports.rows).toEqual([expect.objectContaining({ id: report.id, subject: report.subject, year: '2023', status: 'IN_PROGRESS', narrative: `'${String(report.fields.narrative)}` })]);
  });

  it('progress.csv has a row per target and per task, as of the date asked', async () => {
    const response = await get(open, 'progress.csv?asOf=2024-01-01');
    expect(response.status).toBe(200);
    const { rows } = parseCsvObjects((await response.text()).replace(/^\uFEFF/, ''));
    const targets = (await opened.store.listNodes({ kind: 'Target', offset: 0, limit: 1 })).totalCount;
    const tasks = (await opened.store.listNodes({ kind: 'Task', offset: 0, limit: 1 })).totalCount;
    expect(rows.filter((r) => r.subjectKind === 'Target')).toHaveLength(targets);
    expect(rows.filter((r) => r.subjectKind === 'Task')).toHaveLength(tasks);
    const [progress] = await opened.store.targetProgress({ ids: [actual.subject], asOf: '2024-01-01' });
    const row = rows.find((r) => r.subject === actual.subject);
    expect(row).toEqual(expect.objectContaining({ asOf: '2024-01-01', achieved: String(progress!.achieved), status: progress!.status, actualsCounted: '1' }));
  });

  it('reads the same rows whatever the page size of the port calls', async () => {
    const rows = async (pageSize: number) => {
      const all = [];
      for await (const page of EXPORT_TABLES.nodes.pages(opened.store, { call: {}, pageSize, asOf: '2024-01-01' })) all.push(...page);
      return all;
    };
    const small = await rows(7);
    expect(small.length).toBe((await allNodes(opened.store)).length);
    expect(small).toEqual(await rows(500));
  });
});

describe('GET /export/*.json', () => {
  it('graph.json holds every node and relationship with their properties, Vietnamese intact', async () => {
    const response = await get(open, 'graph.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="plan-\d{4}-\d{2}-\d{2}-graph\.json"/);
    const graph = (await response.json()) as { nodes: Record<string, PropertyValue>[]; relationships: Record<string, PropertyValue>[] };
    const nodes = await allNodes(opened.store);
    expect(graph.nodes).toHaveLength(nodes.length);
    const dost = graph.nodes.find((n) => n.id === 'Agency:dn-skhcn');
    expect(dost).toEqual(expect.objectContaining({ kind: 'Agency', nameVi: 'Sở Khoa học và Công nghệ' }));
    expect(dost).not.toHaveProperty('searchText');
    expect(graph.relationships).toHaveLength((await allEdges(opened.store)).length);
  });

  it('actuals.json holds the records with their values typed', async () => {
    const response = await get(open, 'actuals.json');
    const rows = (await response.json()) as Record<string, PropertyValue>[];
    expect(rows).toEqual([expect.objectContaining({ id: actual.id, value: 12, baseline: false, version: 1, note: actual.fields.note })]);
  });

  it('answers an unknown file with 404 naming the exports, and a bad asOf with 400 naming it', async () => {
    const unknown = await get(open, 'secrets.csv');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('/export/nodes.csv');
    const bad = await get(open, 'progress.csv?asOf=2024-13-01');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ message: expect.stringContaining('asOf') as string, extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' } }] });
  });
});

describe('export credentials and bounds', () => {
  it('refuses an anonymous export with 401 JSON when anonymous reads are off, and serves one with a reader key', async () => {
    const refused = await get(closed, 'nodes.csv');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const served = await get(closed, 'nodes.csv', { 'X-API-Key': readerKey });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).toString('utf8').startsWith('\uFEFFid,kind,')).toBe(true);
    const badKey = await get(open, 'nodes.csv', { 'X-API-Key': 'kg_not-a-key' });
    expect(badKey.status).toBe(401);
  });

  it('refuses exports beyond EXPORT_CONCURRENCY with 503 OVERLOADED and Retry-After, while those running finish whole', async () => {
    held.hold();
    const running = [get(open, 'nodes.csv'), get(open, 'graph.json')];
    await until(() => held.listNodesCalls() > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const hostile = await Promise.all(Array.from({ length: 20 }, () => get(open, 'relationships.csv')));
    for (const response of hostile) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OVERLOADED');
    }
    const reads = await fetch(`${open.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ node(id: "Agency:dn-skhcn") { id } }' }) });
    expect(reads.status).toBe(200);
    held.release();
    const [csv, json] = await Promise.all(running);
    expect(csv!.status).toBe(200);
    expect(parseCsvObjects(await csv!.text()).rows).toHaveLength((await allNodes(opened.store)).length);
    expect(((await json!.json()) as { nodes: unknown[] }).nodes).toHaveLength((await allNodes(opened.store)).length);
    const after = await get(open, 'relationships.csv');
    expect(after.status).toBe(200);
    await after.arrayBuffer();
  });

  it('stops reading when the client goes away, and frees its place', async () => {
    held.hold();
    const before = held.listNodesCalls();
    const client = new AbortController();
    const request = fetch(`${open.url}/export/nodes.csv`, { signal: client.signal }).catch((error: unknown) => error);
    await until(() => held.listNodesCalls() > before);
    client.abort();
    await request;
    await new Promise((resolve) => setTimeout(resolve, 100));
    held.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The call in progress when the client left was the last one the export made.
    expect(held.listNodesCalls()).toBe(before + 1);
    // Its place is freed once the store call it abandoned has wound down in the store.
    const status = async () => {
      const response = await get(open, 'nodes.json');
      await response.arrayBuffer();
      return response.status;
    };
    for (let i = 0; i < 100 && (await status()) !== 200; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await Promise.all([get(open, 'nodes.json'), get(open, 'nodes.json')]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
  });
});

describe('npm run export', () => {
  it('writes from a server (--url, with a key) the same CSV files it writes from the store directly', async () => {
    const viaServer = path.join(temp, 'via-server');
    const direct = path.join(temp, 'direct');
    const written = await runExport(parseExportCommand(['--out', viaServer, '--url', closed.url, '--api-key', readerKey, '--format', 'csv', '--as-of', '2024-01-01']));
    expect(written.map((w) => path.basename(w.file))).toEqual(['nodes.csv', 'relationships.csv', 'actuals.csv', 'task-reports.csv', 'progress.csv']);
    await exportFromStore(opened.store, { dir: direct, format: 'csv', asOf: '2024-01-01' });
    for (const { file } of written) expect(fs.readFileSync(file)).toEqual(fs.readFileSync(path.join(direct, path.basename(file))));
    expect(fs.readdirSync(viaServer).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('names the refusal when the server asks for credentials the command did not give', async () => {
    await expect(runExport(parseExportCommand(['--out', path.join(temp, 'refused'), '--url', closed.url, '--format', 'json']))).rejects.toThrow(
      /answered 401: This server answers authenticated requests only/,
    );
  });

  it('refuses bad options naming them', () => {
    expect(() => parseExportCommand([])).toThrow(/--out <dir> is required/);
    expect(() => parseExportCommand(['--out', 'x', '--format', 'xlsx'])).toThrow(/--format must be csv or json; got "xlsx"/);
    expect(() => parseExportCommand(['--out', 'x', '--token', 't'])).toThrow(/add --url/);
    expect(() => parseExportCommand(['--out', 'x', '--as-of', '2024-02-30'])).toThrow(/--as-of must be a date/);
  });
});
