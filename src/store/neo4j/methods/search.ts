import { foldText } from '../../../model/text';
import type { SearchHit, SearchQuery } from '../../analytics';
import type { CallOptions, Page } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j, neo4jValueToJs } from '../records/neo4jValueToJs';
import { readLabelledNode } from '../records/readNodeRecord';
import { searchStatements } from '../statements/search';
import { kindsInRegistryOrder } from './kindsAndTypes';

/** One page of full-text hits and their total, over the search index, in one READ transaction. */
export async function search(connection: Neo4jConnection, query: SearchQuery, options?: CallOptions): Promise<Page<SearchHit>> {
  const doing = 'search';
  const kinds = query.kinds === undefined ? undefined : kindsInRegistryOrder(query.kinds);
  // Folded again: whatever a caller sends, only [a-z0-9] words reach the Lucene query (and they are escaped even so).
  const words = [...new Set(query.terms.flatMap((term) => foldText(term).split(' ')).filter((word) => word !== ''))];
  if (words.length === 0 || (kinds !== undefined && kinds.length === 0)) return { items: [], totalCount: 0 };
  const { count, page } = searchStatements(words, kinds, query.offset, query.limit, query.asOf);
  return connection.read(
    doing,
    async (tx) => {
      const totalCount = countFromNeo4j((await tx.run(count)).records[0]?.get('total'), `${doing} total`);
      const items = (await tx.run(page)).records.map((r): SearchHit => {
        const node = readLabelledNode(r.get('labels'), r.get('id'), r.get('props'));
        const score = neo4jValueToJs(r.get('score'), `${doing} score of ${node.id}`);
        if (typeof score !== 'number' || !Number.isFinite(score)) throw new TypeError(`${doing}: the score of ${node.id} is not a number (${String(score)})`);
        return { node, score };
      });
      return { items, totalCount };
    },
    options,
  );
}
