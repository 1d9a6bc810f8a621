import { MAX_NODE_IDS } from '../../resolvers/Query';
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
  it('resolves the most representations allowed (500, as nodes(ids)) with one store round-trip, not one per representation', async () => {
    const tasks = (await api.execute('{ tasks(first: 200) { nodes { id } } }')).data.tasks.nodes as { id: string }[];
    const agencies = (await api.execute('{ agencies(first: 200) { nodes { id } } }')).data.agencies.nodes as { id: string }[];
    const known = [...tasks.map((t) => ({ __typename: 'Task', id: t.id })), ...agencies.map((a) => ({ __typename: 'Agency', id: a.id }))];
    const representations = Array.from({ length: MAX_NODE_IDS }, (_, i) =>
      i % 5 === 4 ? { __typename: 'Task', id: `Task:missing-${i}` } : known[i % known.length],
    );
    api.resetStoreCalls();
    const result = await api.execute(ENTITIES, { r: representations });
    expect(result.errors).toBeUndefined();
    const entities = result.data._entities as ({ id: string } | null)[];
    expect(entities).toHaveLength(MAX_NODE_IDS);
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

  it('refuses more representations than nodes(ids) accepts, as BAD_USER_INPUT naming the argument and the cap, before any store call', async () => {
    const representations = Array.from({ length: 20_000 }, (_, i) => ({ __typename: 'Agency', id: `Agency:a${i}` }));
    api.resetStoreCalls();
    const result = await api.execute(ENTITIES, { r: representations });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('"representations" has 20000 items');
    expect(result.errors?.[0]?.message).toContain(`at most ${MAX_NODE_IDS}`);
    expect(api.storeCalls()).toBe(0);
    expect((await api.execute(ENTITIES, { r: [{ __typename: 'Agency', id: 'Agency:dn-skhcn' }] })).data._entities).toHaveLength(1);
  });

  it.each([
    ['an unknown __typename', { __typename: 'Spaceship', id: 'Spaceship:x' }, /representations\[1\]" has __typename "Spaceship", which is not an entity/],
    ['a missing __typename', { id: 'Agency:dn-skhcn' }, /representations\[1\]" has __typename undefined/],
    ['a type that is not an entity', { __typename: 'Provenance', id: 'x' }, /"Provenance", which is not an entity/],
    ['no key', { __typename: 'Agency', name: 'x' }, /representations\[1\]" of type Agency needs the key id as a string/],
    ['a key of the wrong type', { __typename: 'LegalDocument', number: 202 }, /of type LegalDocument needs the key id or number as a string/],
    ['not an object', 'Agency:dn-skhcn', /representations\[1\]" must be an object/],
  ])('refuses a representation with %s as BAD_USER_INPUT naming it, never INTERNAL_SERVER_ERROR', async (_case, bad, message) => {
    const result = await api.execute(ENTITIES, { r: [{ __typename: 'Agency', id: 'Agency:dn-skhcn' }, bad] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(api.logs.filter((line) => line.level === 50)).toEqual([]);
  });

  it('estimates the cost of _entities from the number of representations, as nodes(ids)', async () => {
    const cost = async (query: string, variables: Record<string, unknown>) =>
      ((await api.execute(query, variables)) as { extensions?: { cost?: { estimated: number } } }).extensions?.cost?.estimated;
    const ids = Array.from({ length: 300 }, (_, i) => `Agency:a${i}`);
    const entities = await cost('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id name } } }', {
      r: ids.map((id) => ({ __typename: 'Agency', id })),
    });
    const nodes = await cost('query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Agency { id name } } }', { ids });
    expect(entities).toBe(nodes);
    expect(entities).toBeGreaterThanOrEqual(300);
  });
});
