import { NODE_KINDS } from '../../../model/kinds';
import type { KuzuConnection } from '../connection/KuzuConnection';
import { quoteIdentifier as q } from '../statements/Statement';
import { SEARCH_INDEX } from '../statements/search';


/**
 * A node table holding no word, used as the stop-word list of every search
 * index: `searchText` is folded Vietnamese and English, where "do" (đo), "the"
 * (thể), "an" (an toàn) and "a" (a code's letter) are real words, so nothing
 * may be dropped. It exists only while indexes are being created (Kùzu copies
 * it into the index's own hidden table).
 */
const NO_STOP_WORDS = 'FtsNoStopWords';

/** What every search index must have been created with (checked against SHOW_INDEXES). */
const REQUIRED_OPTIONS = [`stemmer := 'none'`, `stopWords := '${NO_STOP_WORDS}'`];

/**
 * Creates, idempotently, the full-text index {@link SEARCH_INDEX} over the
 * `searchText` property of every node table, with no stemming (the text is
 * folded Vietnamese, not English) and no stop words. Kùzu keeps the index up
 * to date on CREATE / MERGE / SET afterwards. An index created with other
 * options (an older build) is dropped and created again; creating an index
 * over existing rows indexes them.
 *
 * Notes on Kùzu 0.11.3's FTS (see search.ts for how queries cope):
 * - CREATE_FTS_INDEX cannot be prepared nor run inside a manual transaction;
 *   each call commits on its own, so a crash between two leaves some tables
 *   without their index and the next open creates the rest.
 * - its `ignore_pattern` option is not persisted (the index definition drops
 *   it), so the default tokenizer applies: every run of digits and
 *   punctuation separates words and digits are never indexed.
 *
 * @param connection the write connection, after the tables exist and before
 *   any other use of the store
 */
export async function ensureSearchIndexes(connection: KuzuConnection): Promise<void> {
  const doing = 'creating the search indexes';
  const existing = new Map<string, string>();
  for (const row of await connection.run({ text: 'CALL SHOW_INDEXES() RETURN *', params: {}, doing: 'reading the search indexes' })) {
    if (row.index_name === SEARCH_INDEX) existing.set(String(row.table_name), String(row.index_definition));
  }
  const missing: string[] = [];
  for (const kind of NODE_KINDS) {
    q(kind); // spliced into string literals below: registry identifiers only
    const definition = existing.get(kind);
    if (definition !== undefined && REQUIRED_OPTIONS.every((option) => definition.includes(option))) continue;
    if (definition !== undefined) await connection.runScript({ text: `CALL DROP_FTS_INDEX('${kind}', '${SEARCH_INDEX}')`, params: {}, doing });
    missing.push(kind);
  }
  if (missing.length === 0) return;
  await connection.run({ text: `CREATE NODE TABLE IF NOT EXISTS ${q(NO_STOP_WORDS)}(sw STRING PRIMARY KEY)`, params: {}, doing });
  for (const kind of missing) {
    await connection.runScript({
      text: `CALL CREATE_FTS_INDEX('${kind}', '${SEARCH_INDEX}', ['searchText'], ${REQUIRED_OPTIONS.join(', ')})`,
      params: {},
      doing: `${doing} (${kind})`,
    });
  }
  await connection.run({ text: `DROP TABLE ${q(NO_STOP_WORDS)}`, params: {}, doing });
}
