import { BadUserInputError } from '../../src/errors';
import { RECORD_KINDS, recordFieldOf, type RecordFieldSpec, type RecordKind } from '../../src/model/implementation';
import { fieldProblem, isIsoDate, recordProblems } from '../../src/model/recordRules';
import type { Properties, PropertyValue } from '../../src/store/port';

/**
 * Turns the input of a write mutation into the fields of a record, checking
 * each with the record's own rules (src/model/recordRules.ts, the rules the
 * store checks too): a bad value is BAD_USER_INPUT naming the input field as
 * the client wrote it (`input.periodStart`, `input.evidence.url`) and the
 * value.
 */

/** The GraphQL input path of a record field. */
const INPUT_PATH: Readonly<Record<string, string>> = {
  evidenceDocument: 'input.evidence.document',
  evidenceUrl: 'input.evidence.url',
  evidenceQuote: 'input.evidence.quote',
};

/** The input path of a field (`input.<name>` unless it sits in the evidence). */
export function inputPath(field: string): string {
  return INPUT_PATH[field] ?? `input.${field}`;
}

/** An evidence input as the schema gives it. */
export interface EvidenceInput {
  readonly document?: string | null;
  readonly url?: string | null;
  readonly quote: string;
}

/**
 * The fields a mutation input sets: each given field of the kind (null
 * kept: it clears an optional field), the evidence spread into its three
 * fields (null clears all three). Every value is checked on its own.
 *
 * @param input the mutation's input without its ids and versions
 * @param whole true for a CREATE: the whole record is then checked too (a period that ends before it starts, evidence without a source)
 */
export function recordFields(kind: RecordKind, input: Readonly<Record<string, unknown>>, whole: boolean): Properties {
  const fields: Record<string, PropertyValue> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (name === 'evidence') {
      const evidence = value as EvidenceInput | null;
      fields.evidenceDocument = evidence?.document ?? null;
      fields.evidenceUrl = evidence?.url ?? null;
      fields.evidenceQuote = evidence?.quote ?? null;
      continue;
    }
    if (recordFieldOf(kind, name)) fields[name] = value as PropertyValue;
  }
  for (const [name, value] of Object.entries(fields)) {
    const spec = recordFieldOf(kind, name) as RecordFieldSpec;
    const reason = name.startsWith('evidence') && input.evidence === null ? evidenceCleared(kind) : fieldProblem(spec, value);
    if (reason) throw invalid(name, value, reason);
  }
  if (whole) {
    const complete = Object.fromEntries(RECORD_KINDS[kind].fields.map((spec) => [spec.name, fields[spec.name] ?? null]));
    const first = recordProblems(kind, complete)[0];
    if (first) throw invalid(first.field, complete[first.field] ?? null, first.reason);
  }
  return fields;
}

/** Checks an `asOf` argument (default: today, UTC) and returns the date. */
export function asOfDate(value: string | null | undefined, argument = 'asOf'): string {
  if (value === null || value === undefined) return new Date().toISOString().slice(0, 10);
  if (!isIsoDate(value)) throw new BadUserInputError(`Argument "${argument}" is ${JSON.stringify(value)}; it must be a date written YYYY-MM-DD.`, argument);
  return value;
}

/** Why clearing the evidence is refused, or undefined when the kind allows no evidence. */
function evidenceCleared(kind: RecordKind): string | undefined {
  return recordFieldOf(kind, 'evidenceQuote')?.required ? `is required for an ${kind === 'Actual' ? 'Actual (a value needs its source)' : `${kind} (it needs its source)`}` : undefined;
}

function invalid(field: string, value: unknown, reason: string): BadUserInputError {
  const path = inputPath(field);
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value) : String(value);
  const rule = reason === 'is required' ? 'must be given (it is required)' : reason;
  return new BadUserInputError(`Argument "${path}" is ${shown}; it ${rule}.`, path);
}
