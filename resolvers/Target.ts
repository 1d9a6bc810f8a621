import type { ObjectiveResolvers, PhaseResolvers, TargetResolvers } from './generated/types';
import { nodeFields } from './helpers/nodeFields';
import { nodeProperty } from './helpers/records';
import { related, relatedFirst } from './helpers/related';
import { recordList } from './helpers/recordList';
import { asOfDate } from './helpers/recordInput';

export const targetResolvers: TargetResolvers = {
  ...nodeFields('Target'),
  plan: async (parent, _args, context) => {
    const planId = await nodeProperty(parent, 'planId', context);
    return typeof planId === 'string' ? context.loaders.node.load(planId) : null;
  },
  setBy: related('HAS_TARGET', 'IN'),
  phases: related('IN_PHASE', 'OUT'),
  standards: related('APPLIES_STANDARD', 'OUT'),
  actuals: (parent, { includeRetracted, first }, context) => recordList(context, 'Actual', parent.id, includeRetracted, first),
  events: (parent, { includeRetracted, first }, context) => recordList(context, 'Event', parent.id, includeRetracted, first),
  progress: async (parent, { asOf }, context) => {
    const progress = await context.loaders.records.targetProgress(asOfDate(asOf)).load(parent.id);
    if (!progress) throw new Error(`no progress for ${parent.id}: the target is not in the store`);
    return progress;
  },
};

export const phaseResolvers: PhaseResolvers = {
  ...nodeFields('Phase'),
  plan: relatedFirst('HAS_PHASE', 'IN'),
  targets: async (parent, args, context) => (await related('IN_PHASE', 'IN')(parent, args, context)).filter((n) => n.kind === 'Target'),
  tasks: async (parent, args, context) => (await related('IN_PHASE', 'IN')(parent, args, context)).filter((n) => n.kind === 'Task'),
};

export const objectiveResolvers: ObjectiveResolvers = {
  ...nodeFields('Objective'),
  plan: relatedFirst('HAS_OBJECTIVE', 'IN'),
  sectors: related('PRIORITISES', 'OUT'),
  standards: related('APPLIES_STANDARD', 'OUT'),
};
