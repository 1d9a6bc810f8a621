import type { NodeKind } from './kinds';

/**
 * The fixed registry of the records of implementation: what the API writes
 * about the plan after the seed, each record OF a seeded node (its subject).
 * Modelled on IATI's result / indicator / period / actual: a Target is the
 * indicator with its quantity, an {@link RECORD_KINDS.Actual} is the value
 * achieved in one period (or, flagged `baseline`, the value before the plan);
 * a {@link RECORD_KINDS.TaskReport} is the yearly report on a Task that
 * Mục V.1 asks for ("định kỳ hằng năm báo cáo UBND thành phố tình hình
 * triển khai Kế hoạch").
 *
 * Records are not node kinds of the knowledge graph (src/model/kinds.ts):
 * they are written through the API only, carry a version and a history, and
 * never mix with the facts seeded from the decision's text, which the API
 * leaves read-only. Labels, relationship types and property names sent to a
 * store come from this registry only.
 */

/** Scalar types a record field may hold (values are whole counts: every target of the plan counts things). */
export type RecordFieldType = 'string' | 'int' | 'boolean';

/** One field of a record kind. */
export interface RecordFieldSpec {
  readonly name: string;
  readonly type: RecordFieldType;
  /** Allowed values of an enumeration. */
  readonly values?: readonly string[];
  /** A record cannot exist without it. */
  readonly required: boolean;
  /** What the value must look like beyond its type (see src/model/recordRules.ts). */
  readonly format?: 'date' | 'url' | 'text' | 'count' | 'year';
  /** Longest text allowed, in characters. */
  readonly maxLength?: number;
  /** The field holds the id of a node of one of these kinds, which must exist when the record is written. */
  readonly refersTo?: readonly NodeKind[];
}

/** Statuses of an actual value, weakest first (IATI has none; these follow the usual review steps). */
export const ACTUAL_STATUSES = ['PROVISIONAL', 'FINAL', 'VERIFIED'] as const;
export type ActualStatus = (typeof ACTUAL_STATUSES)[number];

/** Statuses of a yearly task report. */
export const TASK_REPORT_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'OVERDUE'] as const;
export type TaskReportStatus = (typeof TASK_REPORT_STATUSES)[number];

/**
 * What happened between a named organisation and the plan, as an {@link RECORD_KINDS.Event} records it
 * (e.g. an enterprise joined the measurement assurance programme under appendix row II.4.a).
 */
export const EVENT_KINDS = ['JOINED_PROGRAMME', 'ACCREDITED', 'TRAINED', 'CERTIFIED', 'SERVICE_PROVIDED', 'OTHER'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Node kinds an event's organisation may be. */
export const ORGANISATION_KINDS = ['Enterprise', 'Lab'] as const satisfies readonly NodeKind[];

/** Evidence of a record: a document number or a URL (at least one), and the sentence quoted from it. */
const EVIDENCE: readonly RecordFieldSpec[] = [
  { name: 'evidenceDocument', type: 'string', required: false, format: 'text', maxLength: 200 },
  { name: 'evidenceUrl', type: 'string', required: false, format: 'url', maxLength: 2000 },
  { name: 'evidenceQuote', type: 'string', required: true, format: 'text', maxLength: 2000 },
];

/** One kind of record: the seeded kinds it may be of, the relationship that joins them, and its own fields. */
export interface RecordKindSpec {
  /** The kinds of node a record of this kind may be of (its subject), one of them per record. */
  readonly subjectKinds: readonly NodeKind[];
  /** Relationship type from the subject to the record. */
  readonly relationship: string;
  readonly fields: readonly RecordFieldSpec[];
  /** Most records (retracted ones included) one subject may hold: every list of them stays bounded. */
  readonly maxPerSubject: number;
}

export const RECORD_KINDS = {
  Actual: {
    subjectKinds: ['Target'],
    relationship: 'HAS_ACTUAL',
    maxPerSubject: 1000,
    fields: [
      { name: 'value', type: 'int', required: true, format: 'count' },
      { name: 'periodStart', type: 'string', required: true, format: 'date' },
      { name: 'periodEnd', type: 'string', required: true, format: 'date' },
      { name: 'status', type: 'string', required: true, values: ACTUAL_STATUSES },
      /** True for the target's baseline: the value before the plan, at most one (not retracted) per target. */
      { name: 'baseline', type: 'boolean', required: true },
      ...EVIDENCE,
      { name: 'note', type: 'string', required: false, format: 'text', maxLength: 2000 },
    ],
  },
  TaskReport: {
    subjectKinds: ['Task'],
    relationship: 'HAS_REPORT',
    maxPerSubject: 1000,
    fields: [
      { name: 'year', type: 'int', required: true, format: 'year' },
      { name: 'status', type: 'string', required: true, values: TASK_REPORT_STATUSES },
      { name: 'narrative', type: 'string', required: true, format: 'text', maxLength: 10000 },
      ...EVIDENCE.map((spec) => ({ ...spec, required: false })),
    ],
  },
  /**
   * Something a named organisation did under a task or towards a target, on
   * a date, with its source (evidence required): "enterprise X joined the
   * measurement assurance programme under II.4.a in 2023".
   */
  Event: {
    subjectKinds: ['Task', 'Target'],
    relationship: 'HAS_EVENT',
    maxPerSubject: 1000,
    fields: [
      { name: 'date', type: 'string', required: true, format: 'date' },
      { name: 'organisation', type: 'string', required: true, refersTo: ORGANISATION_KINDS },
      { name: 'eventKind', type: 'string', required: true, values: EVENT_KINDS },
      { name: 'description', type: 'string', required: true, format: 'text', maxLength: 2000 },
      ...EVIDENCE,
    ],
  },
} as const satisfies Record<string, RecordKindSpec>;

export type RecordKind = keyof typeof RECORD_KINDS;

/** The subject kinds of a record kind, as a list. */
export function subjectKindsOf(kind: RecordKind): readonly NodeKind[] {
  return RECORD_KINDS[kind].subjectKinds;
}

/** The fields of a record kind that name another node (see RecordFieldSpec.refersTo). */
export function referenceFieldsOf(kind: RecordKind): readonly RecordFieldSpec[] {
  return (RECORD_KINDS[kind].fields as readonly RecordFieldSpec[]).filter((spec) => spec.refersTo !== undefined);
}
export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];

/** True when `value` names a record kind. */
export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RECORD_KINDS, value);
}

/** The spec of one field of a record kind, or undefined. */
export function recordFieldOf(kind: RecordKind, name: string): RecordFieldSpec | undefined {
  return (RECORD_KINDS[kind].fields as readonly RecordFieldSpec[]).find((f) => f.name === name);
}

/**
 * Fields every record carries besides its own: who it is of, its version (1
 * when created, one more at each change), when and by whom it was created and
 * last changed, and its retraction (a soft delete: the record and its history
 * stay, lists leave it out unless asked).
 */
export const RECORD_META_FIELDS = [
  { name: 'subject', type: 'string' },
  { name: 'version', type: 'int' },
  { name: 'createdAt', type: 'string' },
  { name: 'createdBy', type: 'string' },
  { name: 'updatedAt', type: 'string' },
  { name: 'updatedBy', type: 'string' },
  { name: 'retracted', type: 'boolean' },
  { name: 'retractedAt', type: 'string' },
  { name: 'retractedBy', type: 'string' },
  { name: 'retractionReason', type: 'string' },
] as const satisfies readonly { name: string; type: RecordFieldType }[];

/** Every stored column of a record kind: id, the meta fields, then its own. */
export function recordColumns(kind: RecordKind): { readonly name: string; readonly type: RecordFieldType }[] {
  return [{ name: 'id', type: 'string' }, ...RECORD_META_FIELDS, ...RECORD_KINDS[kind].fields.map(({ name, type }) => ({ name, type }))];
}
