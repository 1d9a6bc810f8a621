import { parseId } from './ids';
import { RECORD_KIND_NAMES, RECORD_KINDS, isRecordKind, recordFieldOf, type RecordFieldSpec, type RecordKind } from './implementation';

/**
 * The rules a record's fields obey, written once: the store's argument checks
 * (src/store/checkStoreCalls.ts) and the API's input checks (resolvers) both
 * ask these functions, and each names the field its own way. Every function
 * returns the reason a value is refused ("must be a date YYYY-MM-DD"), or
 * undefined when it is fine.
 */

/** Record ids are `<Kind>:<key>` like node ids, with a record kind. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,119}$/;

/** What an idempotency key and a request id may look like: 1 to 200 letters, digits, '.', '_', ':' or '-'. */
export const TOKEN_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/** Smallest and largest year a record may name (periods, report years). */
export const YEAR_RANGE = { min: 1990, max: 2100 } as const;

/** Largest actual value (a count). */
export const MAX_COUNT = 1_000_000_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a well-formed record id, or why it is malformed. */
export function parseRecordId(id: unknown): { readonly kind: RecordKind; readonly key: string } | string {
  if (typeof id !== 'string') return 'a record id must be a string';
  const colon = id.indexOf(':');
  const kind = colon > 0 ? id.slice(0, colon) : '';
  if (!isRecordKind(kind)) return `"${preview(id)}" is not the id of a record (${RECORD_KIND_NAMES.map((k) => `${k}:<key>`).join(', ')})`;
  const key = id.slice(colon + 1);
  if (!KEY_PATTERN.test(key)) return `"${preview(id)}" has a malformed key (lower-case letters, digits, '.', '_', '-'; at most 120)`;
  return { kind, key };
}

/** True for a calendar date written YYYY-MM-DD within {@link YEAR_RANGE}. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why `value` cannot be the field `spec`, or undefined. Null stands for "absent". */
export function fieldProblem(spec: RecordFieldSpec, value: unknown): string | undefined {
  if (value === null || value === undefined) return spec.required ? 'is required' : undefined;
  if (spec.type === 'boolean') return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (spec.type === 'int') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be a whole number';
    if (spec.format === 'year' && (value < YEAR_RANGE.min || value > YEAR_RANGE.max)) return `must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`;
    if (spec.format === 'count' && (value < 0 || value > MAX_COUNT)) return `must be a count from 0 to ${MAX_COUNT}`;
    return undefined;
  }
  if (typeof value !== 'string') return 'must be a string';
  if (spec.values && !spec.values.includes(value)) return `must be one of ${spec.values.join(', ')}`;
  if (spec.refersTo) {
    const parsed = parseId(value);
    const kinds = spec.refersTo;
    return typeof parsed !== 'string' && kinds.includes(parsed.kind) ? undefined : `must be the id of ${kinds.map((k) => `a ${k} (${k}:<key>)`).join(' or ')}`;
  }
  if (spec.format === 'date') return isIsoDate(value) ? undefined : `must be a date written YYYY-MM-DD (years ${YEAR_RANGE.min} to ${YEAR_RANGE.max})`;
  if (value.trim().length === 0) return 'must not be blank';
  if (spec.maxLength !== undefined && value.length > spec.maxLength) return `must be at most ${spec.maxLength} characters long (it has ${value.length})`;
  if (spec.format === 'url' && !isWebUrl(value)) return 'must be an http:// or https:// URL';
  return undefined;
}

/** One problem with a record's fields taken together. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/**
 * Problems of a whole record's fields (every field of the kind, null where
 * absent): each field's own rule, then the rules across fields: a period
 * starts on or before it ends; evidence names a document or a URL (both
 * may be given) whenever it is given, and quotes its sentence.
 */
export function recordProblems(kind: RecordKind, fields: Readonly<Record<string, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const spec of RECORD_KINDS[kind].fields as readonly RecordFieldSpec[]) {
    const reason = fieldProblem(spec, fields[spec.name] ?? null);
    if (reason) problems.push({ field: spec.name, reason });
  }
  if (problems.length > 0) return problems;
  const { periodStart, periodEnd, evidenceDocument, evidenceUrl, evidenceQuote } = fields;
  if (typeof periodStart === 'string' && typeof periodEnd === 'string' && periodStart > periodEnd) {
    problems.push({ field: 'periodEnd', reason: `must not be before periodStart (${periodStart})` });
  }
  const cited = isPresent(evidenceDocument) || isPresent(evidenceUrl);
  if (isPresent(evidenceQuote) && !cited) problems.push({ field: 'evidenceDocument', reason: 'or evidenceUrl must name where the quoted sentence comes from' });
  if (cited && !isPresent(evidenceQuote)) problems.push({ field: 'evidenceQuote', reason: 'must quote the sentence of the document that shows the value' });
  return problems;
}

/** Why `name` is not a field of `kind` that a change may set, or undefined. */
export function unknownField(kind: RecordKind, name: string): string | undefined {
  if (recordFieldOf(kind, name)) return undefined;
  const names = RECORD_KINDS[kind].fields.map((f) => f.name).join(', ');
  return `is not a field of ${kind} (its fields: ${names})`;
}

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
