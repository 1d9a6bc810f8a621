import type {
  CategoryResolvers,
  EnterpriseResolvers,
  FundingSourceResolvers,
  LabResolvers,
  SectorResolvers,
  StandardResolvers,
} from './generated/types';
import { nodeFields } from './helpers/nodeFields';
import { enterpriseReference } from './helpers/references';
import { recordList } from './helpers/recordList';
import { related } from './helpers/related';

export const categoryResolvers: CategoryResolvers = {
  ...nodeFields('Category'),
  members: related('MEMBER_OF', 'IN'),
  recipientOf: related('RECIPIENT_OF', 'OUT'),
  denotedBy: related('DENOTES', 'IN'),
  inScopeOf: related('APPLIES_TO', 'IN'),
};

export const enterpriseResolvers: EnterpriseResolvers = {
  ...nodeFields('Enterprise'),
  __resolveReference: enterpriseReference,
  categories: related('MEMBER_OF', 'OUT'),
  recipientOf: related('RECIPIENT_OF', 'OUT'),
  events: (parent, { includeRetracted, first }, context) => recordList(context, 'Event', parent.id, includeRetracted, first, 'organisation'),
};

export const labResolvers: LabResolvers = {
  ...nodeFields('Lab'),
  categories: related('MEMBER_OF', 'OUT'),
  recipientOf: related('RECIPIENT_OF', 'OUT'),
  events: (parent, { includeRetracted, first }, context) => recordList(context, 'Event', parent.id, includeRetracted, first, 'organisation'),
};

export const sectorResolvers: SectorResolvers = {
  ...nodeFields('Sector'),
  prioritisedBy: related('PRIORITISES', 'IN'),
};

export const standardResolvers: StandardResolvers = {
  ...nodeFields('Standard'),
  appliedBy: related('APPLIES_STANDARD', 'IN'),
};

export const fundingSourceResolvers: FundingSourceResolvers = {
  ...nodeFields('FundingSource'),
  funds: related('FUNDED_BY', 'IN'),
};
