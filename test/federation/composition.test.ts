import { buildSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, parse, print, printSchema, type DocumentNode } from 'graphql';
import { ARCHIVE_TYPE_DEFS } from '../../src/federation/archiveSubgraph';
import { composeSupergraph, planSubgraphTypeDefs } from '../../src/federation/composeSupergraph';
import { buildSchema } from '../../src/schema';
import { NODE_KINDS } from '../../src/model/kinds';
import { startTestApi, type TestApi } from '../support/api';

const plan = { name: 'plan-knowledge-graph', url: 'http://plan.invalid/graphql', typeDefs: planSubgraphTypeDefs() };
const archive = { name: 'document-archive', url: 'http://archive.invalid/graphql', typeDefs: ARCHIVE_TYPE_DEFS };

describe('composition', () => {
  it('the subgraph alone composes with no errors and no hints', () => {
    const { supergraphSdl, hints } = composeSupergraph([plan]);
    expect(hints).toEqual([]);
    expect(supergraphSdl).toContain('join__type(graph: PLAN_KNOWLEDGE_GRAPH, key: "id")');
  });

  it('composes with the example archive subgraph with no errors and no hints', () => {
    const { supergraphSdl, hints } = composeSupergraph([plan, archive]);
    expect(hints).toEqual([]);
    expect(supergraphSdl).toContain('join__type(graph: DOCUMENT_ARCHIVE, key: "number")');
  });

  it('fails loudly when subgraphs conflict', () => {
    const clash = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Agency @key(fields: "id") { id: ID! name: Int }
    `);
    expect(() => composeSupergraph([plan, { name: 'clash', url: 'http://clash.invalid', typeDefs: clash }])).toThrow(/Composition failed/);
  });
});

describe('the subgraph schema', () => {
  it('makes every node kind an entity keyed by id, enterprises and documents also by natural keys', () => {
    const sdl = print(planSubgraphTypeDefs());
    for (const kind of NODE_KINDS) expect(sdl).toMatch(new RegExp(`type ${kind} implements Node @key\\(fields: "id"\\)`));
    expect(sdl).toContain('type Enterprise implements Node @key(fields: "id") @key(fields: "taxCode")');
    expect(sdl).toContain('type LegalDocument implements Node @key(fields: "id") @key(fields: "number")');
  });

  it('plain and federated builds both check out, and only the federated one has _service/_entities', () => {
    const plain = buildSchema({ federation: false });
    const federated = buildSchema({ federation: true });
    expect(Object.keys(plain.getQueryType()?.getFields() ?? {})).not.toContain('_service');
    expect(Object.keys(federated.getQueryType()?.getFields() ?? {})).toEqual(expect.arrayContaining(['_service', '_entities', 'node']));
  });
});

describe('_service { sdl }', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
  });
  afterAll(async () => {
    await api.close();
  });

  it('is the schema the repo ships: the same types, fields, descriptions and entity keys', async () => {
    const result = await api.execute('{ _service { sdl } }');
    expect(result.errors).toBeUndefined();
    const served = result.data._service.sdl as string;
    const canonical = (sdl: DocumentNode) => printSchema(lexicographicSortSchema(buildSubgraphSchema(sdl)));
    expect(canonical(parse(served))).toBe(canonical(planSubgraphTypeDefs()));
    const keysOf = (sdl: string) => [...sdl.replace(/\s+/g, ' ').matchAll(/type (\w+)[^{]*?((?: @key\(fields: "\w+"\))+)/g)].map((m) => `${m[1]}${m[2]}`).sort();
    expect(keysOf(served)).toEqual(keysOf(print(planSubgraphTypeDefs())));
    expect(keysOf(served)).toHaveLength(NODE_KINDS.length);
  });
});
