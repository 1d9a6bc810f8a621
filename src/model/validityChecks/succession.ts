import { DOCUMENT_CHANGE_TYPES, SUCCESSION_TYPES } from '../succession';

/**
 * The succession relationship types, by family: between bodies, and between
 * documents. A succession is dated by its `validFrom` (the day the successor
 * takes over) and never crosses families.
 */
export const SUCCESSION_FAMILIES = {
  bodies: SUCCESSION_TYPES,
  documents: DOCUMENT_CHANGE_TYPES,
} as const;

export type SuccessionFamily = keyof typeof SUCCESSION_FAMILIES;
export type DatedSuccessionType = (typeof SUCCESSION_FAMILIES)[SuccessionFamily][number];

/**
 * Successions that end their predecessor on their date: the predecessor's
 * `validTo` is the succession's `validFrom`. A split may leave the body in
 * place and an amendment leaves the document in force, so for those two the
 * date need only fall within the predecessor's validity.
 */
export const ENDING_SUCCESSIONS: readonly DatedSuccessionType[] = ['SUCCEEDED_BY', 'MERGED_INTO', 'RENAMED_TO', 'REPLACED_BY', 'REPEALED_BY'];

/**
 * Successions after which the predecessor holds one name or one replacement at
 * a time: two of them from one record may not be valid at overlapping times.
 */
export const EXCLUSIVE_SUCCESSIONS: readonly DatedSuccessionType[] = ['RENAMED_TO'];

/** The family of a relationship type, or undefined when it is no succession. */
export function successionFamilyOf(type: string): SuccessionFamily | undefined {
  for (const [family, types] of Object.entries(SUCCESSION_FAMILIES) as [SuccessionFamily, readonly string[]][]) {
    if (types.includes(type)) return family;
  }
  return undefined;
}
