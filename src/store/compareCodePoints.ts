/**
 * Compares two strings by Unicode code point (the order of their UTF-8 bytes),
 * not by UTF-16 code unit as `<` does: for `<`, an astral character such as
 * U+1F600 (a surrogate pair, units D83D DE00) sorts before U+FFFF; by code
 * point it sorts after. Both adapters order strings this way, so answers
 * agree whatever the engine's own string order is.
 *
 * @returns a negative number when `a` sorts first, positive when `b` does, 0 when equal
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/**
 * Maps a UTF-16 code unit to a rank that orders units as their code points
 * order: surrogates (D800-DFFF, which only occur in code points of 10000 and
 * up) move above E000-FFFF. Only the first differing unit is ranked, and two
 * strings that agree up to it agree on whether it starts a surrogate pair.
 */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
