import type { DatedSource } from './carriedRows';

/**
 * The changes list's query: every node and relationship that starts or ends
 * from `from` on (the API's `validityChanges`, by date, an end before a
 * start), each with the source of its date, one page of up to 200.
 */
export const CHANGES_QUERY = `query DashboardChanges($from: String, $after: String) {
  validityChanges(from: $from, first: 200, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      date
      change
      node { id __typename name nameVi ... on LegalDocument { number } }
      relationship { type from { id name nameVi } to { id name nameVi } }
      source { document url quote factId }
    }
  }
}`;

/** A node or a relationship's end, as the changes list names it. */
export interface ChangedNode {
  readonly id: string;
  readonly __typename?: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly number?: string | null;
}

/** One change as the API answers it. */
export interface ValidityChangeRow {
  readonly date: string;
  readonly change: 'STARTS' | 'ENDS';
  readonly node: ChangedNode | null;
  readonly relationship: { readonly type: string; readonly from: ChangedNode; readonly to: ChangedNode } | null;
  readonly source: DatedSource | null;
}

/** One page of {@link CHANGES_QUERY}. */
export interface ChangesAnswer {
  readonly validityChanges: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly nodes: readonly ValidityChangeRow[];
  };
}
