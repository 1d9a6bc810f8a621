/**
 * The analyst part of the Neo4j adapter without a server:
 *
 * - Lucene query building and escaping;
 * - the adapter's own work (argument checks, short cuts that never reach
 *   the engine, breadth-first layers and truncation, path records, group
 *   ordering, parameters as neo4j Integers) through a scripted fake driver;
 * - the shared analytics contract, run over {@link CypherEmulator}: a fake
 *   driver that reads the Cypher text the adapter sends (labels, types,
 *   depths, WHERE fragments, RETURN columns) and answers it from an
 *   in-memory graph the way Neo4j 5 would. It checks everything the adapter
 *   does around the statements; whether Neo4j really answers them so is
 *   for test/store/neo4j.test.ts against a live server (the statements'
 *   syntax and schema are checked by test/store/neo4jCypher.test.ts).
 */
import { int, isInt, type Integer } from 'neo4j-driver';
import { StoreInputError } from '../../src/errors';
import { NODE_KINDS, propertiesOf, type NodeKind } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES } from '../../src/model/relationships';
import { ANALYTICS_LIMITS } from '../../src/store/analytics';
import { escapeLuceneTerm, luceneQuery } from '../../src/store/neo4j/statements/luceneQuery';
import { schemaStatements } from '../../src/store/neo4j/schema/schemaStatements';
import { createNeo4jStore, FakeDriver, type FakeAnswer as Answer } from '../support/fakeNeo4jDriver';
import { describeAnalyticsContract } from './analyticsContract';

const unexpected = (cypher: string): Answer => {
  throw new Error(`unexpected statement:\n${cypher}`);
};

// ---------------------------------------------------------------------------

describe('Lucene query of a search', () => {
  it('leaves folded terms as they are and asks for every term as a word or a word prefix', () => {
    expect(escapeLuceneTerm('kiem')).toBe('kiem');
    expect(escapeLuceneTerm('202')).toBe('202');
    expect(luceneQuery(['kiem', 'dinh', '202'])).toBe('+(kiem kiem*) +(dinh dinh*) +(202 202*)');
    expect(luceneQuery(['do', 'do', 'do'])).toBe('+(do do*)');
  });

  it('escapes every character the query parser gives a meaning, and whitespace', () => {
    const specials = '+-&|!(){}[]^"~*?:\\/';
    for (const c of specials) expect(escapeLuceneTerm(`a${c}b`)).toBe(`a\\${c}b`);
    expect(escapeLuceneTerm('a b\tc')).toBe('a\\ b\\\tc');
    expect(escapeLuceneTerm('x) OR (*:*')).toBe('x\\)\\ OR\\ \\(\\*\\:\\*');
    // Unescaped, every special character is preceded by a backslash: nothing is left for the parser to read as syntax.
    const hostile = `${specials} && || AND "a" \\"`;
    const escaped = escapeLuceneTerm(hostile);
    for (let i = 0; i < escaped.length; i += 1) {
      const c = escaped[i] as string;
      if (c === '\\') {
        i += 1;
        continue;
      }
      expect(specials.includes(c) || /\s/.test(c)).toBe(false);
    }
  });

  it('escapes the operator words so that they stay terms', () => {
    for (const word of ['AND', 'OR', 'NOT', 'TO', 'and', 'or']) expect(escapeLuceneTerm(word)).toBe(`\\${word}`);
    expect(escapeLuceneTerm('ANDROID')).toBe('ANDROID');
    expect(luceneQuery(['OR'])).toBe('+(\\OR \\OR*)');
  });
});

describe('schema for search', () => {
  it('creates a full-text index over searchText without stop words, next to the folding one', () => {
    const search = schemaStatements().find((s) => s.name === 'schema.searchIndex');
    expect(search?.text).toContain('CREATE FULLTEXT INDEX kg_node_search IF NOT EXISTS');
    expect(search?.text).toContain('ON EACH [n.searchText]');
    expect(search?.text).toContain("`fulltext.analyzer`: 'standard-no-stop-words'");
    for (const kind of NODE_KINDS) expect(search?.text).toMatch(new RegExp(`[:|]${kind}[|)]`));
  });
});

describe('the analyst methods over a scripted fake driver', () => {
  const allNullProps = (kind: NodeKind) => Object.fromEntries(propertiesOf(kind).map((p) => [p.name, null]));
  const edgeProps = (props: Record<string, unknown>) => ({ ...Object.fromEntries(RELATIONSHIP_PROPERTIES.map((p) => [p.name, null])), ...props });

  it('search: folds the terms again, sends one escaped Lucene query, filters kinds by label, pages with Integers', async () => {
    const fake = new FakeDriver((cypher) => {
      if (cypher.includes('count(node)')) return { rows: [{ total: int(3) }] };
      return {
        rows: [
          { id: 'LegalDocument:a', labels: ['LegalDocument'], props: { name: 'Decision 202', number: '202/QĐ-UBND', startYear: int(1) }, score: 2.5 },
          { id: 'Agency:b', labels: ['Agency'], props: { abbreviation: 'UBND' }, score: 1 },
        ],
      };
    });
    const store = createNeo4jStore(fake, undefined);
    const page = await store.search({ terms: ["QĐ'UBND", '202', 'qd'], kinds: ['Agency', 'LegalDocument', 'Agency'], offset: 5, limit: 2 });
    expect(page.totalCount).toBe(3);
    expect(page.items.map((h) => [h.node.id, h.node.kind, h.score])).toEqual([
      ['LegalDocument:a', 'LegalDocument', 2.5],
      ['Agency:b', 'Agency', 1],
    ]);
    // Only the registry properties of the node's kind, every one present.
    expect(page.items[0]?.node.props).toEqual({ ...allNullProps('LegalDocument'), name: 'Decision 202', number: '202/QĐ-UBND' });
    expect(page.items[1]?.node.props).toEqual({ ...allNullProps('Agency'), abbreviation: 'UBND' });
    const [count, rows] = fake.runs;
    expect(count?.params).toEqual({ query: '+(qd qd*) +(ubnd ubnd*) +(202 202*)' });
    expect(count?.cypher).toContain("CALL db.index.fulltext.queryNodes('kg_node_search', $query) YIELD node, score");
    expect(count?.cypher).toContain('WHERE node:LegalDocument|Agency');
    expect(rows?.cypher).toContain('ORDER BY score DESC, id ASC');
    expect(isInt(rows?.params.offset) && isInt(rows?.params.limit)).toBe(true);
    expect([String(rows?.params.offset), String(rows?.params.limit)]).toEqual(['5', '2']);
  });

  it('search: nothing to look for, or no kind allowed, never reaches the engine; bad arguments are refused first', async () => {
    const fake = new FakeDriver(unexpected);
    const store = createNeo4jStore(fake, undefined);
    expect(await store.search({ terms: ['*', '%', '\\', ''], offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
    expect(await store.search({ terms: ['do'], kinds: [], offset: 0, limit: 5 })).toEqual({ items: [], totalCount: 0 });
    await expect(store.search({ terms: [3 as unknown as string], offset: 0, limit: 5 })).rejects.toThrow(StoreInputError);
    await expect(store.search({ terms: ['do'], offset: 0, limit: 1.5 })).rejects.toThrow(/limit/);
    expect(fake.sessions).toHaveLength(0);
  });

  it('findPaths: a validated depth literal, types from the registry, end labels from the ids; records keep real directions', async () => {
    const path = {
      nodes: [
        { id: 'Agency:a', labels: ['Agency'], props: { name: 'A' } },
        { id: 'Task:t', labels: ['Task'], props: { ordinal: int(4) } },
        { id: 'Agency:b', labels: ['Agency'], props: {} },
      ],
      edges: [
        { type: 'LEADS', from: 'Agency:a', to: 'Task:t', props: { ordinal: int(1) } },
        { type: 'COORDINATES', from: 'Agency:b', to: 'Task:t', props: {} },
      ],
    };
    const fake = new FakeDriver(() => ({ rows: [path] }));
    const store = createNeo4jStore(fake, undefined);
    const [found] = await store.findPaths({ from: 'Agency:a', to: 'Agency:b', maxDepth: 4, mode: 'SHORTEST', types: ['COORDINATES', 'LEADS'], limit: 7 });
    expect(found?.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['Agency:a', 'Agency'],
      ['Task:t', 'Task'],
      ['Agency:b', 'Agency'],
    ]);
    expect(found?.nodes[1]?.props).toEqual({ ...allNullProps('Task'), ordinal: 4 });
    expect(found?.edges).toEqual([
      { type: 'LEADS', from: 'Agency:a', to: 'Task:t', props: edgeProps({ ordinal: 1 }) },
      { type: 'COORDINATES', from: 'Agency:b', to: 'Task:t', props: edgeProps({}) },
    ]);
    const [run] = fake.runs;
    expect(run?.cypher).toContain('MATCH (a:Agency {id: $from})\nMATCH (b:Agency {id: $to})');
    expect(run?.cypher).toContain('MATCH p = allShortestPaths((a)-[:LEADS|COORDINATES*1..4]-(b))');
    expect(run?.params).toEqual({ from: 'Agency:a', to: 'Agency:b', limit: int(7) });
  });

  it('findPaths ALL: asks for each length in turn with the room left, and stops once `limit` paths are found', async () => {
    const one = (i: number) => ({
      nodes: [
        { id: 'Task:a', labels: ['Task'], props: {} },
        { id: `Task:m${i}`, labels: ['Task'], props: {} },
        { id: 'Task:b', labels: ['Task'], props: {} },
      ],
      edges: [
        { type: 'CORRESPONDS_TO', from: 'Task:a', to: `Task:m${i}`, props: {} },
        { type: 'CORRESPONDS_TO', from: 'Task:b', to: `Task:m${i}`, props: {} },
      ],
    });
    const fake = new FakeDriver((cypher) => {
      if (cypher.includes('*1..1]')) return { rows: [] };
      if (cypher.includes('*2..2]')) return { rows: [one(1), one(2)] };
      if (cypher.includes('*3..3]')) return { rows: [one(3)] };
      return unexpected(cypher);
    });
    const store = createNeo4jStore(fake, undefined);
    const paths = await store.findPaths({ from: 'Task:a', to: 'Task:b', maxDepth: 5, mode: 'ALL', limit: 3 });
    expect(paths.map((p) => p.nodes[1]?.id)).toEqual(['Task:m1', 'Task:m2', 'Task:m3']);
    expect(fake.runs.map((r) => String(r.params.limit))).toEqual(['3', '3', '1']);
    for (const r of fake.runs) expect(r.cypher).toContain('WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))');
  });

  it('findPaths: refuses a path row that is not a chain of its relationships', async () => {
    const fake = new FakeDriver(() => ({
      rows: [{ nodes: [{ id: 'Task:a', labels: ['Task'], props: {} }, { id: 'Task:b', labels: ['Task'], props: {} }], edges: [{ type: 'LEADS', from: 'Agency:x', to: 'Task:b', props: {} }] }],
    }));
    const store = createNeo4jStore(fake, undefined);
    await expect(store.findPaths({ from: 'Task:a', to: 'Task:b', maxDepth: 1, mode: 'SHORTEST', limit: 1 })).rejects.toThrow(/does not join/);
  });

  it('findPaths / neighbourhood: bad arguments are refused before a session, empty lists give nothing without one', async () => {
    const fake = new FakeDriver(unexpected);
    const store = createNeo4jStore(fake, undefined);
    const base = { from: 'Task:a', to: 'Task:b', maxDepth: 3, mode: 'ALL', limit: 5 } as const;
    await expect(store.findPaths({ ...base, maxDepth: ANALYTICS_LIMITS.maxPathDepth + 1 })).rejects.toThrow(/maxDepth/);
    await expect(store.findPaths({ ...base, limit: ANALYTICS_LIMITS.maxPaths + 1 })).rejects.toThrow(/limit/);
    await expect(store.findPaths({ ...base, types: ['LEADS', 'NOPE' as never] })).rejects.toThrow(/NOPE/);
    expect(await store.findPaths({ ...base, types: [] })).toEqual([]);
    expect(await store.findPaths({ ...base, from: 'Task:A B' })).toEqual([]);
    await expect(store.neighbourhood({ ids: ['Task:a'], depth: ANALYTICS_LIMITS.maxNeighbourhoodDepth + 1, limit: 5 })).rejects.toThrow(/depth/);
    await expect(store.neighbourhood({ ids: ['Task:a'], depth: 1, limit: 5, kinds: ['Nope' as NodeKind] })).rejects.toThrow(/Nope/);
    expect(await store.neighbourhood({ ids: ['bad', 'Nope:x'], depth: 1, limit: 5 })).toEqual({ nodes: [], edges: [], truncated: false });
    expect(fake.sessions).toHaveLength(0);
  });

  it('neighbourhood: seeks start nodes per label, then one statement per layer with the room left plus one', async () => {
    const layers: Record<string, string[]> = { 'e:Task:a': ['Agency:x', 'Agency:y', 'Plan:p'] };
    const fake = new FakeDriver((cypher, params) => {
      if (cypher.startsWith('MATCH (n:Task)')) return { rows: [{ eid: 'e:Task:a', id: 'Task:a', props: {} }] };
      if (cypher.startsWith('MATCH (x)')) {
        const found = (params.frontier as string[]).flatMap((eid) => layers[eid] ?? []);
        const room = (params.room as Integer).toNumber();
        return { rows: found.slice(0, room).map((id) => ({ eid: `e:${id}`, id, labels: [id.split(':')[0]], props: {} })) };
      }
      if (cypher.startsWith('MATCH (a)-[e')) {
        expect(params.eids).toEqual(['e:Task:a', 'e:Agency:x']);
        return { rows: [{ relType: 'LEADS', fromId: 'Agency:x', toId: 'Task:a', props: {} }] };
      }
      return unexpected(cypher);
    });
    const store = createNeo4jStore(fake, undefined);
    const sub = await store.neighbourhood({ ids: ['Task:a'], depth: 3, limit: 2, types: ['LEADS', 'HAS_TASK'], kinds: ['Plan', 'Agency'] });
    expect(sub.nodes.map((n) => n.id)).toEqual(['Task:a', 'Agency:x']);
    expect(sub.truncated).toBe(true);
    expect(sub.edges).toEqual([{ type: 'LEADS', from: 'Agency:x', to: 'Task:a', props: edgeProps({}) }]);
    const layer = fake.runs[1];
    expect(layer?.cypher).toContain('MATCH (x)-[:HAS_TASK|LEADS]-(y:Plan|Agency)');
    expect(layer?.params).toEqual({ frontier: ['e:Task:a'], visited: ['e:Task:a'], room: int(2) });
    expect(fake.runs).toHaveLength(3);
  });

  it('counts: groups carry their keys only, come back ordered by key (null last), zero groups are dropped', async () => {
    const fake = new FakeDriver((cypher) => {
      if (cypher.includes('AS value')) {
        return {
          rows: [
            { value: null, count: int(4) },
            { value: int(2030), count: int(1) },
            { value: int(2025), count: int(9) },
          ],
        };
      }
      if (cypher.includes('UNION ALL')) return { rows: NODE_KINDS.map((kind, i) => ({ kind, count: int(i % 3) })) };
      if (cypher.includes('AS relType')) {
        return {
          rows: [
            { fromId: 'Agency:b', relType: 'LEADS', count: int(1) },
            { fromId: 'Agency:a', relType: 'LEADS', count: int(2) },
            { fromId: 'Agency:a', relType: 'COORDINATES', count: int(3) },
          ],
        };
      }
      if (cypher === "MATCH (n:Scheme)\nRETURN 'Scheme' AS kind, count(n) AS count") return { rows: [{ kind: 'Scheme', count: int(0) }] };
      return unexpected(cypher);
    });
    const store = createNeo4jStore(fake, undefined);
    expect(await store.countNodes({ kind: 'Task', groupBy: 'dueYear' })).toEqual([
      { value: 2025, count: 9 },
      { value: 2030, count: 1 },
      { value: null, count: 4 },
    ]);
    const byKind = await store.countNodes({});
    expect(byKind.map((g) => g.kind)).toEqual(NODE_KINDS.filter((_, i) => i % 3 !== 0).sort());
    expect(await store.countNodes({ kind: 'Scheme' })).toEqual([]);
    expect(await store.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['from', 'type'] })).toEqual([
      { from: 'Agency:a', type: 'COORDINATES', count: 3 },
      { from: 'Agency:a', type: 'LEADS', count: 2 },
      { from: 'Agency:b', type: 'LEADS', count: 1 },
    ]);
    const union = fake.runs.find((r) => r.cypher.includes('UNION ALL'));
    expect(union?.cypher.split('\nUNION ALL\n')).toHaveLength(NODE_KINDS.length);
    expect(union?.cypher).toContain("MATCH (n:Task)\nRETURN 'Task' AS kind, count(n) AS count");
    const edges = fake.runs.find((r) => r.cypher.includes('AS relType'));
    expect(edges?.cypher).toBe('MATCH (a:Agency)-[e:LEADS|COORDINATES]->(b:Task)\nRETURN a.id AS fromId, type(e) AS relType, count(e) AS count');
  });

  it('counts: bad keys and properties are refused naming them, before a session', async () => {
    const fake = new FakeDriver(unexpected);
    const store = createNeo4jStore(fake, undefined);
    await expect(store.countNodes({ where: [{ property: 'nope', eq: 1 }] })).rejects.toThrow(/nope/);
    // Without a kind, only what every kind has (as on Kùzu).
    await expect(store.countNodes({ where: [{ property: 'timeframe', eq: 'ANNUAL' }] })).rejects.toThrow(/timeframe/);
    await expect(store.countNodes({ kind: 'Task', groupBy: 'startYear' })).rejects.toThrow(/startYear/);
    expect(await store.countEdges({ types: ['LEADS'], groupBy: ['from'], fromKinds: ['Task'] })).toEqual([]);
    expect(fake.sessions).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------
// The contract over an emulation of Neo4j.

interface StoredNode {
  readonly id: string;
  readonly label: string;
  readonly props: Map<string, unknown>;
}

interface StoredEdge {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly props: Map<string, unknown>;
}

/**
 * Answers the statement shapes of the Neo4j adapter from an in-memory graph,
 * reading what to do from the Cypher text itself. Any other statement
 * throws, so a change in the adapter's Cypher shows up here too.
 */
class CypherEmulator {
  readonly nodes = new Map<string, StoredNode>();
  readonly edges: StoredEdge[] = [];

  answer(cypher: string, params: Record<string, unknown>): Answer {
    const lines = cypher.split('\n');
    const first = lines[0] ?? '';
    let m: RegExpExecArray | null;
    if (cypher.startsWith('CREATE ')) return {};
    if ((m = /^MERGE \(n:(\w+) \{id: r\.id\}\)$/.exec(lines[1] ?? '')) && first === 'UNWIND $rows AS r') return this.mergeNodes(m[1] as string, params);
    if ((m = /^MERGE \(a\)-\[e:(\w+)\]->\(b\)$/.exec(lines[3] ?? ''))) return this.mergeEdges(lines, m[1] as string, params);
    if ((m = /^MATCH \(n:(\w+)\)$/.exec(first)) && lines[1] === 'WHERE n.id IN $ids') {
      const ids = params.ids as string[];
      const found = ids.map((id) => this.nodes.get(id)).filter((n): n is StoredNode => n !== undefined && n.label === m?.[1]);
      const withEid = (lines[2] ?? '').startsWith('RETURN elementId(n) AS eid');
      return { rows: found.map((n) => ({ ...(withEid ? { eid: eid(n.id) } : {}), id: n.id, props: project(n.props, lines[2] ?? '') })) };
    }
    if (first === 'UNWIND $keys AS k' && /^MATCH \(a:\w+ \{id: k\.from\}\)-\[e:\w+\]->\(b:\w+ \{id: k\.to\}\)$/.test(lines[1] ?? '')) {
      return this.getEdges(lines, params);
    }
    if (first.startsWith('CALL db.index.fulltext.queryNodes(')) return this.search(lines, params);
    if ((m = /^MATCH \(a:(\w+) \{id: \$from\}\)$/.exec(first))) return this.paths(lines, m[1] as string, params);
    if (first.startsWith('MATCH (x)')) return this.layer(lines, params);
    if (first.startsWith('MATCH (a)-[e') && lines[1] === 'WHERE elementId(a) IN $eids AND elementId(b) IN $eids') {
      const types = typesOf(first);
      const eids = new Set(params.eids as string[]);
      return {
        rows: this.edges
          .filter((e) => (!types || types.includes(e.type)) && eids.has(eid(e.from)) && eids.has(eid(e.to)))
          .map((e) => ({ relType: e.type, fromId: e.from, toId: e.to, props: project(e.props, lines[2] ?? '') })),
      };
    }
    if (/^MATCH \(n:\w+\)$/.test(first)) return this.countNodes(cypher, params);
    if (/^MATCH \(a:[\w|]+\)-\[e:[\w|]+\]->\(b:[\w|]+\)$/.test(first) && cypher.includes('count(e) AS count')) return this.countEdges(lines, params);
    return unexpected(cypher);
  }

  private mergeNodes(label: string, params: Record<string, unknown>): Answer {
    let created = 0;
    let updated = 0;
    for (const row of params.rows as { id: string; props: Record<string, unknown> }[]) {
      let n = this.nodes.get(row.id);
      if (!n) {
        this.nodes.set(row.id, (n = { id: row.id, label, props: new Map() }));
        created += 1;
      } else if (differs(n.props, row.props)) updated += 1;
      setAll(n.props, row.props);
    }
    return { rows: [{ merged: int((params.rows as unknown[]).length), updated: int(updated) }], nodesCreated: created };
  }

  private mergeEdges(lines: string[], type: string, params: Record<string, unknown>): Answer {
    const a = /^MATCH \(a:(\w+) \{id: r\.from\}\)$/.exec(lines[1] ?? '')?.[1];
    const b = /^MATCH \(b:(\w+) \{id: r\.to\}\)$/.exec(lines[2] ?? '')?.[1];
    let merged = 0;
    let created = 0;
    let updated = 0;
    for (const row of params.rows as { from: string; to: string; props: Record<string, unknown> }[]) {
      if (this.nodes.get(row.from)?.label !== a || this.nodes.get(row.to)?.label !== b) continue;
      merged += 1;
      let e = this.edges.find((x) => x.type === type && x.from === row.from && x.to === row.to);
      if (!e) {
        this.edges.push((e = { type, from: row.from, to: row.to, props: new Map() }));
        created += 1;
      } else if (differs(e.props, row.props)) updated += 1;
      setAll(e.props, row.props);
    }
    return { rows: [{ merged: int(merged), updated: int(updated) }], relationshipsCreated: created };
  }

  /** `UNWIND $keys AS k MATCH (a:A {id: k.from})-[e:T]->(b:B {id: k.to}) RETURN k.i AS i, e {...} AS props`. */
  private getEdges(lines: string[], params: Record<string, unknown>): Answer {
    const [, a, type, b] = /^MATCH \(a:(\w+) \{id: k\.from\}\)-\[e:(\w+)\]->\(b:(\w+) \{id: k\.to\}\)$/.exec(lines[1] ?? '') ?? [];
    expect(lines[2]).toMatch(/^RETURN k\.i AS i, e \{.*\} AS props$/);
    const rows: Record<string, unknown>[] = [];
    for (const k of params.keys as { i: unknown; from: string; to: string }[]) {
      if (this.nodes.get(k.from)?.label !== a || this.nodes.get(k.to)?.label !== b) continue;
      const e = this.edges.find((x) => x.type === type && x.from === k.from && x.to === k.to);
      if (e) rows.push({ i: k.i, props: project(e.props, lines[2] ?? '') });
    }
    return { rows };
  }

  /** Lucene over `searchText` (standard-no-stop-words: words of letters and digits, lower case), BM25 for exact words, 1 per prefix clause. */
  private search(lines: string[], params: Record<string, unknown>): Answer {
    expect(lines[0]).toBe("CALL db.index.fulltext.queryNodes('kg_node_search', $query) YIELD node, score");
    const groups = parseLucene(String(params.query));
    const labels = /^WHERE node:([\w|]+)$/.exec(lines[1] ?? '')?.[1]?.split('|');
    const docs = [...this.nodes.values()]
      .filter((n) => typeof n.props.get('searchText') === 'string')
      .map((n) => ({ node: n, words: String(n.props.get('searchText')).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean) }));
    const average = docs.reduce((sum, d) => sum + d.words.length, 0) / Math.max(1, docs.length);
    const hits: { node: StoredNode; score: number }[] = [];
    for (const doc of docs) {
      let score = 0;
      let all = true;
      for (const clauses of groups) {
        let matched = false;
        for (const { text, prefix } of clauses) {
          const tf = doc.words.filter((w) => (prefix ? w.startsWith(text) : w === text)).length;
          if (tf === 0) continue;
          matched = true;
          if (prefix) score += 1;
          else {
            const df = docs.filter((d) => d.words.includes(text)).length;
            const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
            score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * doc.words.length) / average));
          }
        }
        all &&= matched;
      }
      if (all && (!labels || labels.includes(doc.node.label))) hits.push({ node: doc.node, score: Math.fround(score) });
    }
    if (lines.some((l) => l === 'RETURN count(node) AS total')) return { rows: [{ total: int(hits.length) }] };
    expect(lines.slice(-3)).toEqual(['ORDER BY score DESC, id ASC', 'SKIP $offset', 'LIMIT $limit']);
    hits.sort((x, y) => y.score - x.score || cmp(x.node.id, y.node.id));
    const skip = (params.offset as Integer).toNumber();
    const rows = hits.slice(skip, skip + (params.limit as Integer).toNumber());
    return { rows: rows.map((h) => ({ id: h.node.id, labels: [h.node.label], props: project(h.node.props, lines[lines.length - 4] ?? ''), score: h.score })) };
  }

  private paths(lines: string[], fromLabel: string, params: Record<string, unknown>): Answer {
    const toLabel = /^MATCH \(b:(\w+) \{id: \$to\}\)$/.exec(lines[1] ?? '')?.[1];
    const a = this.nodes.get(String(params.from));
    const b = this.nodes.get(String(params.to));
    if (!a || !b || a.label !== fromLabel || b.label !== toLabel) return { rows: [] };
    const shortest = /^MATCH p = allShortestPaths\(\(a\)-\[(:[\w|]+)?\*1\.\.(\d)\]-\(b\)\)$/.exec(lines[2] ?? '');
    const fixed = /^MATCH p = \(a\)-\[(:[\w|]+)?\*(\d)\.\.(\d)\]-\(b\)$/.exec(lines[2] ?? '');
    const spec = shortest ?? fixed;
    if (!spec) return unexpected(lines.join('\n'));
    if (shortest && a.id === b.id) throw new Error('Neo4j refuses a shortest path from a node to itself');
    const types = spec[1]?.slice(1).split('|');
    const max = Number(spec[shortest ? 2 : 3]);
    const min = shortest ? 1 : Number(spec[2]);
    const uniqueNodes = lines[3] === 'WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))';
    const found: { ids: string[]; edges: StoredEdge[] }[] = [];
    const walk = (ids: string[], used: StoredEdge[]): void => {
      const last = ids[ids.length - 1] as string;
      if (used.length >= min && last === b.id) found.push({ ids, edges: used });
      if (used.length === max) return;
      for (const e of this.edges) {
        if ((types && !types.includes(e.type)) || used.includes(e)) continue;
        const next = e.from === last ? e.to : e.to === last ? e.from : undefined;
        if (next !== undefined) walk([...ids, next], [...used, e]);
      }
    };
    walk([a.id], []);
    let paths = uniqueNodes ? found.filter((p) => new Set(p.ids).size === p.ids.length) : found;
    if (shortest) paths = paths.filter((p) => p.edges.length === Math.min(...paths.map((q) => q.edges.length)));
    expect(lines.slice(-3, -1)).toEqual(['ORDER BY nodeIds ASC, relTypes ASC, relStarts ASC', 'LIMIT $limit']);
    const key = (p: { ids: string[]; edges: StoredEdge[] }) => [...p.ids, ...p.edges.map((e) => e.type), ...p.edges.map((e) => e.from)];
    paths.sort((x, y) => {
      const [kx, ky] = [key(x), key(y)];
      for (let i = 0; i < Math.min(kx.length, ky.length); i += 1) if (kx[i] !== ky[i]) return cmp(kx[i] as string, ky[i] as string);
      return kx.length - ky.length;
    });
    const last = lines[lines.length - 1] ?? '';
    return {
      rows: paths.slice(0, (params.limit as Integer).toNumber()).map((p) => ({
        nodes: p.ids.map((id) => {
          const n = this.nodes.get(id) as StoredNode;
          return { id, labels: [n.label], props: project(n.props, last) };
        }),
        edges: p.edges.map((e) => ({ type: e.type, from: e.from, to: e.to, props: project(e.props, last.slice(last.indexOf('relationships(p)'))) })),
      })),
    };
  }

  private layer(lines: string[], params: Record<string, unknown>): Answer {
    const m = /^MATCH \(x\)-\[(:[\w|]+)?\]-\(y(:[\w|]+)?\)$/.exec(lines[0] ?? '');
    if (!m) return unexpected(lines.join('\n'));
    expect(lines.slice(1, 5)).toEqual(['WHERE elementId(x) IN $frontier AND NOT elementId(y) IN $visited', 'WITH DISTINCT y', 'ORDER BY y.id ASC', 'LIMIT $room']);
    const types = m[1]?.slice(1).split('|');
    const labels = m[2]?.slice(1).split('|');
    const frontier = new Set(params.frontier as string[]);
    const visited = new Set(params.visited as string[]);
    const reached = new Set<string>();
    for (const e of this.edges) {
      if (types && !types.includes(e.type)) continue;
      if (frontier.has(eid(e.from))) reached.add(e.to);
      if (frontier.has(eid(e.to))) reached.add(e.from);
    }
    const rows = [...reached]
      .map((id) => this.nodes.get(id) as StoredNode)
      .filter((n) => !visited.has(eid(n.id)) && (!labels || labels.includes(n.label)))
      .sort((x, y) => cmp(x.id, y.id))
      .slice(0, (params.room as Integer).toNumber());
    return { rows: rows.map((n) => ({ eid: eid(n.id), id: n.id, labels: [n.label], props: project(n.props, lines[5] ?? '') })) };
  }

  private countNodes(cypher: string, params: Record<string, unknown>): Answer {
    const rows: Record<string, unknown>[] = [];
    for (const branch of cypher.split('\nUNION ALL\n')) {
      const lines = branch.split('\n');
      const label = /^MATCH \(n:(\w+)\)$/.exec(lines[0] ?? '')?.[1];
      const where = lines[1]?.startsWith('WHERE ') ? lines[1].slice(6) : undefined;
      const ret = lines[lines.length - 1] ?? '';
      const matched = [...this.nodes.values()].filter((n) => n.label === label && (!where || holds(where, 'n', n.props, params)));
      const byKind = /^RETURN '(\w+)' AS kind, count\(n\) AS count$/.exec(ret);
      const byValue = /^RETURN n\.(\w+) AS value, count\(n\) AS count$/.exec(ret);
      if (byKind) rows.push({ kind: byKind[1], count: int(matched.length) });
      else if (byValue) {
        const groups = new Map<unknown, number>();
        for (const n of matched) {
          const v = plain(n.props.get(byValue[1] as string));
          groups.set(v, (groups.get(v) ?? 0) + 1);
        }
        for (const [value, count] of groups) rows.push({ value: typeof value === 'number' ? int(value) : value, count: int(count) });
      } else if (ret === 'RETURN count(n) AS count') rows.push({ count: int(matched.length) });
      else return unexpected(cypher);
    }
    return { rows };
  }

  private countEdges(lines: string[], params: Record<string, unknown>): Answer {
    const m = /^MATCH \(a:([\w|]+)\)-\[e:([\w|]+)\]->\(b:([\w|]+)\)$/.exec(lines[0] ?? '') as RegExpExecArray;
    const [from, types, to] = [m[1], m[2], m[3]].map((s) => String(s).split('|')) as [string[], string[], string[]];
    const where = lines[1]?.startsWith('WHERE ') ? lines[1].slice(6) : undefined;
    const ret = /^RETURN (.*)$/.exec(lines[lines.length - 1] ?? '')?.[1]?.split(', ') ?? [];
    const columns = ret.slice(0, -1).map((c) => /^(type\(e\)|a\.id|b\.id) AS (\w+)$/.exec(c) as RegExpExecArray);
    const groups = new Map<string, { row: Record<string, unknown>; count: number }>();
    for (const e of this.edges) {
      const a = this.nodes.get(e.from) as StoredNode;
      const b = this.nodes.get(e.to) as StoredNode;
      if (!types.includes(e.type) || !from.includes(a.label) || !to.includes(b.label)) continue;
      if (where && !holds(where, 'b', new Map([...b.props, ['id', b.id]]), params)) continue;
      const row = Object.fromEntries(columns.map(([, expr, alias]) => [alias, expr === 'type(e)' ? e.type : expr === 'a.id' ? a.id : b.id]));
      const key = JSON.stringify(row);
      const group = groups.get(key) ?? { row, count: 0 };
      group.count += 1;
      groups.set(key, group);
    }
    if (columns.length === 0) return { rows: [{ count: int(groups.get('{}')?.count ?? 0) }] };
    return { rows: [...groups.values()].map((g) => ({ ...g.row, count: int(g.count) })) };
  }
}

/** Element ids of the emulation. */
function eid(id: string): string {
  return `4:emulated:${id}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plain(value: unknown): unknown {
  return isInt(value) ? (value as Integer).toNumber() : (value ?? null);
}

/** True when a property of `props` holds another value in `stored` (null: absent), as the upsert statements compare. */
function differs(stored: Map<string, unknown>, props: Record<string, unknown>): boolean {
  const plain = (v: unknown): unknown => (isInt(v) ? (v as Integer).toNumber() : (v ?? null));
  return Object.entries(props).some(([key, value]) => plain(stored.get(key)) !== plain(value));
}

function setAll(target: Map<string, unknown>, props: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(props)) {
    if (value === null) target.delete(key);
    else target.set(key, value);
  }
}

/** The first map projection `v {.a, .b}` of a RETURN line, applied to `props` (missing: null). */
function project(props: Map<string, unknown>, text: string): Record<string, unknown> {
  const names = /\w+ \{((?:\.\w+(?:, )?)+)\}/.exec(text)?.[1]?.split(', ').map((p) => p.slice(1));
  if (!names) throw new Error(`no map projection in ${text}`);
  return Object.fromEntries(names.map((name) => [name, props.get(name) ?? null]));
}

function typesOf(match: string): string[] | undefined {
  return /\[e?(:[\w|]+)?\]/.exec(match)?.[1]?.slice(1).split('|');
}

/** The WHERE fragments of conditionFragment, ANDed, with Cypher's null semantics (null is not true). */
function holds(where: string, variable: string, props: Map<string, unknown>, params: Record<string, unknown>): boolean {
  return where.split(' AND ').every((predicate) => {
    const m = new RegExp(`^${variable}\\.(\\w+) (=|IN|<=|>=|CONTAINS|IS NULL)(?: \\$(\\w+))?$`).exec(predicate);
    if (!m) throw new Error(`unexpected predicate ${predicate}`);
    const value = plain(props.get(m[1] as string));
    const param = m[3] === undefined ? undefined : params[m[3]];
    if (m[2] === 'IS NULL') return value === null;
    if (value === null) return false;
    switch (m[2]) {
      case '=':
        return value === plain(param);
      case 'IN':
        return (param as unknown[]).map(plain).includes(value);
      case '<=':
        return (value as number) <= (plain(param) as number);
      case '>=':
        return (value as number) >= (plain(param) as number);
      default:
        return String(value).includes(String(param));
    }
  });
}

/** Parses `+(t t*) +(u u*)` as the classic query parser would (backslash escapes), refusing anything else. */
function parseLucene(query: string): { text: string; prefix: boolean }[][] {
  const groups: { text: string; prefix: boolean }[][] = [];
  let i = 0;
  const fail = () => new Error(`unexpected Lucene query ${query}`);
  while (i < query.length) {
    if (query.slice(i, i + 2) !== '+(') throw fail();
    i += 2;
    const clauses: { text: string; prefix: boolean }[] = [];
    for (;;) {
      let text = '';
      while (i < query.length && !/[\s()*]/.test(query[i] as string)) {
        if (query[i] === '\\') i += 1;
        text += query[i] ?? '';
        i += 1;
      }
      const prefix = query[i] === '*';
      if (prefix) i += 1;
      if (text === '') throw fail();
      clauses.push({ text: text.toLowerCase(), prefix });
      if (query[i] === ')') break;
      if (query[i] !== ' ') throw fail();
      i += 1;
    }
    i += 1;
    groups.push(clauses);
    if (i < query.length) {
      if (query[i] !== ' ') throw fail();
      i += 1;
    }
  }
  return groups;
}

describeAnalyticsContract('neo4j adapter over a Cypher emulator', async () => {
  const emulator = new CypherEmulator();
  return createNeo4jStore(new FakeDriver((cypher, params) => emulator.answer(cypher, params)), undefined);
});
