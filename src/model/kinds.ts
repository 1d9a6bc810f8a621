/**
 * The fixed registry of node kinds. Each kind is one GraphQL object type, one
 * store label (a Kùzu node table, a Neo4j label) and one id prefix. Labels
 * sent to a store come from this list only, never from user text.
 */

/** Scalar types a node or relationship property may hold. */
export type PropertyType = 'string' | 'int' | 'boolean';

/** One property of a kind: its name, type and whether lists may filter/sort on it. */
export interface PropertySpec {
  readonly name: string;
  readonly type: PropertyType;
  /** Allowed values, when the property is an enumeration. */
  readonly values?: readonly string[];
  /** True when root lists may sort on the property. */
  readonly sortable?: boolean;
  /** True for properties the store keeps but the API does not expose as a field of their own. */
  readonly internal?: boolean;
}

/**
 * When a node or relationship holds: from `validFrom` (inclusive) to
 * `validTo` (exclusive), both calendar dates `YYYY-MM-DD`; absent means
 * open-ended on that side. Half-open, as ELI's "date no longer in force": on
 * `validTo` the thing no longer holds. `validFromSource` / `validToSource`
 * say who started or ended it: the JSON text of a source
 * (`{"document"?, "clause"?, "url"?, "quote", "factId"?}`), kept whole by the
 * store and read as one value.
 */
export const VALIDITY_PROPERTIES: readonly PropertySpec[] = [
  { name: 'validFrom', type: 'string', internal: true },
  { name: 'validTo', type: 'string', internal: true },
  { name: 'validFromSource', type: 'string', internal: true },
  { name: 'validToSource', type: 'string', internal: true },
];

/**
 * Properties every node carries: its English label, its Vietnamese wording,
 * and its provenance (source document number and clause, with the quoted
 * Vietnamese text where it helps a reviewer).
 */
export const COMMON_PROPERTIES: readonly PropertySpec[] = [
  { name: 'name', type: 'string', sortable: true },
  { name: 'nameVi', type: 'string', sortable: true },
  { name: 'description', type: 'string' },
  { name: 'sourceDocument', type: 'string', internal: true },
  { name: 'sourceClause', type: 'string', internal: true },
  { name: 'sourceQuote', type: 'string', internal: true },
  { name: 'synthetic', type: 'boolean' },
  /** Lower-cased, diacritic-free copy of name + nameVi, kept by the store for text filters. */
  { name: 'searchText', type: 'string', internal: true },
  ...VALIDITY_PROPERTIES,
];

export const TIMEFRAMES = ['ANNUAL', 'BY_2025', 'BY_2030', 'UNSPECIFIED'] as const;
export const TASK_SECTIONS = ['ARTICLE', 'TASKS_AND_SOLUTIONS', 'ORGANISATION', 'APPENDIX'] as const;
export const AGENCY_LEVELS = ['NATIONAL', 'CITY', 'DISTRICT', 'COMMUNE', 'OTHER'] as const;
export const DOCUMENT_TYPES = ['LAW', 'DECISION', 'PROPOSAL', 'PLAN', 'RESOLUTION', 'DECREE', 'DIRECTIVE', 'CONSTITUTION'] as const;
export const CATEGORY_MEMBER_KINDS = ['ENTERPRISE', 'LAB', 'SERVICE_PROVIDER', 'ORGANIZATION'] as const;
export const LAB_TYPES = ['LAB', 'SERVICE_PROVIDER'] as const;
export const FUNDING_TYPES = [
  'STATE_BUDGET_RECURRENT',
  'STATE_BUDGET_INVESTMENT',
  'ENTERPRISE_CONTRIBUTION',
  'OTHER_LAWFUL',
  'STATE_BUDGET',
] as const;
export const COMPARATORS = ['AT_LEAST', 'EXACTLY'] as const;

/** Kind-specific properties, by kind. */
export const KIND_PROPERTIES = {
  LegalDocument: [
    { name: 'number', type: 'string', sortable: true },
    /** The number folded for lookup: lower case, no diacritics, đ -> d, separators -> '-'. */
    { name: 'numberKey', type: 'string', internal: true },
    { name: 'docType', type: 'string', values: DOCUMENT_TYPES },
    { name: 'issuedOn', type: 'string', sortable: true },
    { name: 'effectiveFrom', type: 'string' },
  ],
  Plan: [
    { name: 'startYear', type: 'int', sortable: true },
    { name: 'endYear', type: 'int', sortable: true },
    { name: 'territory', type: 'string' },
  ],
  Scheme: [
    { name: 'endYear', type: 'int' },
    { name: 'orientationYear', type: 'int' },
  ],
  Agency: [
    { name: 'abbreviation', type: 'string', sortable: true },
    { name: 'level', type: 'string', values: AGENCY_LEVELS },
    { name: 'collective', type: 'boolean' },
    { name: 'territory', type: 'string' },
  ],
  Person: [
    { name: 'position', type: 'string' },
    { name: 'positionVi', type: 'string' },
  ],
  Task: [
    { name: 'planId', type: 'string', internal: true },
    { name: 'code', type: 'string', sortable: true },
    { name: 'section', type: 'string', values: TASK_SECTIONS },
    { name: 'group', type: 'string' },
    { name: 'groupVi', type: 'string' },
    { name: 'timeframe', type: 'string', values: TIMEFRAMES },
    { name: 'timeframeVi', type: 'string' },
    { name: 'dueYear', type: 'int', sortable: true },
    { name: 'recurring', type: 'boolean' },
    { name: 'ordinal', type: 'int', sortable: true },
  ],
  Target: [
    { name: 'planId', type: 'string', internal: true },
    { name: 'metric', type: 'string' },
    { name: 'quantity', type: 'int', sortable: true },
    { name: 'comparator', type: 'string', values: COMPARATORS },
    { name: 'unit', type: 'string' },
    { name: 'unitVi', type: 'string' },
    { name: 'year', type: 'int', sortable: true },
    { name: 'ordinal', type: 'int', sortable: true },
  ],
  Phase: [
    { name: 'planId', type: 'string', internal: true },
    { name: 'ordinal', type: 'int', sortable: true },
    { name: 'startYear', type: 'int', sortable: true },
    { name: 'endYear', type: 'int', sortable: true },
  ],
  Objective: [
    { name: 'planId', type: 'string', internal: true },
    { name: 'code', type: 'string', sortable: true },
  ],
  Sector: [],
  Enterprise: [{ name: 'taxCode', type: 'string', sortable: true }],
  Lab: [{ name: 'labType', type: 'string', values: LAB_TYPES }],
  Category: [{ name: 'memberKind', type: 'string', values: CATEGORY_MEMBER_KINDS }],
  Standard: [{ name: 'code', type: 'string', sortable: true }],
  FundingSource: [{ name: 'fundingType', type: 'string', values: FUNDING_TYPES }],
} as const satisfies Record<string, readonly PropertySpec[]>;

/** Every node kind, in a fixed order. */
export type NodeKind = keyof typeof KIND_PROPERTIES;
export const NODE_KINDS = Object.keys(KIND_PROPERTIES) as NodeKind[];

/** True when `value` names a node kind. */
export function isNodeKind(value: string): value is NodeKind {
  return Object.prototype.hasOwnProperty.call(KIND_PROPERTIES, value);
}

/** All properties of a kind: the common ones followed by its own. */
export function propertiesOf(kind: NodeKind): readonly PropertySpec[] {
  return [...COMMON_PROPERTIES, ...KIND_PROPERTIES[kind]];
}

/** The spec of one property of a kind, or undefined when the kind has no such property. */
export function propertyOf(kind: NodeKind, name: string): PropertySpec | undefined {
  return propertiesOf(kind).find((p) => p.name === name);
}
