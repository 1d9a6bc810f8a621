/**
 * The validity checks on small synthetic graphs: each kind of inconsistency
 * in time is refused with a problem naming its records, and a consistent
 * succession passes.
 */
import { checkValidity } from './checkValidity';
import { formatValiditySource } from './validitySource';
import type { ValidityEdge, ValidityNode } from './validityRecords';

const SOURCE = formatValiditySource({ document: '01/NQ-TEST', quote: 'a synthetic sentence for the test', factId: 'lf-test' });

function node(id: string, validFrom?: string, validTo?: string): ValidityNode {
  return {
    id,
    props: {
      ...(validFrom ? { validFrom, validFromSource: SOURCE } : {}),
      ...(validTo ? { validTo, validToSource: SOURCE } : {}),
    },
  };
}

function edge(type: string, from: string, to: string, validFrom?: string, validTo?: string): ValidityEdge {
  return { type, from, to, props: node('x', validFrom, validTo).props };
}

const lines = (graph: { nodes: ValidityNode[]; edges: ValidityEdge[] }) => checkValidity(graph).map((p) => `${p.record}: ${p.message}`);

describe('checkValidity', () => {
  test('a merger dated at the predecessors\' end, into a body valid from that day, passes', () => {
    expect(
      lines({
        nodes: [node('Agency:a', undefined, '2025-03-01'), node('Agency:b', '2019-01-01', '2025-03-01'), node('Agency:c', '2025-03-01')],
        edges: [edge('MERGED_INTO', 'Agency:a', 'Agency:c', '2025-03-01'), edge('MERGED_INTO', 'Agency:b', 'Agency:c', '2025-03-01')],
      }),
    ).toEqual([]);
  });

  test('validFrom on or after validTo is refused, naming the record and both dates', () => {
    expect(lines({ nodes: [node('Agency:a', '2025-07-01', '2025-07-01'), node('Agency:b', '2026-01-01', '2025-01-01')], edges: [] })).toEqual([
      'Agency:a: validFrom 2025-07-01 is not before validTo 2025-07-01',
      'Agency:b: validFrom 2026-01-01 is not before validTo 2025-01-01',
    ]);
  });

  test('a date that is no calendar day, a date without its source and a source without a quote are refused', () => {
    const problems = lines({
      nodes: [
        { id: 'Agency:a', props: { validFrom: '2025-02-30', validFromSource: SOURCE } },
        { id: 'Agency:b', props: { validTo: '2025-07-01' } },
        { id: 'Agency:c', props: { validTo: '2025-07-01', validToSource: JSON.stringify({ url: 'https://example.org/x' }) } },
      ],
      edges: [],
    });
    expect(problems).toEqual([
      'Agency:a: validFrom "2025-02-30" is not a date YYYY-MM-DD',
      'Agency:b: validTo 2025-07-01 has no validToSource',
      'Agency:c: validToSource has no quote',
    ]);
  });

  test('a succession cycle among bodies is refused, naming every body and relationship on it', () => {
    const problems = lines({
      nodes: [node('Agency:a', undefined, '2025-03-01'), node('Agency:b', '2025-03-01', '2025-07-01'), node('Agency:c', '2025-07-01')],
      edges: [
        edge('MERGED_INTO', 'Agency:a', 'Agency:b', '2025-03-01'),
        edge('RENAMED_TO', 'Agency:b', 'Agency:c', '2025-07-01'),
        edge('SUCCEEDED_BY', 'Agency:c', 'Agency:a', '2026-01-01'),
      ],
    });
    expect(problems).toContain('Agency:a: succession cycle among bodies: Agency:a -MERGED_INTO-> Agency:b -RENAMED_TO-> Agency:c -SUCCEEDED_BY-> Agency:a');
    expect(problems.filter((p) => p.includes('cycle'))).toHaveLength(1);
  });

  test('a document replaced, through another, by itself is a cycle among documents', () => {
    const problems = lines({
      nodes: [node('LegalDocument:a', undefined, '2025-01-01'), node('LegalDocument:b', '2025-01-01')],
      edges: [edge('REPLACED_BY', 'LegalDocument:a', 'LegalDocument:b', '2025-01-01'), edge('AMENDED_BY', 'LegalDocument:b', 'LegalDocument:a', '2025-06-01')],
    });
    expect(problems.filter((p) => p.includes('cycle'))).toEqual([
      'LegalDocument:a: succession cycle among documents: LegalDocument:a -REPLACED_BY-> LegalDocument:b -AMENDED_BY-> LegalDocument:a',
    ]);
  });

  test('successions of different families never make one cycle', () => {
    const problems = lines({
      nodes: [node('Agency:a', undefined, '2025-03-01'), node('Agency:b', '2025-03-01')],
      edges: [edge('MERGED_INTO', 'Agency:a', 'Agency:b', '2025-03-01'), edge('DENOTES', 'Agency:b', 'Agency:a')],
    });
    expect(problems).toEqual([]);
  });

  test('a body still valid after the date it merged away is refused', () => {
    expect(
      lines({
        nodes: [node('Agency:a', undefined, '2025-07-01'), node('Agency:b'), node('Agency:c', '2025-03-01')],
        edges: [edge('MERGED_INTO', 'Agency:a', 'Agency:c', '2025-03-01'), edge('MERGED_INTO', 'Agency:b', 'Agency:c', '2025-03-01')],
      }),
    ).toEqual([
      'MERGED_INTO Agency:a -> Agency:c: dated 2025-03-01, but Agency:a stays valid after it (validTo 2025-07-01; it should be 2025-03-01)',
      'MERGED_INTO Agency:b -> Agency:c: dated 2025-03-01, but Agency:b stays valid after it (no validTo; it should be 2025-03-01)',
    ]);
  });

  test('a succession dated after the predecessor ended, or before it began, is refused', () => {
    expect(
      lines({
        nodes: [node('Agency:a', undefined, '2025-03-01'), node('Agency:b', '2026-01-01', '2026-06-01'), node('Agency:c', '2020-01-01')],
        edges: [edge('SUCCEEDED_BY', 'Agency:a', 'Agency:c', '2025-07-01'), edge('SPLIT_INTO', 'Agency:b', 'Agency:c', '2025-07-01')],
      }),
    ).toEqual([
      'SUCCEEDED_BY Agency:a -> Agency:c: dated 2025-07-01, after Agency:a ended (validTo 2025-03-01)',
      'SPLIT_INTO Agency:b -> Agency:c: dated 2025-07-01, not after Agency:b began (valid [2026-01-01, 2026-06-01))',
    ]);
  });

  test('a succession to a body not valid on its date, or with no date, is refused', () => {
    expect(
      lines({
        nodes: [node('Agency:a', undefined, '2025-03-01'), node('Agency:b', '2025-07-01'), node('Agency:c', undefined, '2025-01-01')],
        edges: [edge('RENAMED_TO', 'Agency:a', 'Agency:b', '2025-03-01'), edge('SUCCEEDED_BY', 'Agency:c', 'Agency:b')],
      }),
    ).toEqual([
      'RENAMED_TO Agency:a -> Agency:b: dated 2025-03-01, when Agency:b is not valid (valid [2025-07-01, …))',
      'SUCCEEDED_BY Agency:c -> Agency:b: a succession needs its date (validFrom) and its source',
    ]);
  });

  test('an amendment leaves the document in force; dated within its validity it passes', () => {
    expect(
      lines({
        nodes: [node('LegalDocument:law'), node('LegalDocument:amending', '2026-01-01')],
        edges: [edge('AMENDED_BY', 'LegalDocument:law', 'LegalDocument:amending', '2026-01-01')],
      }),
    ).toEqual([]);
  });

  test('two renamings of one body valid at overlapping times are refused, naming both', () => {
    const problems = lines({
      nodes: [node('Agency:a', undefined, '2025-03-01'), node('Agency:b', '2025-03-01'), node('Agency:c', '2025-03-01')],
      edges: [edge('RENAMED_TO', 'Agency:a', 'Agency:b', '2025-03-01'), edge('RENAMED_TO', 'Agency:a', 'Agency:c', '2025-03-01')],
    });
    expect(problems).toEqual([
      'RENAMED_TO Agency:a -> Agency:b: valid [2025-03-01, …), overlapping RENAMED_TO Agency:a -> Agency:c valid [2025-03-01, …)',
    ]);
  });

  test('two renamings valid one after the other do not overlap', () => {
    const problems = checkValidity({
      nodes: [],
      edges: [edge('RENAMED_TO', 'Agency:a', 'Agency:b', '2020-01-01', '2025-01-01'), edge('RENAMED_TO', 'Agency:a', 'Agency:c', '2025-01-01')],
    });
    expect(problems.filter((p) => p.message.includes('overlapping'))).toEqual([]);
  });
});
