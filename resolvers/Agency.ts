import { validityOf } from '../src/model/validity';
import type { AgencyResolvers, AssignmentResolvers } from './generated/types';
import { asOfArg } from './helpers/asOf';
import { assignmentsAt, assignmentsCarriedBy, carriersOfAssignment } from './helpers/assignments';
import { stepsBy } from './helpers/dated';
import { nodeFields } from './helpers/nodeFields';
import { related } from './helpers/related';
import { orFail } from './Node';

export const agencyResolvers: AgencyResolvers = {
  ...nodeFields('Agency'),
  leads: related('LEADS', 'OUT'),
  coordinates: related('COORDINATES', 'OUT'),
  assignments: (parent, { role, asOf }, context) => assignmentsAt(context, parent.id, 'OUT', role, asOfArg(context, asOf)),
  issued: related('ISSUED_BY', 'IN'),
  received: related('RECEIVES', 'OUT'),
  denotes: related('DENOTES', 'OUT'),
  successors: (parent, { asOf }, context) => stepsBy(context, 'succession', 'OUT', parent.id, asOfArg(context, asOf)),
  predecessors: (parent, { asOf }, context) => stepsBy(context, 'succession', 'IN', parent.id, asOfArg(context, asOf)),
  carriedBy: async (parent, { asOf }, context) => [...(await context.loaders.carriers(asOfArg(context, asOf)).load(parent.id))],
  carries: (parent, { role, asOf }, context) => assignmentsCarriedBy(context, parent.id, role, asOfArg(context, asOf)),
};

/**
 * An assignment is a LEADS or COORDINATES relationship, read on the as-of
 * date of the list that returned it (today when that list took none).
 */
export const assignmentResolvers: AssignmentResolvers = {
  agency: (edge, _args, context) => context.loaders.node.load(edge.from).then(orFail(edge.from)),
  task: (edge, _args, context) => context.loaders.node.load(edge.to).then(orFail(edge.to)),
  role: (edge) => (edge.type === 'LEADS' ? 'LEAD' : 'COORDINATOR'),
  source: (edge) => edge.props,
  note: (edge) => (typeof edge.props.note === 'string' ? edge.props.note : null),
  validity: (edge) => validityOf(edge.props),
  carriedBy: (edge, _args, context) => carriersOfAssignment(context, edge, edge.asOf ?? asOfArg(context, undefined)),
};
