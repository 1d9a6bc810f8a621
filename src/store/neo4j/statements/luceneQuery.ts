/**
 * Characters the Lucene classic query parser (the one behind
 * `db.index.fulltext.queryNodes`) gives a meaning: `+ - & | ! ( ) { } [ ] ^
 * " ~ * ? : \ /`, and whitespace, which separates clauses.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/\s]/gu;

/** Words the parser reads as operators when they stand alone (upper case only, but escaping costs nothing). */
const LUCENE_OPERATORS = /^(?:AND|OR|NOT|TO)$/iu;

/**
 * Escapes one term for the Lucene query parser so that it can only ever be
 * read as one literal term: every special character (and whitespace) gets a
 * backslash, and an operator word gets a backslash before its first letter
 * (`\AND` is the term "AND"). Folded terms ([a-z0-9]) come back unchanged.
 */
export function escapeLuceneTerm(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  return LUCENE_OPERATORS.test(escaped) ? `\\${escaped}` : escaped;
}

/**
 * The Lucene query of a search: every term required, each matching a word
 * equal to it or starting with it, `+(t t*) +(u u*)`. The prefix clause
 * decides what matches; Lucene scores it with a constant, so the exact
 * clause is there for ranking: a word equal to the term adds its BM25 score
 * (rarer words and shorter texts score higher). Duplicate terms are
 * dropped (they would only double a clause).
 */
export function luceneQuery(terms: readonly string[]): string {
  return [...new Set(terms)]
    .map((term) => {
      const t = escapeLuceneTerm(term);
      return `+(${t} ${t}*)`;
    })
    .join(' ');
}
