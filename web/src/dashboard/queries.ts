/** The operations the dashboard sends: nothing but the public GraphQL API. */
import { CARRIED_BY, type CarrierRow } from './carriedRows';

/** The changes list's and the dated matrix's queries (see changesQuery.ts, carriedRows.ts), listed here with the others the dashboard sends. */
export { CHANGES_QUERY } from './changesQuery';
export { CARRIERS_QUERY } from './carriedRows';

/** Those of the record of implementation (progress, task reports, sign-in, recording an actual, live updates). */
export * from './recordQueries';

export const PLAN_ID = 'Plan:dn-202-2019';
export const DECISION_ID = 'LegalDocument:dn-202-qd-ubnd-2019';

const PROVENANCE = 'source { document clause quote }';

export interface Provenance {
  readonly document: string;
  readonly clause: string;
  readonly quote: string | null;
}

export interface NamedNode {
  readonly id: string;
  readonly __typename: string;
  readonly name: string;
  readonly nameVi: string | null;
}

export const TARGETS_QUERY = `query DashboardTargets($plan: ID!, $asOf: String) {
  node(id: $plan) {
    id
    __typename
    name
    nameVi
    ... on Plan {
      startYear
      endYear
      issuedIn { id number name nameVi issuedOn }
      phases(asOf: $asOf) {
        id
        name
        nameVi
        ordinal
        startYear
        endYear
        targets(asOf: $asOf) {
          id
          name
          nameVi
          metric
          quantity
          comparator
          unit
          unitVi
          year
          ordinal
          ${PROVENANCE}
        }
      }
    }
  }
}`;

export interface TargetRow extends Omit<NamedNode, '__typename'> {
  readonly metric: string;
  readonly quantity: number;
  readonly comparator: string;
  readonly unit: string;
  readonly unitVi: string | null;
  readonly year: number;
  readonly ordinal: number | null;
  readonly source: Provenance;
}

export interface PhaseRow extends Omit<NamedNode, '__typename'> {
  readonly ordinal: number;
  readonly startYear: number;
  readonly endYear: number;
  readonly targets: readonly TargetRow[];
}

export interface PlanData extends NamedNode {
  readonly startYear: number | null;
  readonly endYear: number | null;
  readonly issuedIn: readonly { id: string; number: string | null; name: string; nameVi: string | null; issuedOn: string | null }[];
  readonly phases: readonly PhaseRow[];
}

export const TASKS_QUERY = `query DashboardTasks($plan: ID!, $asOf: String) {
  tasks(filter: { plan: $plan }, orderBy: [{ field: ORDINAL }], first: 200, asOf: $asOf) {
    totalCount
    nodes {
      id
      code
      name
      nameVi
      section
      timeframe
      timeframeVi
      dueYear
      leadBodies(asOf: $asOf) { id name nameVi abbreviation }
      ${PROVENANCE}
    }
  }
}`;

export interface AgencyRef {
  readonly id: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly abbreviation: string | null;
}

export interface TaskRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly section: string;
  readonly timeframe: string;
  readonly timeframeVi: string | null;
  readonly dueYear: number | null;
  /** Every body that leads it (the API's `lead` is only the first named). */
  readonly leadBodies: readonly AgencyRef[];
  readonly source: Provenance;
}

export const ASSIGNMENTS_QUERY = `query DashboardMatrix($plan: ID!, $asOf: String) {
  assignments(filter: { plan: $plan }, first: 1000, asOf: $asOf) {
    totalCount
    asOf
    nodes {
      role
      agency { id name nameVi abbreviation collective }
      task { id code name nameVi ordinal section }
      ${PROVENANCE}
      ${CARRIED_BY}
    }
  }
}`;

export interface AssignmentRow {
  readonly role: 'LEAD' | 'COORDINATOR';
  readonly agency: AgencyRef & { readonly collective: boolean };
  readonly task: { readonly id: string; readonly code: string; readonly name: string; readonly nameVi: string | null; readonly ordinal: number | null; readonly section: string };
  readonly source: Provenance;
  /** Who carries the work on the list's date (see carriedRows.ts). */
  readonly carriedBy?: readonly CarrierRow[];
}

export const LEGAL_BASIS_QUERY = `query DashboardLegalBasis($document: ID!, $asOf: String) {
  decision: node(id: $document) {
    id
    __typename
    name
    nameVi
    ... on LegalDocument { number issuedOn docType }
  }
  legalBasis(document: $document, maxDepth: 10, asOf: $asOf) {
    depth
    citing { id }
    document { id name nameVi number docType issuedOn status(asOf: $asOf) }
    ${PROVENANCE}
  }
}`;

export interface LegalDocumentRef {
  readonly id: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly number: string | null;
  readonly docType: string;
  readonly issuedOn: string | null;
  /** In force or not on the page's date (a citation stays listed after the cited document left force). */
  readonly status?: DocumentStatus;
}

export type DocumentStatus = 'IN_FORCE' | 'PARTLY_IN_FORCE' | 'NO_LONGER_IN_FORCE' | 'NOT_YET_IN_FORCE';

export interface LegalBasisLink {
  readonly depth: number;
  readonly citing: { readonly id: string };
  readonly document: LegalDocumentRef;
  readonly source: Provenance;
}

/** Hits per page of the dashboard's search. */
export const SEARCH_PAGE = 15;

export const SEARCH_QUERY = `query DashboardSearch($text: String!, $after: String, $asOf: String) {
  search(text: $text, first: ${SEARCH_PAGE}, after: $after, asOf: $asOf) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      score
      matchedField
      snippet
      node { id __typename name nameVi }
    }
  }
}`;

export interface SearchHit {
  readonly score: number;
  readonly matchedField: string;
  readonly snippet: string;
  readonly node: NamedNode;
}

/** Used while `search` is unavailable: the root lists' name filters (English and Vietnamese, any diacritics). */
export const NAME_SEARCH_QUERY = `query DashboardNameSearch($name: NameFilter!, $asOf: String) {
  agencies(filter: { name: $name }, first: 10, asOf: $asOf) { nodes { id __typename name nameVi } }
  tasks(filter: { name: $name }, first: 10, asOf: $asOf) { nodes { id __typename name nameVi } }
  legalDocuments(filter: { name: $name }, first: 10, asOf: $asOf) { nodes { id __typename name nameVi } }
  plans(filter: { name: $name }, first: 5, asOf: $asOf) { nodes { id __typename name nameVi } }
}`;
