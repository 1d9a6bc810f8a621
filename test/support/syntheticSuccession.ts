import { foldText } from '../../src/model/text';
import type { RelationshipType } from '../../src/model/relationships';
import type { EdgeRecord, GraphBatch, NodeRecord, Properties } from '../../src/store/port';

/**
 * A small SYNTHETIC batch of validity and succession records for the as-of
 * tests: no real body, document or date; every record is `synthetic: true`
 * with the source "synthetic" and quotes that say so. One task is led by a
 * body that lasts, and coordinated by
 * - `old` [2010-01-01, 2023-01-01), merged into `mid` [2023-01-01, 2025-07-01),
 *   which was split into `new-a` and `new-b` [2025-07-01, open);
 * - `withdrawn`, a lasting body whose assignment ends on 2024-01-01;
 * - `late`, assigned from 2026-01-01.
 * Document `doc-a` (in effect 2019-02-01) is amended by `doc-b` on 2021-01-01
 * and replaced by `doc-c` on 2024-01-01, when its validity ends.
 */

const BASE: Properties = { sourceDocument: 'synthetic', sourceClause: 'synthetic test fixture', sourceQuote: null, synthetic: true };

/** The JSON text of a synthetic validity source. */
export function syntheticSource(quote: string): string {
  return JSON.stringify({ document: 'SYN/2099', clause: 'Điều 1', quote: `synthetic: ${quote}` });
}

function node(kind: 'Agency' | 'Task' | 'LegalDocument', key: string, name: string, props: Properties): NodeRecord {
  return { id: `${kind}:syn-time.${key}`, kind, props: { ...BASE, name, nameVi: null, description: null, searchText: foldText(name), ...props } };
}

function agency(key: string, validity: Properties = {}): NodeRecord {
  return node('Agency', key, `Synthetic time body ${key}`, { level: 'OTHER', collective: false, ...validity });
}

function edge(type: RelationshipType, from: string, to: string, props: Properties = {}): EdgeRecord {
  return { type, from: `${from}`, to: `${to}`, props: { ...BASE, note: null, ordinal: null, ...props } };
}

/** Ids of the synthetic records. */
export const SYN = {
  task: 'Task:syn-time.task',
  kept: 'Agency:syn-time.kept',
  old: 'Agency:syn-time.old',
  mid: 'Agency:syn-time.mid',
  newA: 'Agency:syn-time.new-a',
  newB: 'Agency:syn-time.new-b',
  withdrawn: 'Agency:syn-time.withdrawn',
  late: 'Agency:syn-time.late',
  docA: 'LegalDocument:syn-time.doc-a',
  docB: 'LegalDocument:syn-time.doc-b',
  docC: 'LegalDocument:syn-time.doc-c',
} as const;

/** The synthetic batch (see the file's comment). */
export function syntheticSuccession(): GraphBatch {
  const nodes: NodeRecord[] = [
    node('Task', 'task', 'Synthetic time task', { code: 'SYN.T.1', section: 'APPENDIX', timeframe: 'UNSPECIFIED', recurring: false, ordinal: 9001 }),
    agency('kept'),
    agency('old', { validFrom: '2010-01-01', validTo: '2023-01-01', validToSource: syntheticSource('old ends, merged into mid') }),
    agency('mid', {
      validFrom: '2023-01-01',
      validFromSource: syntheticSource('mid starts'),
      validTo: '2025-07-01',
      validToSource: syntheticSource('mid ends, split'),
    }),
    agency('new-a', { validFrom: '2025-07-01', validFromSource: syntheticSource('new-a starts') }),
    agency('new-b', { validFrom: '2025-07-01', validFromSource: syntheticSource('new-b starts') }),
    agency('withdrawn'),
    agency('late'),
    node('LegalDocument', 'doc-a', 'Synthetic document A', {
      docType: 'DECISION',
      issuedOn: '2019-01-01',
      effectiveFrom: '2019-02-01',
      validTo: '2024-01-01',
      validToSource: syntheticSource('doc-a replaced by doc-c'),
    }),
    node('LegalDocument', 'doc-b', 'Synthetic document B', { docType: 'DECISION', issuedOn: '2020-12-01', effectiveFrom: '2021-01-01' }),
    node('LegalDocument', 'doc-c', 'Synthetic document C', { docType: 'DECISION', issuedOn: '2023-12-01', effectiveFrom: '2024-01-01' }),
  ];
  const edges: EdgeRecord[] = [
    edge('LEADS', SYN.kept, SYN.task),
    edge('COORDINATES', SYN.old, SYN.task, { ordinal: 1 }),
    edge('COORDINATES', SYN.withdrawn, SYN.task, { ordinal: 2, validTo: '2024-01-01', validToSource: syntheticSource('withdrawn from the task') }),
    edge('COORDINATES', SYN.late, SYN.task, { ordinal: 3, validFrom: '2026-01-01', validFromSource: syntheticSource('late assigned') }),
    edge('MERGED_INTO', SYN.old, SYN.mid, { validFrom: '2023-01-01', validFromSource: syntheticSource('old merged into mid') }),
    edge('SPLIT_INTO', SYN.mid, SYN.newA, { validFrom: '2025-07-01', validFromSource: syntheticSource('mid split, part to new-a') }),
    edge('SPLIT_INTO', SYN.mid, SYN.newB, { validFrom: '2025-07-01', validFromSource: syntheticSource('mid split, part to new-b') }),
    edge('AMENDED_BY', SYN.docA, SYN.docB, { validFrom: '2021-01-01', validFromSource: syntheticSource('doc-b amends doc-a') }),
    edge('REPLACED_BY', SYN.docA, SYN.docC, { validFrom: '2024-01-01', validFromSource: syntheticSource('doc-c replaces doc-a') }),
  ];
  return { nodes, edges };
}
