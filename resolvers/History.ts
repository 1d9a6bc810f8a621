import type { Context } from '../src/context';
import { BadUserInputError } from '../src/errors';
import { parseId } from '../src/model/ids';
import { parseRecordId } from '../src/model/recordRules';
import type { ChangeListQuery } from '../src/store/port';
import type { QueryResolvers } from './generated/types';
import { requireId } from './helpers/arguments';
import { toWindow } from './helpers/paging';
import { asOfDate } from './helpers/recordInput';
import type { ChangeConnectionParent } from './parents';

/** The filter of a record id, or of the records of a node id; anything else is BAD_USER_INPUT naming `argument`. */
function recordOrSubject(id: string, argument: string): Pick<ChangeListQuery, 'recordId' | 'subject'> {
  if (typeof parseRecordId(id) !== 'string') return { recordId: id };
  if (typeof parseId(id) !== 'string') return { subject: id };
  throw new BadUserInputError(`Argument "${argument}" is ${JSON.stringify(id.slice(0, 80))}; it must be the id of a record (Actual:<key>, TaskReport:<key>) or of a Target or Task.`, argument);
}

/** Checks an instant argument of the audit filter (a date, or an ISO 8601 UTC instant as the API writes them). */
function instant(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadUserInputError(`Argument "${argument}" is ${JSON.stringify(value.slice(0, 40))}; it must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.mmm]]Z.`, argument);
  }
  return value;
}

/** Most characters of the subject filter. */
const MAX_SUBJECT = 200;

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

  auditLog: (_parent, { filter, first, after }, context) => {
    const subject = filter?.subject ?? undefined;
    if (subject !== undefined && (subject === '' || subject.length > MAX_SUBJECT)) {
      throw new BadUserInputError(`Argument "filter.subject" is ${JSON.stringify(subject.slice(0, 40))}; it must be 1 to ${MAX_SUBJECT} characters.`, 'filter.subject');
    }
    const query: Omit<ChangeListQuery, 'offset' | 'limit'> = {
      ...(filter?.record ? recordOrSubject(filter.record, 'filter.record') : {}),
      ...(subject !== undefined ? { actor: subject } : {}),
      ...(filter?.kind ? { recordKind: filter.kind } : {}),
      ...(filter?.action ? { action: filter.action } : {}),
      ...(instant(filter?.from, 'filter.from') !== undefined ? { from: filter?.from as string } : {}),
      ...(instant(filter?.to, 'filter.to') !== undefined ? { to: filter?.to as string } : {}),
    };
    return changes(context, query, first, after);
  },

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
