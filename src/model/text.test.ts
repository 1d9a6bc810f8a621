import { foldDocumentNumber, foldText, highlightTerms, searchTerms } from './text';

describe('foldText', () => {
  it('drops diacritics and case, folds đ to d, keeps only words', () => {
    expect(foldText('SỞ KH&CN')).toBe('so kh cn');
    expect(foldText('Kiểm định, hiệu chuẩn')).toBe('kiem dinh hieu chuan');
    expect(foldText('Đo lường')).toBe('do luong');
  });
});

describe('foldDocumentNumber', () => {
  it('gives the same key however a number is typed', () => {
    for (const typed of ['202/QĐ-UBND', '202/QD-UBND', '202 qđ ubnd', ' 202 / qd - ubnd ']) {
      expect(foldDocumentNumber(typed)).toBe('202-qd-ubnd');
    }
  });
});

describe('searchTerms', () => {
  it('splits folded text into terms', () => {
    expect(searchTerms('SỞ KH&CN')).toEqual(['so', 'kh', 'cn']);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('a b c d e', 3)).toEqual(['a', 'b', 'c']);
  });
});

describe('highlightTerms', () => {
  it('marks matched words as written, ignoring diacritics', () => {
    const h = highlightTerms('Sở Khoa học và Công nghệ', ['khoa', 'cong']);
    expect(h.snippet).toBe('Sở «Khoa» học và «Công» nghệ');
    expect(h.matchedTerms).toBe(2);
  });

  it('does not mark words that merely begin with a short term', () => {
    expect(highlightTerms('rà soát văn bản', ['so', 'va']).snippet).toBe('rà soát văn bản');
    expect(highlightTerms('Sở và', ['so', 'va']).snippet).toBe('«Sở» «và»');
  });

  it('matches word prefixes of longer terms and cuts long text around the first match', () => {
    const text = `${'x '.repeat(200)}kiểm định ${'y '.repeat(200)}`;
    const h = highlightTerms(text, ['kiem'], 40);
    expect(h.snippet).toContain('«kiểm»');
    expect(h.snippet.length).toBeLessThanOrEqual(42);
    expect(h.snippet.startsWith('…')).toBe(true);
  });
});
