import type { TaskResolvers } from './generated/types';
import { asOfArg } from './helpers/asOf';
import { assignmentsAt, bodiesCarrying } from './helpers/assignments';
import { nodeFields } from './helpers/nodeFields';
import { asOfDate } from './helpers/recordInput';
import { recordList } from './helpers/recordList';
import { related, relatedAny, relatedFirst } from './helpers/related';

export const taskResolvers: TaskResolvers = {
  ...nodeFields('Task'),
  plan: relatedFirst('HAS_TASK', 'IN'),
  lead: async (parent, { asOf }, context) => (await bodiesCarrying(context, parent.id, 'LEAD', asOfArg(context, asOf)))[0] ?? null,
  leadBodies: (parent, { asOf }, context) => bodiesCarrying(context, parent.id, 'LEAD', asOfArg(context, asOf)),
  coordinators: (parent, { asOf }, context) => bodiesCarrying(context, parent.id, 'COORDINATOR', asOfArg(context, asOf)),
  assignments: (parent, { role, asOf }, context) => assignmentsAt(context, parent.id, 'IN', role, asOfArg(context, asOf)),
  targets: related('HAS_TARGET', 'OUT'),
  phases: related('IN_PHASE', 'OUT'),
  standards: related('APPLIES_STANDARD', 'OUT'),
  sectors: related('PRIORITISES', 'OUT'),
  fundingSources: related('FUNDED_BY', 'OUT'),
  recipients: related('RECIPIENT_OF', 'IN'),
  correspondsTo: relatedAny([
    ['CORRESPONDS_TO', 'OUT'],
    ['CORRESPONDS_TO', 'IN'],
  ]),
  refersTo: related('REFERS_TO', 'OUT'),
  reports: (parent, { includeRetracted, first }, context) => recordList(context, 'TaskReport', parent.id, includeRetracted, first),
  events: (parent, { includeRetracted, first }, context) => recordList(context, 'Event', parent.id, includeRetracted, first),
  progress: async (parent, { asOf }, context) => {
    const progress = await context.loaders.records.taskProgress(asOfDate(asOf)).load(parent.id);
    if (!progress) throw new Error(`no progress for ${parent.id}: the task is not in the store`);
    return progress;
  },
};
