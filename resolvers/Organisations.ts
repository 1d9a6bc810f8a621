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
};

export const labResolvers: LabResolvers = {
  ...nodeFields('Lab'),
  categories: related('MEMBER_OF', 'OUT'),
  recipientOf: related('RECIPIENT_OF', 'OUT'),
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
