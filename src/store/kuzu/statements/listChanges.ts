import type { ChangeListQuery } from '../../implementation';
import { returnChange } from './recordColumns';
import type { Params, Statement } from './Statement';

/** The page and the count of the history entries a query selects, in commit order (seq). */
export function listChangesStatements(query: ChangeListQuery): { page: Statement; count: Statement } {
  const { where, params } = changeConditions(query);
  const match = `MATCH (h:Change)${where}`;
  return {
    page: {
      text: `${match} RETURN ${returnChange()} ORDER BY h.seq ASC SKIP $offset LIMIT $limit`,
      params: { ...params, offset: query.offset, limit: query.limit },
      doing: 'reading the history',
    },
    count: { text: `${match} RETURN count(*) AS c`, params, doing: 'counting the history' },
  };
}

/** The WHERE of the filters given (a clause per filter present; no parameter is ever null). */
function changeConditions(query: ChangeListQuery): { where: string; params: Params } {
  const predicates: string[] = [];
  const params: Params = {};
  const add = (predicate: string, name: string, value: string | undefined): void => {
    if (value === undefined) return;
    predicates.push(predicate);
    params[name] = value;
  };
  add('h.recordId = $recordId', 'recordId', query.recordId);
  add('h.subject = $subject', 'subject', query.subject);
  add('h.actor = $actor', 'actor', query.actor);
  add('h.recordKind = $recordKind', 'recordKind', query.recordKind);
  add('h.action = $action', 'action', query.action);
  add('h.at >= $from', 'from', query.from);
  add('h.at < $to', 'to', query.to);
  return { where: predicates.length > 0 ? ` WHERE ${predicates.join(' AND ')}` : '', params };
}
