import type { ChangeEntry, NodeRecord } from '../src/store/port';
import type { Resolvers } from './generated/types';
import type { AssignmentParent, SearchHitParent } from './parents';
import { agencyResolvers, assignmentResolvers } from './Agency';
import {
  agencyWorkloadResolvers,
  aggregatesResolvers,
  analyticsQueryResolvers,
  neighbourhoodResolvers,
  pathResolvers,
  pathStepResolvers,
  phaseCountResolvers,
  searchHitResolvers,
} from './Analytics';
import { connectionResolvers, datedConnectionResolvers } from './helpers/paging';
import { legalBasisLinkResolvers, legalDocumentResolvers } from './LegalDocument';
import { nodeResolvers, provenanceResolvers, relationshipResolvers } from './Node';
import {
  categoryResolvers,
  enterpriseResolvers,
  fundingSourceResolvers,
  labResolvers,
  sectorResolvers,
  standardResolvers,
} from './Organisations';
import { historyQueryResolvers } from './History';
import { mutationResolvers } from './Mutation';
import { personResolvers } from './Person';
import { planResolvers, schemeResolvers } from './Plan';
import { queryResolvers } from './Query';
import { subscriptionResolvers } from './Subscription';
import {
  actualPayloadResolvers,
  actualResolvers,
  eventPayloadResolvers,
  eventResolvers,
  changeResolvers,
  evidenceResolvers,
  implementationRecordResolvers,
  phaseProgressResolvers,
  targetProgressResolvers,
  taskProgressResolvers,
  taskReportPayloadResolvers,
  taskReportResolvers,
} from './Records';
import { objectiveResolvers, phaseResolvers, targetResolvers } from './Target';
import { taskResolvers } from './Task';
import { carrierResolvers, successionStepResolvers } from './Time';
import { validityChangeConnectionResolvers, validityChangeResolvers, validityChangesQueryResolvers } from './ValidityChanges';
import { viewerQueryResolvers, viewerResolvers } from './Viewer';

/** Every resolver map of the API, one per GraphQL type. */
export const resolvers: Resolvers = {
  Query: { ...queryResolvers, ...analyticsQueryResolvers, ...viewerQueryResolvers, ...historyQueryResolvers, ...validityChangesQueryResolvers },
  Mutation: mutationResolvers,
  Subscription: subscriptionResolvers,
  Viewer: viewerResolvers,
  Node: nodeResolvers,
  Provenance: provenanceResolvers,
  Relationship: relationshipResolvers,
  LegalDocument: legalDocumentResolvers,
  LegalBasisLink: legalBasisLinkResolvers,
  Plan: planResolvers,
  Scheme: schemeResolvers,
  Person: personResolvers,
  Agency: agencyResolvers,
  Assignment: assignmentResolvers,
  SuccessionStep: successionStepResolvers,
  Carrier: carrierResolvers,
  ValidityChange: validityChangeResolvers,
  ValidityChangeConnection: validityChangeConnectionResolvers,
  Task: taskResolvers,
  Target: targetResolvers,
  Phase: phaseResolvers,
  Objective: objectiveResolvers,
  Category: categoryResolvers,
  Enterprise: enterpriseResolvers,
  Lab: labResolvers,
  Sector: sectorResolvers,
  Standard: standardResolvers,
  FundingSource: fundingSourceResolvers,
  LegalDocumentConnection: datedConnectionResolvers<NodeRecord>(),
  PlanConnection: datedConnectionResolvers<NodeRecord>(),
  AgencyConnection: datedConnectionResolvers<NodeRecord>(),
  TaskConnection: datedConnectionResolvers<NodeRecord>(),
  TargetConnection: datedConnectionResolvers<NodeRecord>(),
  CategoryConnection: datedConnectionResolvers<NodeRecord>(),
  StandardConnection: datedConnectionResolvers<NodeRecord>(),
  EnterpriseConnection: datedConnectionResolvers<NodeRecord>(),
  LabConnection: datedConnectionResolvers<NodeRecord>(),
  AssignmentConnection: datedConnectionResolvers<AssignmentParent>(),
  SearchConnection: datedConnectionResolvers<SearchHitParent>(),
  SearchHit: searchHitResolvers,
  Path: pathResolvers,
  PathStep: pathStepResolvers,
  Neighbourhood: neighbourhoodResolvers,
  Aggregates: aggregatesResolvers,
  AgencyWorkload: agencyWorkloadResolvers,
  PhaseCount: phaseCountResolvers,
  ImplementationRecord: implementationRecordResolvers,
  Actual: actualResolvers,
  TaskReport: taskReportResolvers,
  Event: eventResolvers,
  Evidence: evidenceResolvers,
  Change: changeResolvers,
  ChangeConnection: connectionResolvers<ChangeEntry>(),
  TargetProgress: targetProgressResolvers,
  PhaseProgress: phaseProgressResolvers,
  TaskProgress: taskProgressResolvers,
  ActualPayload: actualPayloadResolvers,
  TaskReportPayload: taskReportPayloadResolvers,
  EventPayload: eventPayloadResolvers,
};
