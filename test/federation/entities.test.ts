import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Agency { id nameVi }
  ... on Task { id code }
  ... on LegalDocument { id number }
  ... on Enterprise { id taxCode }
} }`;

describe('_entities', () => {
  it('resolves 1,000 representations with one store round-trip per kind, not per representation', async () => {
    const tasks = (await api.execute('{ tasks(first: 200) { nodes { id } } }')).data.tasks.nodes as { id: string }[];
    const agencies = (await api.execute('{ agencies(first: 200) { nodes { id } } }')).data.agencies.nodes as { id: string }[];
    const known = [...tasks.map((t) => ({ __typename: 'Task', id: t.id })), ...agencies.map((a) => ({ __typename: 'Agency', id: a.id }))];
    const representations = Array.from({ length: 1000 }, (_, i) =>
      i % 5 === 4 ? { __typename: 'Task', id: `Task:missing-${i}` } : known[i % known.length],
    );
    api.resetStoreCalls();
    const result = await api.execute(ENTITIES, { r: representations });
    expect(result.errors).toBeUndefined();
    const entities = result.data._entities as ({ id: string } | null)[];
    expect(entities).toHaveLength(1000);
    entities.forEach((entity, i) => {
      if (i % 5 === 4) expect(entity).toBeNull();
      else expect(entity?.id).toBe((representations[i] as { id: string }).id);
    });
    // All ids go through one batched node lookup (the adapter splits by kind inside it).
    expect(api.storeCalls()).toBe(1);
  });

  it('resolves legal documents by number however it is typed, in one round-trip', async () => {
    api.resetStoreCalls();
    const result = await api.execute(ENTITIES, {
      r: [
        { __typename: 'LegalDocument', number: '202/QĐ-UBND' },
        { __typename: 'LegalDocument', number: '202/QD-UBND' },
        { __typename: 'LegalDocument', number: '996/QĐ-TTg' },
        { __typename: 'LegalDocument', number: '999/NOPE' },
        { __typename: 'LegalDocument', id: 'LegalDocument:vn-82-qd-bkhcn-2019' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { __typename: 'LegalDocument', id: 'LegalDocument:dn-202-qd-ubnd-2019', number: '202/QĐ-UBND' },
      { __typename: 'LegalDocument', id: 'LegalDocument:dn-202-qd-ubnd-2019', number: '202/QĐ-UBND' },
      { __typename: 'LegalDocument', id: 'LegalDocument:vn-996-qd-ttg-2018', number: '996/QĐ-TTg' },
      null,
      { __typename: 'LegalDocument', id: 'LegalDocument:vn-82-qd-bkhcn-2019', number: '82/QĐ-BKHCN' },
    ]);
    // one natural-key lookup + one id lookup
    expect(api.storeCalls()).toBe(2);
  });

  it('resolves enterprises by tax code', async () => {
    await api.store.upsert({
      nodes: [
        {
          id: 'Enterprise:synthetic-e1',
          kind: 'Enterprise',
          props: { name: 'Synthetic Co. 1', taxCode: '0400000001', synthetic: true, sourceDocument: 'synthetic', sourceClause: 'test fixture' },
        },
      ],
      edges: [],
    });
    const result = await api.execute(ENTITIES, {
      r: [
        { __typename: 'Enterprise', taxCode: '0400000001' },
        { __typename: 'Enterprise', taxCode: '0000000000' },
        { __typename: 'Enterprise', id: 'Enterprise:synthetic-e1' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { __typename: 'Enterprise', id: 'Enterprise:synthetic-e1', taxCode: '0400000001' },
      null,
      { __typename: 'Enterprise', id: 'Enterprise:synthetic-e1', taxCode: '0400000001' },
    ]);
  });

  it('gives null for a representation of the wrong kind or a malformed id', async () => {
    const result = await api.execute(ENTITIES, {
      r: [
        { __typename: 'Agency', id: 'Task:dn-202-2019.pl-i-1' },
        { __typename: 'Agency', id: 'not an id' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([null, null]);
  });
});
