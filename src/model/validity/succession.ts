import type { RelationshipType } from '../relationships';

/**
 * The succession relationship types, by family: between bodies, and between
 * documents. A succession is dated by its `validFrom` (the day the successor
 * takes over) and never crosses families.
 */
export const SUCCESSION_FAMILIES = {
  bodies: ['SUCCEEDED_BY', 'MERGED_INTO', 'SPLIT_INTO', 'RENAMED_TO'],
  documents: ['REPLACED_BY', 'AMENDED_BY', 'REPEALED_BY'],
} as const satisfies Record<string, readonly RelationshipType[]>;

export type SuccessionFamily = keyof typeof SUCCESSION_FAMILIES;
export type SuccessionType = (typeof SUCCESSION_FAMILIES)[SuccessionFamily][number];

/**
 * Successions that end their predecessor on their date: the predecessor's
 * `validTo` is the succession's `validFrom`. A split may leave the body in
 * place and an amendment leaves the document in force, so for those two the
 * date need only fall within the predecessor's validity.
 */
export const ENDING_SUCCESSIONS: readonly SuccessionType[] = ['SUCCEEDED_BY', 'MERGED_INTO', 'RENAMED_TO', 'REPLACED_BY', 'REPEALED_BY'];

/**
 * Successions after which the predecessor holds one name or one replacement at
 * a time: two of them from one record may not be valid at overlapping times.
 */
export const EXCLUSIVE_SUCCESSIONS: readonly SuccessionType[] = ['RENAMED_TO'];

/** The family of a relationship type, or undefined when it is no succession. */
export function successionFamilyOf(type: string): SuccessionFamily | undefined {
  for (const [family, types] of Object.entries(SUCCESSION_FAMILIES) as [SuccessionFamily, readonly string[]][]) {
    if (types.includes(type)) return family;
  }
  return undefined;
}
