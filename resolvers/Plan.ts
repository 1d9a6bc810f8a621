import type { NodeRecord } from '../src/store/port';
import type { PlanResolvers, SchemeResolvers } from './generated/types';
import { asOfArg } from './helpers/asOf';
import { assignmentsAt } from './helpers/assignments';
import { cited } from './helpers/citations';
import { nodeFields } from './helpers/nodeFields';
import { neighboursOf, related } from './helpers/related';

export const planResolvers: PlanResolvers = {
  ...nodeFields('Plan'),
  issuedIn: related('ISSUES', 'IN'),
  approvedBy: related('APPROVES', 'IN'),
  implements: related('IMPLEMENTS', 'OUT'),
  implementedBy: related('IMPLEMENTS', 'IN'),
  basedOn: cited('OUT'),
  refersTo: related('REFERS_TO', 'OUT'),
  tasks: async (parent, { timeframe, section, asOf }, context) =>
    (await neighboursOf(context, parent.id, 'HAS_TASK', 'OUT', asOfArg(context, asOf)))
      .map((n) => n.node)
      .filter((task: NodeRecord) => (!timeframe || task.props.timeframe === timeframe) && (!section || task.props.section === section)),
  targets: related('HAS_TARGET', 'OUT'),
  phases: related('HAS_PHASE', 'OUT'),
  objectives: related('HAS_OBJECTIVE', 'OUT'),
  fundingSources: related('FUNDED_BY', 'OUT'),
  scope: related('APPLIES_TO', 'OUT'),
  assignments: async (parent, { asOf: asOfValue }, context) => {
    const asOf = asOfArg(context, asOfValue);
    const tasks = await neighboursOf(context, parent.id, 'HAS_TASK', 'OUT', asOf);
    const perTask = await Promise.all(tasks.map(({ node }) => assignmentsAt(context, node.id, 'IN', null, asOf)));
    return perTask.flat();
  },
};

export const schemeResolvers: SchemeResolvers = {
  ...nodeFields('Scheme'),
  approvedBy: related('APPROVES', 'IN'),
  implementedBy: related('IMPLEMENTS', 'IN'),
};
