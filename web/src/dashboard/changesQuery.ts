import type { DatedSource, SuccessionStepRow } from './carriedRows';

/**
 * What changed between two dates, read from the bodies and documents valid
 * on each (their `validity` with its sources) and the successions of the
 * bodies that ended. A record that both begins and ends strictly between the
 * two dates is on neither list and so not shown.
 */
const DATED_SOURCE = 'document url quote factId';
const VALIDITY = `validity { from to fromSource { ${DATED_SOURCE} } toSource { ${DATED_SOURCE} } }`;
const AGENCY_FIELDS = `id name nameVi ${VALIDITY}
      successors(asOf: $end) { type date from { id name nameVi } to { id name nameVi } source { ${DATED_SOURCE} } }`;
const DOCUMENT_FIELDS = `id name nameVi number ${VALIDITY}`;

export const CHANGES_QUERY = `query DashboardChanges($start: String!, $end: String!) {
  agenciesBefore: agencies(first: 200, asOf: $start) { nodes { ${AGENCY_FIELDS} } }
  agenciesAfter: agencies(first: 200, asOf: $end) { nodes { ${AGENCY_FIELDS} } }
  documentsBefore: legalDocuments(first: 200, asOf: $start) { nodes { ${DOCUMENT_FIELDS} } }
  documentsAfter: legalDocuments(first: 200, asOf: $end) { nodes { ${DOCUMENT_FIELDS} } }
}`;

export interface DatedValidity {
  readonly from: string | null;
  readonly to: string | null;
  readonly fromSource: DatedSource | null;
  readonly toSource: DatedSource | null;
}

export interface DatedRecord {
  readonly id: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly number?: string | null;
  readonly validity: DatedValidity;
  readonly successors?: readonly SuccessionStepRow[];
}

export interface ChangesAnswer {
  readonly agenciesBefore: { readonly nodes: readonly DatedRecord[] };
  readonly agenciesAfter: { readonly nodes: readonly DatedRecord[] };
  readonly documentsBefore: { readonly nodes: readonly DatedRecord[] };
  readonly documentsAfter: { readonly nodes: readonly DatedRecord[] };
}
