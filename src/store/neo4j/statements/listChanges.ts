import { int } from 'neo4j-driver';
import { CHANGE_LABEL } from '../../../model/history';
import type { ChangeListQuery } from '../../implementation';
import { cypherName } from './cypherName';
import type { Neo4jStatement } from './Neo4jStatement';
import { returnChange } from './recordColumns';

/** The filters of listChanges, each with its predicate. */
const FILTERS = [
  ['recordId', 'h.recordId = $recordId'],
  ['subject', 'h.subject = $subject'],
  ['actor', 'h.actor = $actor'],
  ['recordKind', 'h.recordKind = $recordKind'],
  ['action', 'h.action = $action'],
  ['from', 'h.at >= $from'],
  ['to', 'h.at < $to'],
] as const;

/** The page (in seq order) and the count of the history entries a query selects: a predicate per filter given. */
export function listChangesStatements(query: ChangeListQuery): { page: Neo4jStatement; count: Neo4jStatement } {
  const present = FILTERS.filter(([name]) => query[name] !== undefined);
  const params = Object.fromEntries(present.map(([name]) => [name, query[name]]));
  const match = [`MATCH (h:${cypherName(CHANGE_LABEL)})`, ...(present.length > 0 ? [`WHERE ${present.map(([, p]) => p).join(' AND ')}`] : [])];
  const suffix = present.map(([name]) => name).join(',') || '*';
  return {
    page: {
      name: `listChanges.page:${suffix}`,
      text: [...match, `RETURN ${returnChange()}`, 'ORDER BY h.seq ASC', 'SKIP $offset LIMIT $limit'].join('\n'),
      params: { ...params, offset: int(query.offset), limit: int(query.limit) },
    },
    count: { name: `listChanges.count:${suffix}`, text: [...match, 'RETURN count(h) AS c'].join('\n'), params },
  };
}
