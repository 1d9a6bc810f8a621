import { parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { classifyOperation } from './classifyOperation';

function classify(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return classifyOperation({ operation, fragments, ...(variables ? { variables } : {}) });
}

describe('classifyOperation (admission)', () => {
  // A default for `variables`: jest would take a third declared parameter of a two-item row for `done`.
  it.each([
    ['an analyst query at the root', '{ search(text: "x") { totalCount } }'],
    ['an analyst query behind an alias and a fragment', 'query { ...F } fragment F on Query { a: neighbourhood(ids: ["Agency:x"]) { truncated } }'],
    ['the legal-basis chain', '{ legalBasis(document: "LegalDocument:x") { depth } }'],
    ['a page above the threshold', '{ agencies(first: 200) { nodes { id } } }'],
    ['a page above the threshold through a variable', 'query($n: Int) { tasks(first: $n) { nodes { id } } }', { n: 500 }],
    ['many ids', `{ nodes(ids: [${Array.from({ length: 101 }, (_, i) => `"Agency:a${i}"`).join(',')}]) { id } }`],
    ['many _entities representations through a variable', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: Array.from({ length: 101 }, () => ({})) }],
    ['many root aliases', `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: node(id: "Agency:x") { id }`).join(' ')} }`],
    ['deep nesting', '{ agencies { nodes { leads { lead { leads { lead { leads { id } } } } } } } }'],
  ] as [string, string, Record<string, unknown>?][])('calls %s heavy', (_what, source, variables: Record<string, unknown> = {}) => {
    expect(classify(source, variables)).toBe('heavy');
  });

  it.each([
    ['a node by id', '{ node(id: "Agency:dn-skhcn") { id name } }'],
    ['a small page with nesting', '{ agencies(first: 20) { totalCount nodes { id leads { code } } } }'],
    ['a few ids', '{ nodes(ids: ["Agency:a", "Agency:b"]) { id } }'],
    ['a page at the threshold through a variable', 'query($n: Int) { tasks(first: $n) { nodes { id } } }', { n: 100 }],
  ] as [string, string, Record<string, unknown>?][])('lets %s through as cheap', (_what, source, variables: Record<string, unknown> = {}) => {
    expect(classify(source, variables)).toBe('cheap');
  });

  it('ends on fragments spread in a fan-out instead of walking every path', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Agency { id ...F${i + 1} ...F${i + 1} }`).join('\n');
    const source = `{ node(id: "Agency:x") { ... on Agency { ...F0 } } }\n${levels}\nfragment F30 on Agency { id }`;
    expect(classify(source)).toBe('heavy');
  });
});
