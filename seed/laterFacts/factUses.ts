import type { NodeKind } from '../../src/model/kinds';
import type { RelationshipType } from '../../src/model/relationships';
import type { PropertyValue } from '../../src/store/port';
import type { DateField } from './readLaterFacts';

/**
 * How a later fact (seed/sources/later-facts.json) becomes graph data. A use
 * names the fact by id and points into it — a subject by role, a date by
 * field, a quote by position — so every name, number, date and quote is read
 * from the fact itself, never typed again.
 */

/** A quote of the fact: `sources[source].quotes[quote]`. */
export interface QuoteRef {
  readonly source: number;
  readonly quote: number;
}

/** A subject of the fact: the `index`-th (0 when absent) of those with `role`. */
export interface SubjectRef {
  readonly role: string;
  readonly index?: number;
}

/**
 * A validity date from the fact's `dates[date]` with the quote that states
 * it. As a `validTo`, `effectiveTo` (the last day in force) becomes the day
 * after it (validTo is the first day no longer valid).
 */
export interface DatedBy {
  readonly date: DateField;
  readonly quote: QuoteRef;
}

/** Validity dates a use gives a record. */
export interface ValidityUse {
  readonly validFrom?: DatedBy;
  readonly validTo?: DatedBy;
}

/**
 * A node the fact adds. Its Vietnamese name (and, for a document, its
 * number and date of issue) is the subject's; a node made from the act that
 * carries the fact (`subject` absent) takes the fact's `document` number and
 * date and has no Vietnamese name. `effectiveFrom` is read from the fact's dates.
 */
export interface NewNodeUse extends ValidityUse {
  readonly id: string;
  readonly kind: NodeKind;
  /** English label (a translation, not a fact). */
  readonly name: string;
  readonly subject?: SubjectRef;
  readonly description?: string;
  /** Kind properties that classify the node (level, collective, docType, labType); no dates or numbers. */
  readonly props?: Readonly<Record<string, PropertyValue>>;
  /** For a document: its date of issue from the fact's dates (else the subject's or the act's date). */
  readonly issuedOn?: DateField;
  readonly effectiveFrom?: DateField;
  /** The quote kept as the node's provenance. */
  readonly quote: QuoteRef;
}

/** Validity the fact gives a node of the plan (the plan's own facts stay as they are). */
export interface SeedValidityUse extends ValidityUse {
  readonly id: string;
  /** The subject naming it; its seedId must be `id`. */
  readonly subject: SubjectRef;
}

/** One end of a relationship: a node id, and the subject of the fact that names it. */
export interface EndUse {
  readonly id: string;
  readonly subject: SubjectRef;
}

/** A relationship the fact adds. */
export interface NewEdgeUse extends ValidityUse {
  readonly type: RelationshipType;
  readonly from: EndUse;
  readonly to: EndUse;
  /** The quote kept as the relationship's provenance. */
  readonly quote: QuoteRef;
}

/** Everything one fact becomes. */
export interface FactUse {
  readonly factId: string;
  readonly nodes?: readonly NewNodeUse[];
  readonly seedValidity?: readonly SeedValidityUse[];
  readonly edges?: readonly NewEdgeUse[];
}

/** A fact that stays out of the graph, and why (docs/later-facts.md says more). */
export interface FactLeftOut {
  readonly factId: string;
  readonly why: string;
}
