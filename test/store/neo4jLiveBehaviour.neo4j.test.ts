/**
 * What only a live Neo4j shows, beyond the shared contracts (which run on it in
 * test/store/neo4j.test.ts) and the EXPLAIN check of every statement: that the
 * planner really uses the indexes the schema creates, how the full-text
 * analyzer treats Vietnamese folded words and ranks them, how integers,
 * booleans and dates travel through the driver, and that a
 * `neo4j://` (routing) URI works, reads and writes going to the members the
 * routing table names.
 */
import { auth, driver as neo4jDriver, type Driver } from 'neo4j-driver';
import { openNeo4jStore } from '../../src/store/neo4j/openNeo4jStore';
import { getNodesStatement } from '../../src/store/neo4j/statements/getNodes';
import type { GraphStore, NodeRecord } from '../../src/store/port';
import { foldText } from '../../src/model/text';
import { neo4jTestTarget } from '../support/neo4jTestTarget';
import { openEmptyNeo4jStore } from '../support/openTestStore';

const target = neo4jTestTarget();
let driver: Driver;
let store: GraphStore;

/** The operators of a query plan, depth first. */
function operators(plan: { operatorType: string; children: unknown[] }): string[] {
  return [plan.operatorType, ...plan.children.flatMap((child) => operators(child as typeof plan))];
}

function task(key: string, props: Record<string, unknown>): NodeRecord {
  const all = { name: null, nameVi: null, ...props } as Record<string, unknown>;
  const text = foldText([all.name, all.nameVi].filter((v): v is string => typeof v === 'string').join(' '));
  return { id: `Task:${key}`, kind: 'Task', props: { ...all, searchText: text } as NodeRecord['props'] };
}

beforeAll(async () => {
  store = await openEmptyNeo4jStore();
  driver = neo4jDriver(target.uri, auth.basic(target.username, target.password));
});

afterAll(async () => {
  await store.close();
  await driver.close();
});

async function run(text: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ ...(target.database ? { database: target.database } : {}) });
  try {
    return await session.run(text, params);
  } finally {
    await session.close();
  }
}

describe('a live Neo4j', () => {
  it('seeks nodes by id through the index of the uniqueness constraint, never scanning the label', async () => {
    const nodes = Array.from({ length: 50 }, (_, i) => task(`idx-${i}`, { name: `task ${i}` }));
    await store.upsert({ nodes, edges: [] });
    const statement = getNodesStatement('Task', ['Task:idx-3', 'Task:idx-7']);
    const result = await run(`PROFILE ${statement.text}`, { ...statement.params });
    expect(result.records.map((r) => r.get('id'))).toEqual(expect.arrayContaining(['Task:idx-3', 'Task:idx-7']));
    const plan = operators(result.summary.profile as unknown as { operatorType: string; children: unknown[] });
    expect(plan.some((op) => /NodeUniqueIndexSeek/.test(op))).toBe(true);
    expect(plan.some((op) => /NodeByLabelScan|AllNodesScan/.test(op))).toBe(false);
  });

  it("keeps English stop words that are Vietnamese words ('an' of 'an toàn'), folds diacritics and ranks the closer match first", async () => {
    await store.upsert({
      nodes: [
        task('fts-1', { nameVi: 'Bảo đảm an toàn đo lường' }),
        task('fts-2', { nameVi: 'Kiểm định phương tiện đo lường trong doanh nghiệp và bảo đảm chất lượng sản phẩm hàng hóa' }),
        task('fts-3', { nameVi: 'Hiệu chuẩn' }),
      ],
      edges: [],
    });
    const safety = await store.search({ terms: ['an', 'toan'], offset: 0, limit: 10 });
    expect(safety.items.map((h) => h.node.id)).toEqual(['Task:fts-1']);
    const measuring = await store.search({ terms: ['do', 'luong'], offset: 0, limit: 10 });
    expect(measuring.items.map((h) => h.node.id)).toEqual(['Task:fts-1', 'Task:fts-2']);
    const [short, long] = measuring.items;
    expect(short?.score).toBeGreaterThan(long?.score ?? Infinity);
    // A word prefix matches on Neo4j (documented in the port's search contract).
    expect((await store.search({ terms: ['hieu', 'chua'], offset: 0, limit: 10 })).items.map((h) => h.node.id)).toEqual(['Task:fts-3']);
  });

  it('stores int properties as INTEGER (up to 2^53 - 1) and gives them back as JS numbers; booleans stay BOOLEAN, dates ISO strings', async () => {
    const big = 2 ** 53 - 1;
    await store.upsert({
      nodes: [
        { id: 'Target:num-1', kind: 'Target', props: { quantity: big, year: 2030, name: null } as NodeRecord['props'] },
        { id: 'Target:num-2', kind: 'Target', props: { quantity: -7, year: 2025, name: null } as NodeRecord['props'] },
        { id: 'LegalDocument:date-1', kind: 'LegalDocument', props: { issuedOn: '2019-05-13', number: '202/QĐ-UBND' } as NodeRecord['props'] },
        task('bool-1', { recurring: true, ordinal: 0 }),
      ],
      edges: [],
    });
    const types = await run(
      'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, valueType(n.quantity) AS quantity, valueType(n.issuedOn) AS issuedOn, valueType(n.recurring) AS recurring ORDER BY id',
      { ids: ['Target:num-1', 'Target:num-2', 'LegalDocument:date-1', 'Task:bool-1'] },
    );
    const byId = Object.fromEntries(types.records.map((r) => [r.get('id'), r.toObject()]));
    expect(byId['Target:num-1']?.quantity).toBe('INTEGER NOT NULL');
    expect(byId['Target:num-2']?.quantity).toBe('INTEGER NOT NULL');
    expect(byId['LegalDocument:date-1']?.issuedOn).toBe('STRING NOT NULL');
    expect(byId['Task:bool-1']?.recurring).toBe('BOOLEAN NOT NULL');
    const read = await store.getNodes(['Target:num-1', 'Target:num-2', 'LegalDocument:date-1', 'Task:bool-1']);
    expect(read.map((n) => n?.props.quantity ?? n?.props.issuedOn ?? n?.props.recurring)).toEqual([big, -7, '2019-05-13', true]);
    expect(typeof read[0]?.props.quantity).toBe('number');
    expect(read[3]?.props.ordinal).toBe(0);
  });

  it('works through a neo4j:// routing URI: the routing table names the server for reads and writes, and the store reads and writes through it', async () => {
    const routingUri = target.uri.replace(/^bolt:/, 'neo4j:');
    const table = await run('CALL dbms.routing.getRoutingTable({}, $database)', { database: target.database ?? 'neo4j' });
    const servers = table.records[0]?.get('servers') as { role: string; addresses: string[] }[];
    expect(servers.map((s) => s.role).sort()).toEqual(['READ', 'ROUTE', 'WRITE']);
    const routed = await openNeo4jStore({ uri: routingUri, username: target.username, password: target.password, ...(target.database ? { database: target.database } : {}) });
    try {
      await routed.upsert({ nodes: [task('routed-1', { name: 'through routing' })], edges: [] });
      expect((await routed.getNodes(['Task:routed-1']))[0]?.props.name).toBe('through routing');
      expect((await store.getNodes(['Task:routed-1']))[0]?.id).toBe('Task:routed-1');
    } finally {
      await routed.close();
    }
  });
});
