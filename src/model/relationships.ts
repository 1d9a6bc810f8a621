import { VALIDITY_PROPERTIES, type NodeKind, type PropertySpec } from './kinds';

/**
 * The fixed registry of relationship types, with the node kinds each may join.
 * Relationship types sent to a store come from this list only.
 */
export interface RelationshipSpec {
  /** Kinds a relationship of this type may start from. */
  readonly from: readonly NodeKind[];
  /** Kinds a relationship of this type may end at. */
  readonly to: readonly NodeKind[];
  /** What the relationship means, in one line (shown in the GraphQL docs). */
  readonly meaning: string;
  /** An English sentence template for one relationship: {from} and {to} are the endpoints' labels. */
  readonly reads: string;
}

export const RELATIONSHIPS = {
  ISSUED_BY: { from: ['LegalDocument'], to: ['Agency'], meaning: 'document was issued by the agency', reads: '{from} was issued by {to}' },
  SIGNED_BY: { from: ['LegalDocument'], to: ['Person'], meaning: 'document was signed by the person', reads: '{from} was signed by {to}' },
  ISSUES: { from: ['LegalDocument'], to: ['Plan'], meaning: 'decision issues (promulgates) the plan', reads: '{from} issues {to}' },
  APPROVES: { from: ['LegalDocument'], to: ['Scheme', 'Plan'], meaning: 'decision approves the scheme or plan', reads: '{from} approves {to}' },
  IMPLEMENTS: { from: ['Plan'], to: ['Scheme', 'Plan'], meaning: 'plan implements the scheme (or a higher plan)', reads: '{from} implements {to}' },
  BASED_ON: {
    from: ['LegalDocument', 'Plan'],
    to: ['LegalDocument'],
    meaning: 'document or plan rests on the cited document (its "Căn cứ" / "Thực hiện" lines)', reads: '{from} is based on {to}',
  },
  REFERS_TO: { from: ['Plan', 'Task'], to: ['LegalDocument'], meaning: 'plan or task refers to the document', reads: '{from} refers to {to}' },
  RECEIVES: { from: ['Agency'], to: ['LegalDocument'], meaning: 'agency is a recipient of the document ("Nơi nhận")', reads: '{from} is a recipient of {to}' },
  HAS_TASK: { from: ['Plan'], to: ['Task'], meaning: 'plan contains the task', reads: '{from} includes the task {to}' },
  CORRESPONDS_TO: { from: ['Task'], to: ['Task'], meaning: 'appendix row restates a duty of the plan body', reads: '{from} restates {to}' },
  LEADS: { from: ['Agency'], to: ['Task'], meaning: 'agency leads (chủ trì) the task', reads: '{from} leads {to}' },
  COORDINATES: { from: ['Agency'], to: ['Task'], meaning: 'agency coordinates (phối hợp) on the task', reads: '{from} coordinates on {to}' },
  HAS_TARGET: { from: ['Plan', 'Task'], to: ['Target'], meaning: 'plan or task sets the target', reads: '{from} sets the target {to}' },
  HAS_PHASE: { from: ['Plan'], to: ['Phase'], meaning: 'plan is carried out in the phase', reads: '{from} runs in {to}' },
  IN_PHASE: { from: ['Target', 'Task'], to: ['Phase'], meaning: 'target or task falls in the phase', reads: '{from} falls in {to}' },
  HAS_OBJECTIVE: { from: ['Plan'], to: ['Objective'], meaning: 'plan pursues the objective', reads: '{from} pursues {to}' },
  PRIORITISES: { from: ['Objective', 'Task'], to: ['Sector'], meaning: 'objective or task prioritises the sector', reads: '{from} prioritises {to}' },
  APPLIES_STANDARD: {
    from: ['Task', 'Target', 'Objective'],
    to: ['Standard'],
    meaning: 'task, target or objective applies the standard', reads: '{from} applies {to}',
  },
  FUNDED_BY: { from: ['Plan', 'Task'], to: ['FundingSource'], meaning: 'plan or task is funded from the source', reads: '{from} is funded by {to}' },
  APPLIES_TO: { from: ['Plan'], to: ['Category'], meaning: 'plan applies to the category (its scope)', reads: '{from} applies to {to}' },
  RECIPIENT_OF: {
    from: ['Category', 'Enterprise', 'Lab'],
    to: ['Task'],
    meaning: 'category or organisation receives the support of the task', reads: '{from} receives the support of {to}',
  },
  MEMBER_OF: { from: ['Enterprise', 'Lab'], to: ['Category'], meaning: 'organisation belongs to the category', reads: '{from} belongs to {to}' },
  DENOTES: { from: ['Agency'], to: ['Category'], meaning: 'collective role denotes the category of organisations', reads: '{from} stands for {to}' },
  SUCCEEDED_BY: { from: ['Agency'], to: ['Agency'], meaning: 'body was succeeded by the body, which took over its work', reads: '{from} was succeeded by {to}' },
  MERGED_INTO: { from: ['Agency'], to: ['Agency'], meaning: 'body was merged into the body', reads: '{from} was merged into {to}' },
  SPLIT_INTO: { from: ['Agency'], to: ['Agency'], meaning: 'body was split, part of its work going to the body', reads: '{from} was split into {to}' },
  RENAMED_TO: { from: ['Agency'], to: ['Agency'], meaning: 'body was renamed (the same body under a new name)', reads: '{from} was renamed {to}' },
  REPLACED_BY: { from: ['LegalDocument'], to: ['LegalDocument'], meaning: 'document was replaced by the document (thay thế)', reads: '{from} was replaced by {to}' },
  AMENDED_BY: { from: ['LegalDocument'], to: ['LegalDocument'], meaning: 'document was amended or supplemented by the document (sửa đổi, bổ sung)', reads: '{from} was amended by {to}' },
  REPEALED_BY: { from: ['LegalDocument'], to: ['LegalDocument'], meaning: 'document was repealed by the document (bãi bỏ)', reads: '{from} was repealed by {to}' },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

/** True when `value` names a relationship type. */
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIPS, value);
}

/**
 * Properties every relationship carries: its provenance (document number,
 * clause, quoted Vietnamese wording), an English note, and an ordinal that
 * keeps the order the text gives (e.g. the order of the "Căn cứ" lines).
 */
export const RELATIONSHIP_PROPERTIES: readonly PropertySpec[] = [
  { name: 'sourceDocument', type: 'string' },
  { name: 'sourceClause', type: 'string' },
  { name: 'sourceQuote', type: 'string' },
  { name: 'note', type: 'string' },
  { name: 'ordinal', type: 'int' },
  { name: 'synthetic', type: 'boolean' },
  ...VALIDITY_PROPERTIES,
];

/** Direction of a neighbour lookup, seen from the node whose neighbours are asked for. */
export type Direction = 'OUT' | 'IN';
