import { compareCodePoints } from './compareCodePoints';

/** Reference order: the strings' code points compared one by one. */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

describe('compareCodePoints', () => {
  it('sorts an astral character after U+FFFF, where UTF-16 order puts it before', () => {
    const astral = '\u{1F600}';
    const bmpTop = '\uFFFF';
    expect(astral < bmpTop).toBe(true); // the UTF-16 unit order this function corrects
    expect(compareCodePoints(astral, bmpTop)).toBeGreaterThan(0);
    expect(compareCodePoints(bmpTop, astral)).toBeLessThan(0);
    expect(['\u{1F600}', '\uFFFF', '\uE000', 'z', '\u{10000}'].sort(compareCodePoints)).toEqual(['z', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}']);
  });

  it('agrees with a code point by code point comparison on mixed Vietnamese, BMP and astral strings', () => {
    const alphabet = ['a', 'đ', 'Đ', 'ệ', '\uD7FF', '\uE000', '\uFFFD', '\uFFFF', '\u{10000}', '\u{1F600}', '\u{10FFFF}'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    const strings = Array.from({ length: 300 }, () => Array.from({ length: 1 + (next() % 4) }, () => alphabet[next()]).join(''));
    for (let i = 0; i < strings.length; i += 1) {
      for (let j = 0; j < strings.length; j += 7) {
        const a = strings[i] ?? '';
        const b = strings[j] ?? '';
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)));
      }
    }
  });

  it('orders a prefix first and equal strings as equal', () => {
    expect(compareCodePoints('Sở', 'Sở KH')).toBeLessThan(0);
    expect(compareCodePoints('Sở KH', 'Sở')).toBeGreaterThan(0);
    expect(compareCodePoints('ệ', 'ệ')).toBe(0);
  });
});
