import type { NodeKind } from '../model/kinds';
import type { Direction, RelationshipType } from '../model/relationships';

/**
 * The records and query shapes the store port trades in (see port.ts for
 * the methods). Kept apart so the core and the analyst parts of the port can
 * both use them.
 */

/** A scalar property value as stored. */
export type PropertyValue = string | number | boolean | null;

/** Property bag of a node or a relationship (absent properties are null or missing). */
export type Properties = Readonly<Record<string, PropertyValue>>;

/**
 * The node properties a graph view labels nodes with. A summary node record
 * (`partial: true`) holds these (those the node has) and no other.
 */
export const SUMMARY_PROPERTIES = ['name', 'nameVi', 'abbreviation', 'number', 'code'] as const;

/** One node: its global id, its kind and its properties. */
export interface NodeRecord {
  readonly id: string;
  readonly kind: NodeKind;
  readonly props: Properties;
  /**
   * True on a summary: `props` holds only the node's SUMMARY_PROPERTIES
   * (graph answers may return summaries; `getNodes` gives the full record).
   * Absent on a full record.
   */
  readonly partial?: true;
}

/** One relationship: its type, both endpoint ids and its properties. */
export interface EdgeRecord {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly props: Properties;
  /**
   * True on a summary: `props` is empty (graph answers may return summaries;
   * `getEdges` gives the full record). Absent on a full record.
   */
  readonly partial?: true;
}

/** What identifies a relationship: its type and both endpoint ids (the store merges on these). */
export interface EdgeKey {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
}

/** A relationship together with the node at its other end. */
export interface Neighbour {
  readonly edge: EdgeRecord;
  readonly node: NodeRecord;
}

/**
 * A read "as of" a date: only nodes and relationships valid on `asOf`
 * (`YYYY-MM-DD`) take part — validFrom absent or <= asOf, and validTo absent
 * or > asOf (see VALIDITY_PROPERTIES in src/model/kinds.ts); a relationship
 * counts only when both its endpoints are valid too. Absent: every record,
 * whatever its validity.
 */
export interface AsOf {
  readonly asOf?: string;
}

/** Batched neighbour lookup: for each id, the neighbours over one type in one direction. */
export interface NeighbourQuery extends AsOf {
  readonly ids: readonly string[];
  readonly type: RelationshipType;
  readonly direction: Direction;
}

/** A condition on one property. Exactly one operator is set. */
export interface PropertyCondition {
  readonly property: string;
  /** Equal to the value. */
  readonly eq?: PropertyValue;
  /** Equal to one of the values (never empty). */
  readonly in?: readonly (string | number)[];
  /** Less than or equal to the value. */
  readonly lte?: number;
  /** Greater than or equal to the value. */
  readonly gte?: number;
  /** The string property contains the (already folded) text. */
  readonly contains?: string;
}

export type SortDirection = 'ASC' | 'DESC';

export interface SortKey {
  readonly property: string;
  readonly direction: SortDirection;
}

/** Filtered, sorted, paged list of nodes of one kind. */
export interface NodeListQuery extends AsOf {
  readonly kind: NodeKind;
  /** All conditions must hold. */
  readonly where?: readonly PropertyCondition[];
  /** Sort keys; the id is always appended as the final tie-breaker. */
  readonly orderBy?: readonly SortKey[];
  /** Rows to skip. */
  readonly offset: number;
  /** Rows to return (at least 1). */
  readonly limit: number;
}

/** Filtered, paged list of relationships of some types. */
export interface EdgeListQuery extends AsOf {
  readonly types: readonly RelationshipType[];
  /** Only relationships starting at one of these ids. */
  readonly fromIds?: readonly string[];
  /** Only relationships ending at one of these ids. */
  readonly toIds?: readonly string[];
  /** Conditions on the end node's properties (e.g. Task.timeframe, Task.planId). */
  readonly toWhere?: readonly PropertyCondition[];
  readonly offset: number;
  readonly limit: number;
}

/** Most changes one page of listValidityChanges holds. */
export const MAX_VALIDITY_CHANGES = 1000;

/** Which side of its validity a {@link ValidityChange} is: a record starts to hold (validFrom) or stops (validTo). */
export type ValidityChangeKind = 'STARTS' | 'ENDS';

/**
 * A node or a relationship starting or ending on a date: its validFrom
 * (STARTS) or validTo (ENDS), with the full record (exactly one of `node`,
 * `edge`).
 */
export interface ValidityChange {
  readonly date: string;
  readonly change: ValidityChangeKind;
  readonly node?: NodeRecord;
  readonly edge?: EdgeRecord;
}

/**
 * The changes of validity whose date falls in [from, to) (absent: open on
 * that side), of nodes of `kinds` and relationships of `types` (absent:
 * every kind, every type; an empty list: none of them), ordered by date, then
 * the record's key (a node's id; a relationship's `from type to`), then
 * ENDS before STARTS; `first` of them after the cursor `after` (an opaque
 * string from an earlier page, see validityCursor.ts).
 */
export interface ValidityChangeQuery {
  readonly from?: string;
  readonly to?: string;
  readonly kinds?: readonly NodeKind[];
  readonly types?: readonly RelationshipType[];
  /** Changes per page: 1 to {@link MAX_VALIDITY_CHANGES}. */
  readonly first: number;
  readonly after?: string;
}

/** One page of a list and the number of rows matching overall. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
}
