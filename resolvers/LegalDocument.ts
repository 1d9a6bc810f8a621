import type { LegalBasisLinkResolvers, LegalDocumentResolvers } from './generated/types';
import type { Context } from '../src/context';
import type { RelationshipType } from '../src/model/relationships';
import type { NodeRecord } from '../src/store/port';
import { requireIntInRange } from './helpers/arguments';
import { asOfArg, type AsOfArgs } from './helpers/asOf';
import { cited } from './helpers/citations';
import { stepsBy } from './helpers/dated';
import { documentStatus } from './helpers/documentStatus';
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
  basedOn: cited('OUT'),
  citedBy: cited('IN'),
  legalBasis: (parent, { maxDepth, asOf }, context) =>
    legalBasisChain(context, parent, requireIntInRange(maxDepth ?? 10, 'maxDepth', 1, MAX_LEGAL_BASIS_DEPTH), asOfArg(context, asOf)),
  issues: related('ISSUES', 'OUT'),
  approves: related('APPROVES', 'OUT'),
  recipients: related('RECEIVES', 'IN'),
  referencedBy: relatedAny([['REFERS_TO', 'IN']]),
  status: (parent, { asOf }, context) => documentStatus(context, parent, asOfArg(context, asOf)),
  amendedBy: changed('AMENDED_BY', 'OUT'),
  amends: changed('AMENDED_BY', 'IN'),
  replacedBy: changed('REPLACED_BY', 'OUT'),
  replaces: changed('REPLACED_BY', 'IN'),
  repealedBy: changed('REPEALED_BY', 'OUT'),
  repeals: changed('REPEALED_BY', 'IN'),
};

/**
 * A field listing the documents at the other end of `type` changes that had
 * taken effect by `asOf` (see stepsBy): the replaced document still names its
 * replacement after it ended.
 */
function changed(type: RelationshipType, direction: 'OUT' | 'IN') {
  return async (parent: NodeRecord, args: AsOfArgs, context: Context): Promise<NodeRecord[]> =>
    (await stepsBy(context, 'document', direction, parent.id, asOfArg(context, args.asOf)))
      .filter((step) => step.edge.type === type)
      .map((step) => (direction === 'OUT' ? step.to : step.from));
}

export const legalBasisLinkResolvers: LegalBasisLinkResolvers = {
  depth: (link) => link.depth,
  citing: (link) => link.citing,
  document: (link) => link.document,
  source: (link) => link.edge.props,
};
