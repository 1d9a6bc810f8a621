import { label, type Lang } from '../shared/i18n';
import type { GraphNode } from './queries';

/** Longest short label drawn on a node, in characters. */
const SHORT_MAX = 26;

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * The short name drawn on a node: in Vietnamese an agency's abbreviation
 * ("Sở KH&CN"; the abbreviations are Vietnamese, so English shows the name), a
 * document's number ("202/QĐ-UBND"), a task's code with the first words of
 * its name ("V.2 Hằng năm, khi xây…", so tasks sharing a code differ), else
 * the name in `lang`, cut to about 26 characters. The full name is shown on
 * hover and in the details panel.
 */
export function shortLabel(lang: Lang, node: GraphNode): string {
  const full = label(lang, node);
  if (lang === 'vi' && node.__typename === 'Agency' && node.abbreviation) return node.abbreviation;
  if (node.__typename === 'LegalDocument' && node.number) return node.number;
  if ((node.__typename === 'Task' || node.__typename === 'Objective') && node.code) return cut(`${node.code} ${full}`, SHORT_MAX);
  return cut(full, SHORT_MAX);
}
