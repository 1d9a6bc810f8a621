import type { Context } from '../src/context';
import { BadUserInputError } from '../src/errors';
import { parseRecordId } from '../src/model/recordRules';
import type { ChangeListQuery } from '../src/store/port';
import type { QueryResolvers } from './generated/types';
import { requireId } from './helpers/arguments';
import { auditQuery, recordOrSubject } from './helpers/auditFilter';
import { toWindow } from './helpers/paging';
import { asOfDate } from './helpers/recordInput';
import type { ChangeConnectionParent } from './parents';

/** One page of the history the query selects. */
async function changes(context: Context, query: Omit<ChangeListQuery, 'offset' | 'limit'>, first: number | null | undefined, after: string | null | undefined): Promise<ChangeConnectionParent> {
  const { offset, limit } = toWindow(first, after);
  const page = await context.store.listChanges({ ...query, offset, limit });
  return { items: page.items, offset, totalCount: page.totalCount };
}

/** The root queries of the record of implementation: one record, histories, the audit list, overdue tasks. */
export const historyQueryResolvers: Pick<QueryResolvers, 'record' | 'history' | 'auditLog' | 'overdueTasks'> = {
  record: (_parent, { id }, context) => {
    if (typeof parseRecordId(id) === 'string') {
      throw new BadUserInputError(`Argument "id" is ${JSON.stringify(id.slice(0, 80))}; it must be the id of a record (Actual:<key> or TaskReport:<key>).`, 'id');
    }
    return context.loaders.records.record.load(id);
  },

  history: (_parent, { id, first, after }, context) => changes(context, recordOrSubject(id, 'id'), first, after),

  auditLog: (_parent, { filter, first, after }, context) => changes(context, auditQuery(filter), first, after),

  overdueTasks: async (_parent, { plan, asOf }, context) => {
    const parsed = requireId(plan, 'plan');
    if (parsed.kind !== 'Plan') throw new BadUserInputError(`Argument "plan" is "${plan}"; it must be the id of a Plan.`, 'plan');
    const date = asOfDate(asOf);
    const tasks = await context.loaders.neighbours('HAS_TASK', 'OUT').load(plan);
    const progress = await context.loaders.records.taskProgress(date).loadMany(tasks.map((n) => n.node.id));
    return progress.filter((p) => {
      if (p instanceof Error) throw p;
      return p !== null && p.overdue;
    }) as Exclude<(typeof progress)[number], Error | null>[];
  },
};
