import type { ChangeEntry, EdgeRecord, NodeRecord, ValidityChange } from '../src/store/port';

/** Parent of a LegalBasisLink: `citing` rests on `document` through `edge`, `depth` steps below the start. */
export interface LegalBasisLinkParent {
  readonly depth: number;
  readonly citing: NodeRecord;
  readonly document: NodeRecord;
  readonly edge: EdgeRecord;
}

/** Parent of a connection: one page of items with the paging facts (and the date a dated list holds on). */
export interface ConnectionParent<T> {
  readonly items: readonly T[];
  readonly offset: number;
  readonly totalCount: number;
  readonly asOf?: string;
}

/**
 * Parent of an Assignment: the LEADS or COORDINATES relationship, with the
 * as-of date of the list that returned it (its carriers are read on that date).
 */
export type AssignmentParent = EdgeRecord & { readonly asOf?: string };

/** Parent of a connection of nodes. */
export type NodeConnectionParent = ConnectionParent<NodeRecord>;

/** Parent of a connection of relationships (assignments). */
export type EdgeConnectionParent = ConnectionParent<AssignmentParent>;

/**
 * The SearchField values (schema/analytics.graphql). Declared here because the
 * generated types import this file; the compiler checks the two agree where
 * the resolver returns it.
 */
export type MatchedField = 'NAME' | 'NAME_VI' | 'NUMBER' | 'ABBREVIATION' | 'CODE';

/** Parent of a SearchHit: the hit, the field that matched best and its highlighted text. */
export interface SearchHitParent {
  readonly node: NodeRecord;
  readonly score: number;
  readonly matchedField: MatchedField;
  readonly snippet: string;
}

/** Parent of a connection of search hits. */
export type SearchConnectionParent = ConnectionParent<SearchHitParent>;

/** Parent of a PathStep: `edge` joins `from` and `to`, walked forwards or backwards. */
export interface PathStepParent {
  readonly from: NodeRecord;
  readonly to: NodeRecord;
  readonly edge: EdgeRecord;
}

/** Parent of Aggregates: each field computes its own counts, on the date `aggregates(asOf)` names. */
export interface AggregatesParent {
  readonly asOf: string;
}

/** Parent of an AgencyWorkload row. */
export interface AgencyWorkloadParent {
  readonly agencyId: string;
  readonly leads: number;
  readonly coordinates: number;
}

/** Parent of a PhaseCount row. */
export interface PhaseCountParent {
  readonly phaseId: string;
  readonly tasks: number;
  readonly targets: number;
}

/** Parent of a TimelineYear. */
export interface TimelineYearParent {
  readonly year: number;
  readonly tasks: readonly NodeRecord[];
  readonly targets: readonly NodeRecord[];
}

/** Parent of a Timeline. */
export interface TimelineParent {
  readonly asOf?: string;
  readonly years: readonly TimelineYearParent[];
  readonly recurringTasks: readonly NodeRecord[];
}

/** Parent of a connection of history entries. */
export type ChangeConnectionParent = ConnectionParent<ChangeEntry>;

/** Parent of the changes list: one page of validity changes, paged by cursor (see validityCursor in src/store). */
export interface ValidityChangeConnectionParent {
  readonly items: readonly ValidityChange[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}
