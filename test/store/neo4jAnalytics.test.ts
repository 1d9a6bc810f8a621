/**
 * The analyst part of the Neo4j adapter without a server:
 *
 * - Lucene query building and escaping;
 * - the adapter's own work (argument checks, short cuts that never reach
 *   the engine, breadth-first layers and truncation, path records, group
 *   ordering, parameters as neo4j Integers) through a scripted fake driver.
 *
 * What Neo4j answers to these statements is checked against a live server:
 * the shared analytics contract runs in test/store/neo4j.test.ts (the `neo4j`
 * jest project), which replaced an in-memory emulation of Neo4j's Cypher kept
 * here until the project started a real Neo4j in CI.
 */
import { int, isInt, type Integer } from 'neo4j-driver';
import { StoreInputError } from '../../src/errors';
import { NODE_KINDS, propertiesOf, type NodeKind } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES } from '../../src/model/relationships';
import { ANALYTICS_LIMITS } from '../../src/store/analytics';
import { escapeLuceneTerm, luceneQuery } from '../../src/store/neo4j/statements/luceneQuery';
import { schemaStatements } from '../../src/store/neo4j/schema/schemaStatements';
import { createNeo4jStore, FakeDriver, type FakeAnswer as Answer } from '../support/fakeNeo4jDriver';

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
