/** The sentences of the "how are these two connected" panel (no DOM here: the browser tests import it). */
import { label, type Lang } from '../shared/i18n';
import { relationshipSentenceVi } from '../shared/strings';
import type { GraphNode, PathStep } from './queries';

/**
 * How a node is named in a Vietnamese sentence: a document by its number
 * ("202/QĐ-UBND"), a task or an objective by its code ("nhiệm vụ II.1.a",
 * "mục tiêu I.1.a"; their names are whole paragraphs of the text), anything
 * else by its Vietnamese name (nameVi), the English name when it has none.
 */
export function sentenceNameVi(node: GraphNode): string {
  if (node.__typename === 'LegalDocument' && node.number) return node.number;
  if (node.__typename === 'Task' && node.code) return `nhiệm vụ ${node.code}`;
  if (node.__typename === 'Objective' && node.code) return `mục tiêu ${node.code}`;
  return label('vi', node);
}

/**
 * A step in `lang`: in English the API's own sentence; in Vietnamese the
 * relationship as a Vietnamese sentence (the Vietnamese names of its ends and
 * the wording of its type from the shared vocabulary), read in the
 * relationship's direction whichever way the path walks it. The API writes
 * sentences in English only; its sentence is shown under the Vietnamese one.
 */
export function stepSentence(lang: Lang, step: PathStep, nodes: ReadonlyMap<string, GraphNode>): string {
  if (lang === 'en') return step.sentence;
  const from = nodes.get(step.relationship.from.id);
  const to = nodes.get(step.relationship.to.id);
  if (!from || !to) return step.sentence;
  return relationshipSentenceVi(step.relationship.type, sentenceNameVi(from), sentenceNameVi(to));
}
