import { RELATIONSHIPS } from '../../src/model/relationships';
import type { EdgeRecord, NodeRecord } from '../../src/store/port';

/** A short human label of a node: a document's number, an agency's abbreviation, a task's code, else its name. */
export function labelOf(node: NodeRecord): string {
  const { number, abbreviation, code, nameVi, name } = node.props;
  if (node.kind === 'LegalDocument' && typeof number === 'string') return number;
  if (node.kind === 'Agency') return String(abbreviation ?? nameVi ?? name);
  if (node.kind === 'Task' && typeof code === 'string') return `task ${code}`;
  return String(name ?? node.id);
}

/** One relationship read as an English sentence, e.g. "82/QĐ-BKHCN was issued by Bộ KH&CN". */
export function sentenceOf(edge: EdgeRecord, from: NodeRecord, to: NodeRecord): string {
  return RELATIONSHIPS[edge.type].reads.replace('{from}', labelOf(from)).replace('{to}', labelOf(to));
}
