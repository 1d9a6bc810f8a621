import type { NodeKind } from '../model/kinds';
import type { RelationshipType } from '../model/relationships';
import type { AsOf, EdgeRecord, NodeRecord, PropertyCondition, PropertyValue } from './records';

/**
 * Types of the analyst part of the store port (search, paths, neighbourhoods,
 * aggregates). Every method is one round-trip and is computed in the store.
 */

/** Full-text search over the folded text of nodes (names, Vietnamese wording, numbers, codes). */
export interface SearchQuery extends AsOf {
  /**
   * The query folded into terms (see foldText in src/model/text.ts: lower
   * case, no diacritics, đ -> d), in the order typed; at least one, each
   * non-empty, at most 16.
   */
  readonly terms: readonly string[];
  /** Only nodes of these kinds (never empty when given). */
  readonly kinds?: readonly NodeKind[];
  readonly offset: number;
  readonly limit: number;
}

/**
 * Both adapters scale the engine's BM25 score by
 * `SEARCH_LENGTH_PIVOT / (SEARCH_LENGTH_PIVOT + words in searchText)`, so a
 * node whose whole text is the match (an agency's name) ranks above a long
 * task that mentions it. BM25 normalises length only against the average of
 * its own table (Kùzu) or index, which leaves long task texts too close to
 * short names; this puts every kind on one scale.
 */
export const SEARCH_LENGTH_PIVOT = 8;

/** One search hit: the node and its relevance (higher is better; comparable within one answer). */
export interface SearchHit {
  readonly node: NodeRecord;
  readonly score: number;
}

/** A path between two nodes: nodes[i] and nodes[i + 1] are joined by edges[i] (in either direction). */
export interface GraphPath {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
}

/** How two nodes are connected, following relationships in either direction. */
export interface PathQuery extends AsOf {
  readonly from: string;
  readonly to: string;
  /** Most relationships on a path (1 or more; adapters cap it, see MAX_PATH_DEPTH). */
  readonly maxDepth: number;
  /** Only these relationship types (never empty when given). */
  readonly types?: readonly RelationshipType[];
  /**
   * SHORTEST: the shortest paths only (all of equal, minimal length).
   * ALL: every path without repeated nodes up to maxDepth, shortest first.
   */
  readonly mode: 'SHORTEST' | 'ALL';
  /** Most paths returned. */
  readonly limit: number;
}

/** The subgraph within `depth` hops of some nodes. */
export interface NeighbourhoodQuery extends AsOf {
  /** Start nodes (never empty). */
  readonly ids: readonly string[];
  /** Hops (1 or more; capped). */
  readonly depth: number;
  /** Only nodes of these kinds beyond the start nodes (never empty when given). */
  readonly kinds?: readonly NodeKind[];
  /** Only these relationship types (never empty when given). */
  readonly types?: readonly RelationshipType[];
  /** Most nodes returned (start nodes included); past it the answer is truncated. */
  readonly limit: number;
}

/** Nodes and the relationships among them, ready for a graph view. */
export interface Subgraph {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
  /** True when more nodes were in reach than `limit` allowed. */
  readonly truncated: boolean;
}

/** Counts of nodes of one kind grouped by one of its properties (or by kind when `kind` is absent). */
export interface NodeCountQuery extends AsOf {
  readonly kind?: NodeKind;
  /** A property of `kind` to group by; absent: one group per kind (with `kind` absent) or one total. */
  readonly groupBy?: string;
  readonly where?: readonly PropertyCondition[];
}

/** Counts of relationships grouped by type and/or an end. */
export interface EdgeCountQuery extends AsOf {
  /** Never empty. */
  readonly types: readonly RelationshipType[];
  /** Group keys, in order; e.g. ['from', 'type'] for "tasks led vs coordinated per agency". */
  readonly groupBy: readonly ('type' | 'from' | 'to')[];
  /** Conditions on the end node (e.g. Task.planId). */
  readonly toWhere?: readonly PropertyCondition[];
  /** Only relationships starting at nodes of these kinds (never empty when given). */
  readonly fromKinds?: readonly NodeKind[];
}

/** One group of a count. Keys absent from the grouping are undefined. */
export interface CountGroup {
  readonly kind?: NodeKind;
  readonly value?: PropertyValue;
  readonly type?: RelationshipType;
  readonly from?: string;
  readonly to?: string;
  readonly count: number;
}

/** Caps every adapter enforces (the API rejects larger values with BAD_USER_INPUT first). */
export const ANALYTICS_LIMITS = {
  maxPathDepth: 6,
  maxPaths: 100,
  maxNeighbourhoodDepth: 3,
  maxNeighbourhoodNodes: 2000,
  maxSearchTerms: 16,
} as const;
