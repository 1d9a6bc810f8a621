import { parse, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../config';
import { ErrorCode } from '../../errors';
import { buildSchema } from '../../schema';
import { OperationAnalyser } from '../limits/OperationAnalyser';
import { classifyOperation } from './classifyOperation';

const schema = buildSchema({ federation: true });
const analyser = new OperationAnalyser(loadConfig({}).limits);

/** Classifies `source` from its one analysis, as admission does. */
function classify(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const analysis = analyser.analyse({ schema, document, operation, request: { variables: variables ?? {} } });
  if (!analysis) throw new Error('no operation');
  return classifyOperation(analysis);
}

describe('classifyOperation (admission)', () => {
  // A default for `variables`: jest would take a third declared parameter of a two-item row for `done`.
  it.each([
    ['an analyst query at the root', '{ search(text: "x") { totalCount } }'],
    ['an analyst query behind an alias and a fragment', 'query { ...F } fragment F on Query { a: neighbourhood(ids: ["Agency:x"]) { truncated } }'],
    ['the legal-basis chain', '{ legalBasis(document: "LegalDocument:x") { depth } }'],
    ['a page above the threshold', '{ agencies(first: 200) { nodes { id } } }'],
    ['a page above the threshold through a variable', 'query($n: Int) { tasks(first: $n) { nodes { id } } }', { n: 500 }],
    ['a page above the threshold by the schema default (assignments: 200)', '{ assignments { totalCount } }'],
    ['many ids', `{ nodes(ids: [${Array.from({ length: 101 }, (_, i) => `"Agency:a${i}"`).join(',')}]) { id } }`],
    ['many _entities representations through a variable', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: Array.from({ length: 101 }, () => ({})) }],
    ['many root aliases', `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: node(id: "Agency:x") { id }`).join(' ')} }`],
    ['deep nesting', '{ agencies(first: 5) { nodes { leads { lead { leads { lead { leads { id } } } } } } } }'],
    ['deep introspection (counted level by level here, unlike the depth limit)', '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'],
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

  it('never sees a fan-out of fragments: the analysis refuses it first, so it never waits for a place', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Agency { id ...F${i + 1} ...F${i + 1} }`).join('\n');
    const source = `{ node(id: "Agency:x") { ... on Agency { ...F0 } } }\n${levels}\nfragment F30 on Agency { id }`;
    expect(() => classify(source)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.OPERATION_LIMIT_EXCEEDED }) }));
  });
});
