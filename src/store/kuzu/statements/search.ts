import type { NodeKind } from '../../../model/kinds';
import { SEARCH_LENGTH_PIVOT } from '../../analytics';
import { quoteIdentifier, type Params, type Statement } from './Statement';
import { AS_OF_PARAMETER, validAt } from './validOn';

/** The name of the full-text index over `searchText` on every node table (Kùzu allows one name per table; see schema/ensureSearchIndexes). */
export const SEARCH_INDEX = 'searchTextFts';

/** Terms made of letters only: the ones Kùzu's full-text index can look up (it never indexes digits). */
const LETTERS = /^[a-z]+$/;

/**
 * The statements of one search for a set of folded words (see
 * methods/search.ts for how they are combined). Every statement tests each
 * word as a whole word of `searchText`: `(' ' + n.searchText + ' ')
 * CONTAINS ' word '` (and, with a date, the node's validity on it).
 */
export class SearchStatements {
  private readonly checks: Params = {};
  private readonly where: string;
  private readonly ranked: Params;
  private readonly letters: readonly string[];

  /**
   * @param words distinct folded words ([a-z0-9]+), at least one
   * @param asOf when given, only nodes valid on that date match (every statement)
   */
  constructor(words: readonly string[], asOf?: string) {
    const tests = words.map((word, i) => {
      this.checks[`w${i}`] = ` ${word} `;
      return `(' ' + n.searchText + ' ') CONTAINS $w${i}`;
    });
    if (asOf !== undefined) {
      tests.push(validAt('n'));
      this.checks[AS_OF_PARAMETER] = asOf;
    }
    this.where = tests.join(' AND ');
    this.letters = words.filter((word) => LETTERS.test(word));
    this.ranked = this.letters.length > 0 ? { ...this.checks, q: this.letters.join(' ') } : this.checks;
  }

  /** Rows `{ kind, c }`: the matches of each of `kinds` (not empty), by a scan of their tables (one UNION ALL). */
  countMatches(kinds: readonly NodeKind[]): Statement {
    return {
      text: kinds.map((kind) => `${this.scan(kind)} RETURN '${kind}' AS kind, count(*) AS c`).join(' UNION ALL '),
      params: this.checks,
      doing: 'counting search matches',
    };
  }

  /**
   * Rows `{ node, score }`: the best `rows` matches of `kind`, by score then
   * id. When some words are letters only, from the kind's full-text index
   * ({@link SEARCH_INDEX}, `conjunctive := true` over those words) keeping
   * the rows that pass the whole-word test, scored by Kùzu's BM25 scaled by
   * SEARCH_LENGTH_PIVOT / (SEARCH_LENGTH_PIVOT + words of searchText); else
   * (every word holds a digit: Kùzu's tokenizer drops digits) by a scan,
   * scored 1 / the number of words of `searchText`.
   */
  bestHits(kind: NodeKind, rows: number): Statement {
    quoteIdentifier(kind); // spliced into a string literal below: registry names only
    const best =
      this.letters.length > 0
        ? `CALL QUERY_FTS_INDEX('${kind}', '${SEARCH_INDEX}', $q, conjunctive := true) WITH node AS n, score AS s WHERE ${this.where} ` +
          `WITH n, s * ${SEARCH_LENGTH_PIVOT}.0 / (${SEARCH_LENGTH_PIVOT}.0 + size(string_split(n.searchText, ' '))) AS s `
        : `${this.scan(kind)} WITH n, 1.0 / size(string_split(n.searchText, ' ')) AS s `;
    return {
      text: `${best}RETURN n AS node, s AS score ORDER BY s DESC, n.id LIMIT $top`,
      params: { ...this.ranked, top: rows },
      doing: `searching ${kind} nodes`,
    };
  }

  private scan(kind: NodeKind): string {
    return `MATCH (n:${quoteIdentifier(kind)}) WHERE ${this.where}`;
  }
}
