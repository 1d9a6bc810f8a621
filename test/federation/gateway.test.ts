import type { ApolloServer } from '@apollo/server';
import { ARCHIVE_TYPE_DEFS } from '../../src/federation/archiveSubgraph';
import { planSubgraphTypeDefs } from '../../src/federation/composeSupergraph';
import { createGateway } from '../../src/federation/createGateway';
import { startArchiveSubgraph, type RunningSubgraph } from '../../src/federation/startArchiveSubgraph';
import { startTestServer, type TestServer } from '../support/server';

let plan: TestServer;
let archive: RunningSubgraph;
let gateway: ApolloServer;

beforeAll(async () => {
  plan = await startTestServer();
  archive = await startArchiveSubgraph(0);
  gateway = createGateway([
    { name: 'plan-knowledge-graph', url: `${plan.url}/graphql`, typeDefs: planSubgraphTypeDefs() },
    { name: 'document-archive', url: archive.url, typeDefs: ARCHIVE_TYPE_DEFS },
  ]);
  await gateway.start();
});
afterAll(async () => {
  await gateway.stop();
  await archive.stop();
  await plan.close();
});

async function run(query: string) {
  const response = await gateway.executeOperation({ query });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('a gateway over the knowledge graph and the example archive', () => {
  it('starts in the archive and pulls the legal basis from the knowledge graph (join by document number)', async () => {
    const result = await run('{ archivedDocuments { number archive { shelfMark exampleData } name issuedOn basedOn { number } } }');
    expect(result.errors).toBeUndefined();
    const docs = (result.data as { archivedDocuments: { number: string; archive: { exampleData: boolean }; name: string; issuedOn: string; basedOn: { number: string | null }[] }[] })
      .archivedDocuments;
    const decision = docs.find((d) => d.number === '202/QĐ-UBND');
    expect(decision?.archive.exampleData).toBe(true);
    expect(decision?.issuedOn).toBe('2019-05-13');
    expect(decision?.basedOn.map((b) => b.number)).toEqual(expect.arrayContaining(['996/QĐ-TTg', '82/QĐ-BKHCN']));
    const scheme = docs.find((d) => d.number === '996/QĐ-TTg');
    expect(scheme?.issuedOn).toBe('2018-08-10');
  });

  it('starts in the knowledge graph and pulls archive records (join the other way)', async () => {
    const result = await run('{ node(id: "LegalDocument:dn-202-qd-ubnd-2019") { ... on LegalDocument { number archive { fileName } issuedBy { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ node: { number: '202/QĐ-UBND', archive: { fileName: '202-qd-ubnd.pdf' } } });
  });

  it('entity fields take asOf through the gateway: a document joined from the archive is read on the date asked', async () => {
    const result = await run(`{ archivedDocuments { number
      before: status(asOf: "2019-05-12") on: status(asOf: "2019-05-13") basedOn(asOf: "2019-05-13") { number } validity { from to } } }`);
    expect(result.errors).toBeUndefined();
    const decision = (result.data as { archivedDocuments: { number: string; before: string; on: string; basedOn: { number: string | null }[]; validity: unknown }[] })
      .archivedDocuments.find((d) => d.number === '202/QĐ-UBND');
    expect(decision).toMatchObject({ before: 'NOT_YET_IN_FORCE', on: 'IN_FORCE', validity: { to: null } });
    expect(decision?.basedOn.map((b) => b.number)).toEqual(expect.arrayContaining(['996/QĐ-TTg', '82/QĐ-BKHCN']));
  });

  it('a bad asOf on an entity field is refused through the gateway, naming the argument and the value', async () => {
    const result = await run('{ archivedDocuments { number status(asOf: "2019-13-01") } }');
    expect(result.errors?.[0]?.message).toContain('"asOf" is "2019-13-01"');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
