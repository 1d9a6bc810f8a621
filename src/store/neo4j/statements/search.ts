import { int } from 'neo4j-driver';
import type { NodeKind } from '../../../model/kinds';
import { SEARCH_LENGTH_PIVOT } from '../../analytics';
import { anyNodeProjection } from './projections';
import { cypherName } from './cypherName';
import { luceneQuery } from './luceneQuery';
import type { Neo4jStatement } from './Neo4jStatement';
import { validityClause } from './validAt';

/**
 * Name of the full-text index the store's `search` queries: `searchText` of
 * every kind (already folded to [a-z0-9] words), with the
 * `standard-no-stop-words` analyzer. `standard-folding` would drop English
 * stop words, among them folded Vietnamese words such as "to" (tổ), "an"
 * (an toàn), "no" (nợ) and "a", so a search for "tổ chức" would miss
 * "Tổ chức ...".
 */
export const NEO4J_SEARCH_INDEX = 'kg_node_search';

/** The property {@link NEO4J_SEARCH_INDEX} covers. */
export const NEO4J_SEARCH_PROPERTY = 'searchText';

/**
 * The two statements of one page of search hits, run in one read
 * transaction over the full-text index {@link NEO4J_SEARCH_INDEX}
 * (`db.index.fulltext.queryNodes`, which waits for the index to be online):
 * `count` (column total) and `page` (columns id, labels, props, score),
 * ranked by Lucene score scaled by text length ({@link SEARCH_LENGTH_PIVOT},
 * descending), ties by id (ascending). The Lucene
 * query ({@link luceneQuery}) travels as the parameter `$query`; `kinds`,
 * when given, becomes a label check `node:K1|K2` (labels from the registry);
 * `asOf`, when given, keeps the nodes valid on that date.
 */
export function searchStatements(
  terms: readonly string[],
  kinds: readonly NodeKind[] | undefined,
  offset: number,
  limit: number,
  asOf?: string,
): { count: Neo4jStatement; page: Neo4jStatement } {
  const validity = validityClause(['node'], asOf);
  const filters = [...(kinds !== undefined ? [`node:${kinds.map(cypherName).join('|')}`] : []), ...validity.predicates];
  const call = [
    `CALL db.index.fulltext.queryNodes('${cypherName(NEO4J_SEARCH_INDEX)}', $query) YIELD node, score`,
    ...(filters.length > 0 ? [`WHERE ${filters.join(' AND ')}`] : []),
  ];
  const params = { query: luceneQuery(terms), ...validity.params };
  const suffix = `${kinds !== undefined ? kinds.join('|') : 'any'}${asOf !== undefined ? ' asOf' : ''}`;
  return {
    count: { name: `search.count:${suffix}`, text: [...call, 'RETURN count(node) AS total'].join('\n'), params },
    page: {
      name: `search.page:${suffix}`,
      text: [
        ...call,
        `WITH node, score * ${SEARCH_LENGTH_PIVOT}.0 / (${SEARCH_LENGTH_PIVOT}.0 + size(split(node.searchText, ' '))) AS score`,
        `RETURN node.id AS id, labels(node) AS labels, ${anyNodeProjection('node')} AS props, score`,
        'ORDER BY score DESC, id ASC',
        'SKIP $offset',
        'LIMIT $limit',
      ].join('\n'),
      params: { ...params, offset: int(offset), limit: int(limit) },
    },
  };
}
