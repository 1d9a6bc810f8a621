/**
 * Folds text for matching: lower case, Vietnamese diacritics removed, đ/Đ to
 * d, every run of other characters collapsed to one space, so the result is
 * words of [a-z0-9] separated by single spaces.
 * "SỞ KH&CN" -> "so kh cn", "Kiểm định" -> "kiem dinh".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Folds a document number for lookup however it is typed:
 * "202/QĐ-UBND", "202/QD-UBND" and "202 qđ ubnd" all give "202-qd-ubnd".
 */
export function foldDocumentNumber(number: string): string {
  return foldText(number).replace(/ /g, '-');
}

/** Splits text into folded search terms: "SỞ KH&CN" -> ["so", "kh", "cn"]; at most `max` terms. */
export function searchTerms(text: string, max = 16): string[] {
  return foldText(text)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, max);
}

/** Folds one character the way {@link foldText} does (may give '' for a lone combining mark). */
function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** What {@link highlightTerms} found. */
export interface Highlight {
  /** The text with each matched word wrapped in «…», cut to about `width` characters around the first match. */
  readonly snippet: string;
  /** How many distinct terms occur in the text. */
  readonly matchedTerms: number;
}

/** Shortest term that also matches words it only begins ("kiem" marks "kiểm", "so" does not mark "soát"). */
export const MIN_PREFIX_LENGTH = 4;

/**
 * Marks the words of `text` that equal one of the folded `terms`, or begin
 * with a term of at least {@link MIN_PREFIX_LENGTH} letters (diacritics and
 * case ignored), keeping the text as written.
 */
export function highlightTerms(text: string, terms: readonly string[], width = 160): Highlight {
  const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)];
  const found = new Set<string>();
  const marks: { start: number; end: number }[] = [];
  for (const word of words) {
    const folded = [...word[0]].map(foldChar).join('');
    const term = terms.find((t) => folded === t || (t.length >= MIN_PREFIX_LENGTH && folded.startsWith(t)));
    if (term !== undefined && word.index !== undefined) {
      found.add(term);
      marks.push({ start: word.index, end: word.index + word[0].length });
    }
  }
  let out = '';
  let at = 0;
  for (const m of marks) {
    out += `${text.slice(at, m.start)}«${text.slice(m.start, m.end)}»`;
    at = m.end;
  }
  out += text.slice(at);
  if (out.length > width) {
    const first = out.indexOf('«');
    const start = Math.max(0, Math.min(first - Math.floor(width / 3), out.length - width));
    out = `${start > 0 ? '…' : ''}${out.slice(start, start + width)}${start + width < out.length ? '…' : ''}`;
  }
  return { snippet: out, matchedTerms: found.size };
}
