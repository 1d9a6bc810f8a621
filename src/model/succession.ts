import type { RelationshipType } from './relationships';

/**
 * The relationship types along which a body's work passes to another body,
 * each dated by its own validFrom (the day the successor took over).
 */
export const SUCCESSION_TYPES = ['SUCCEEDED_BY', 'MERGED_INTO', 'SPLIT_INTO', 'RENAMED_TO'] as const satisfies readonly RelationshipType[];

/** A succession relationship type. */
export type SuccessionType = (typeof SUCCESSION_TYPES)[number];

/** The relationship types that change a legal document's force. */
export const DOCUMENT_CHANGE_TYPES = ['REPLACED_BY', 'AMENDED_BY', 'REPEALED_BY'] as const satisfies readonly RelationshipType[];

/** Most steps followed from an assigned body to the bodies that carry its work (deeper chains are cut). */
export const MAX_SUCCESSION_DEPTH = 6;

/** Most carriers one body's work is traced to (a body split many times over is cut there). */
export const MAX_CARRIERS = 20;

/** Most bodies whose work one body is looked for among (itself and its predecessors, nearest first). */
export const MAX_PREDECESSORS = 50;

/** Most succession relationships read at one level of a walk, across every body of the request. */
export const MAX_SUCCESSION_EDGES_PER_LEVEL = 2000;
