import type { ChangeEntry, EdgeRecord, NodeRecord } from '../src/store/port';
import type { Resolvers } from './generated/types';
import type { SearchHitParent } from './parents';
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
import { connectionResolvers } from './helpers/paging';
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
import { viewerQueryResolvers, viewerResolvers } from './Viewer';

/** Every resolver map of the API, one per GraphQL type. */
export const resolvers: Resolvers = {
  Query: { ...queryResolvers, ...analyticsQueryResolvers, ...viewerQueryResolvers, ...historyQueryResolvers },
  Mutation: mutationResolvers,
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
  LegalDocumentConnection: connectionResolvers<NodeRecord>(),
  PlanConnection: connectionResolvers<NodeRecord>(),
  AgencyConnection: connectionResolvers<NodeRecord>(),
  TaskConnection: connectionResolvers<NodeRecord>(),
  TargetConnection: connectionResolvers<NodeRecord>(),
  CategoryConnection: connectionResolvers<NodeRecord>(),
  StandardConnection: connectionResolvers<NodeRecord>(),
  EnterpriseConnection: connectionResolvers<NodeRecord>(),
  LabConnection: connectionResolvers<NodeRecord>(),
  AssignmentConnection: connectionResolvers<EdgeRecord>(),
  SearchConnection: connectionResolvers<SearchHitParent>(),
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
