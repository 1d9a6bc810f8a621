import type { TaskResolvers } from './generated/types';
import { nodeFields } from './helpers/nodeFields';
import { asOfDate } from './helpers/recordInput';
import { recordList } from './helpers/recordList';
import { neighboursOf, related, relatedAny, relatedFirst } from './helpers/related';

export const taskResolvers: TaskResolvers = {
  ...nodeFields('Task'),
  plan: relatedFirst('HAS_TASK', 'IN'),
  lead: relatedFirst('LEADS', 'IN'),
  leadBodies: related('LEADS', 'IN'),
  coordinators: related('COORDINATES', 'IN'),
  assignments: async (parent, { role }, context) => {
    const [leads, coordinators] = await Promise.all([
      role === 'COORDINATOR' ? [] : neighboursOf(context, parent.id, 'LEADS', 'IN'),
      role === 'LEAD' ? [] : neighboursOf(context, parent.id, 'COORDINATES', 'IN'),
    ]);
    return [...leads, ...coordinators].map((n) => n.edge);
  },
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
