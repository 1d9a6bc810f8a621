import { NODE_KINDS, type NodeKind } from '../../../model/kinds';
import { foldText } from '../../../model/text';
import type { SearchHit, SearchQuery } from '../../analytics';
import { compareCodePoints } from '../../compareCodePoints';
import type { Page } from '../../port';
import type { ConnectionPool } from '../connection/ConnectionPool';
import type { KindSizes } from '../schema/KindSizes';
import type { CallLimits } from '../connection/CallLimits';
import type { Row } from '../connection/KuzuConnection';
import { SearchStatements } from '../statements/search';
import { toCount } from '../records/toPropertyValue';
import { toNodeRecord } from '../records/toNodeRecord';

/**
 * GraphStore.search on Kùzu. A node matches when its `searchText` (folded
 * text: words of [a-z0-9] separated by single spaces) holds every term as a
 * whole word; prefixes do not match (Kùzu's only prefix matching is a
 * wildcard that runs a regular expression over the whole term dictionary of
 * a table: ~70-120 ms per term at 900k distinct words, measured, and it
 * breaks conjunctive mode). On one read connection:
 *
 * 1. the kinds whose tables are small (up to `scanCountRows` rows, by the
 *    store's KindSizes) are counted by one statement, a UNION ALL of
 *    per-table scans testing `(' ' + searchText + ' ') CONTAINS ' term '`
 *    for every term (exact whole-word semantics, digits included);
 * 2. for each of those with matches, and for each large kind, its best
 *    hits (`offset + limit` of them; one more for a large kind): when some
 *    terms are letters only, from the kind's full-text index (statements/search.ts) with `QUERY_FTS_INDEX(..., conjunctive :=
 *    true)` over those terms, keeping the rows that pass the same whole-word
 *    test (digit terms; and a letter term the tokenizer cut out of a word
 *    such as "pl2a"), ordered by score then id; the score is Kùzu's BM25
 *    (k1 = 1.2, b = 0.75) with the term statistics of that kind's table
 *    alone. When every term holds a digit (document numbers, years: Kùzu's
 *    tokenizer drops digits), the table is scanned with the same test and the
 *    score is 1 / the number of words of `searchText` (shorter texts first).
 *    When a large kind gives fewer rows than asked for, they are all its
 *    matches (the index finds every node holding the letter terms as words,
 *    a superset of the whole-word matches), so they are its count;
 * 3. only the large kinds with more matches than the page are counted by a
 *    scan (~0.1 s for 900k rows whatever the number of matches): a rare word
 *    never scans a large table.
 *
 * Hits of all kinds are merged by score (higher first), then id. The cost of
 * step 2 grows with the number of index postings of the terms in each
 * table: a few ms for selective words, seconds for a word held by most of a
 * 900k-node table (Kùzu's FTS visits every posting).
 *
 * Terms are folded again with foldText (so quotes, backslashes, `*` or
 * query syntax are separators, never syntax) and de-duplicated; a query left
 * with no term matches nothing. An empty `kinds` list matches nothing.
 * With `asOf`, only nodes valid on that date match (counted and ranked
 * alike). Arguments are checked by checkStoreCalls.
 *
 * @param scanCountRows the table size up to which a kind is counted first
 *   (KuzuStoreOptions.searchScanCountRows; default 50,000: a scan of 900k
 *   rows costs ~0.1 s, the index ~2 ms on a small table and ~20 ms on a
 *   720k-row one for a rare word, measured)
 */
export async function search(
  pool: ConnectionPool,
  sizes: KindSizes,
  query: SearchQuery,
  scanCountRows: number,
  limits?: CallLimits,
): Promise<Page<SearchHit>> {
  const words = new Set<string>();
  for (const term of query.terms) {
    for (const word of foldText(term).split(' ')) if (word.length > 0) words.add(word);
  }
  const { offset, limit } = query;
  const kinds: readonly NodeKind[] = query.kinds ?? NODE_KINDS;
  if (words.size === 0 || kinds.length === 0) return { items: [], totalCount: 0 };
  const statements = new SearchStatements([...words], query.asOf);

  const top = offset + limit;
  const small = kinds.filter((kind) => sizes.get(kind) <= scanCountRows);
  const large = kinds.filter((kind) => sizes.get(kind) > scanCountRows);
  return pool.use(async (c) => {
    const hits: SearchHit[] = [];
    let totalCount = 0;
    const read = async (kind: NodeKind, rows: number): Promise<Row[]> => {
      const found = await c.run(statements.bestHits(kind, rows), limits);
      for (const row of found.slice(0, top)) hits.push({ node: toNodeRecord(row.node ?? null), score: toScore(row.score) });
      return found;
    };
    const count = async (counted: readonly NodeKind[]): Promise<Map<NodeKind, number>> => {
      const rows = counted.length === 0 ? [] : await c.run(statements.countMatches(counted), limits);
      return new Map(rows.map((row) => [String(row.kind) as NodeKind, toCount([row])]));
    };
    // Small tables: counted by one scan, then read only where there are matches.
    for (const [kind, matches] of await count(small)) {
      totalCount += matches;
      if (matches > 0) await read(kind, Math.min(matches, top));
    }
    // Large tables: one row more than the page needs; fewer are all the matches of the kind.
    const overflowing: NodeKind[] = [];
    for (const kind of large) {
      const found = await read(kind, top + 1);
      if (found.length > top) overflowing.push(kind);
      else totalCount += found.length;
    }
    for (const matches of (await count(overflowing)).values()) totalCount += matches;
    hits.sort((a, b) => b.score - a.score || compareCodePoints(a.node.id, b.node.id));
    return { items: hits.slice(offset, offset + limit), totalCount };
  }, limits);
}

function toScore(value: unknown): number {
  const score = Number(value);
  if (!Number.isFinite(score)) throw new Error(`Kùzu returned a search score that is not a number: ${String(value)}`);
  return score;
}
