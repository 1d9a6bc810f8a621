import { parseValiditySource } from '../src/model/validity';
import type { CarrierResolvers, SuccessionStepResolvers } from './generated/types';

/** A step of a body's succession: the relationship's type, its ends, its date and the source that dates it. */
export const successionStepResolvers: SuccessionStepResolvers = {
  type: (step) => step.edge.type,
  from: (step) => step.from,
  to: (step) => step.to,
  date: (step) => step.date,
  source: (step) => parseValiditySource(step.edge.props.validFromSource),
};

/** A body carrying work on a date. */
export const carrierResolvers: CarrierResolvers = {
  agency: (carrier) => carrier.agency,
  since: (carrier) => carrier.since,
  chain: (carrier) => [...carrier.chain],
};
