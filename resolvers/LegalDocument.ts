import type { LegalBasisLinkResolvers, LegalDocumentResolvers } from './generated/types';
import { requireIntInRange } from './helpers/arguments';
import { legalBasisChain } from './helpers/legalBasis';
import { nodeFields } from './helpers/nodeFields';
import { legalDocumentReference } from './helpers/references';
import { related, relatedAny } from './helpers/related';
import { MAX_LEGAL_BASIS_DEPTH } from './Query';

export const legalDocumentResolvers: LegalDocumentResolvers = {
  ...nodeFields('LegalDocument'),
  __resolveReference: legalDocumentReference,
  issuedBy: related('ISSUED_BY', 'OUT'),
  signedBy: related('SIGNED_BY', 'OUT'),
  basedOn: related('BASED_ON', 'OUT'),
  citedBy: related('BASED_ON', 'IN'),
  legalBasis: (parent, { maxDepth }, context) =>
    legalBasisChain(context, parent, requireIntInRange(maxDepth ?? 10, 'maxDepth', 1, MAX_LEGAL_BASIS_DEPTH)),
  issues: related('ISSUES', 'OUT'),
  approves: related('APPROVES', 'OUT'),
  recipients: related('RECEIVES', 'IN'),
  referencedBy: relatedAny([['REFERS_TO', 'IN']]),
};

export const legalBasisLinkResolvers: LegalBasisLinkResolvers = {
  depth: (link) => link.depth,
  citing: (link) => link.citing,
  document: (link) => link.document,
  source: (link) => link.edge.props,
};
