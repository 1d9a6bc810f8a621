import type { AgencyResolvers, AssignmentResolvers } from './generated/types';
import { nodeFields } from './helpers/nodeFields';
import { neighboursOf, related } from './helpers/related';
import { orFail } from './Node';

export const agencyResolvers: AgencyResolvers = {
  ...nodeFields('Agency'),
  leads: related('LEADS', 'OUT'),
  coordinates: related('COORDINATES', 'OUT'),
  assignments: async (parent, { role }, context) => {
    const [leads, coordinates] = await Promise.all([
      role === 'COORDINATOR' ? [] : neighboursOf(context, parent.id, 'LEADS', 'OUT'),
      role === 'LEAD' ? [] : neighboursOf(context, parent.id, 'COORDINATES', 'OUT'),
    ]);
    return [...leads, ...coordinates].map((n) => n.edge);
  },
  issued: related('ISSUED_BY', 'IN'),
  received: related('RECEIVES', 'OUT'),
  denotes: related('DENOTES', 'OUT'),
};

/** An assignment is a LEADS or COORDINATES relationship. */
export const assignmentResolvers: AssignmentResolvers = {
  agency: (edge, _args, context) => context.loaders.node.load(edge.from).then(orFail(edge.from)),
  task: (edge, _args, context) => context.loaders.node.load(edge.to).then(orFail(edge.to)),
  role: (edge) => (edge.type === 'LEADS' ? 'LEAD' : 'COORDINATOR'),
  source: (edge) => edge.props,
  note: (edge) => (typeof edge.props.note === 'string' ? edge.props.note : null),
};
