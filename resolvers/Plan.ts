import type { EdgeRecord, NodeRecord } from '../src/store/port';
import type { PlanResolvers, SchemeResolvers } from './generated/types';
import { nodeFields } from './helpers/nodeFields';
import { neighboursOf, related } from './helpers/related';

export const planResolvers: PlanResolvers = {
  ...nodeFields('Plan'),
  issuedIn: related('ISSUES', 'IN'),
  approvedBy: related('APPROVES', 'IN'),
  implements: related('IMPLEMENTS', 'OUT'),
  implementedBy: related('IMPLEMENTS', 'IN'),
  basedOn: related('BASED_ON', 'OUT'),
  refersTo: related('REFERS_TO', 'OUT'),
  tasks: async (parent, { timeframe, section }, context) =>
    (await neighboursOf(context, parent.id, 'HAS_TASK', 'OUT'))
      .map((n) => n.node)
      .filter((task: NodeRecord) => (!timeframe || task.props.timeframe === timeframe) && (!section || task.props.section === section)),
  targets: related('HAS_TARGET', 'OUT'),
  phases: related('HAS_PHASE', 'OUT'),
  objectives: related('HAS_OBJECTIVE', 'OUT'),
  fundingSources: related('FUNDED_BY', 'OUT'),
  scope: related('APPLIES_TO', 'OUT'),
  assignments: async (parent, _args, context) => {
    const tasks = await neighboursOf(context, parent.id, 'HAS_TASK', 'OUT');
    const perTask = await Promise.all(
      tasks.map(async ({ node }) => {
        const [leads, coordinators] = await Promise.all([
          neighboursOf(context, node.id, 'LEADS', 'IN'),
          neighboursOf(context, node.id, 'COORDINATES', 'IN'),
        ]);
        return [...leads, ...coordinators].map((n): EdgeRecord => n.edge);
      }),
    );
    return perTask.flat();
  },
};

export const schemeResolvers: SchemeResolvers = {
  ...nodeFields('Scheme'),
  approvedBy: related('APPROVES', 'IN'),
  implementedBy: related('IMPLEMENTS', 'IN'),
};
