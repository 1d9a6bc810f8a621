import { RECORD_KINDS, type RecordFieldSpec } from '../../../src/model/implementation';
import { fieldProblem, recordProblems } from '../../../src/model/recordRules';
import type { Lang } from '../shared/i18n';
import { t } from './strings';

/** What the form holds, as the API's RecordActualInput will carry it (blank optional texts as null). */
export interface ActualDraft {
  readonly target: string;
  readonly value: number | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly status: string;
  readonly evidenceDocument: string | null;
  readonly evidenceUrl: string | null;
  readonly evidenceQuote: string | null;
  readonly note: string | null;
}

/** One problem, on one field of the form (a record field name, or `target`). */
export interface DraftProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The reason a rule gives (src/model/recordRules.ts: the rules the API and
 * the store check, run here unchanged) in `lang`.
 */
export function reasonText(lang: Lang, reason: string): string {
  if (reason === 'is required') return t(lang, 'errRequired');
  if (reason.startsWith('must be a count') || reason === 'must be a whole number') return t(lang, 'errCount');
  if (reason.startsWith('must be a date')) return t(lang, 'errDate');
  if (reason.startsWith('must not be before periodStart')) return t(lang, 'errEndBeforeStart');
  if (reason.startsWith('or evidenceUrl must name')) return t(lang, 'errSource');
  if (reason.startsWith('must be an http')) return t(lang, 'errUrl');
  if (reason === 'must not be blank') return t(lang, 'errBlank');
  const long = /^must be at most (\d+) characters/.exec(reason);
  if (long) return `${t(lang, 'errTooLong')} ${long[1]} ${t(lang, 'errChars')}`;
  return reason;
}

/**
 * The problems of a draft before it is sent, by the same rules the server
 * applies to a new Actual: each field's type, format and length, a period
 * that does not end before it starts, evidence that names a document or a
 * URL and quotes its sentence; and a target chosen. Empty when it may be sent.
 */
export function draftProblems(lang: Lang, draft: ActualDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.target) problems.push({ field: 'target', message: t(lang, 'errRequired') });
  const fields: Record<string, unknown> = {
    value: draft.value,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    status: draft.status,
    baseline: false,
    evidenceDocument: draft.evidenceDocument,
    evidenceUrl: draft.evidenceUrl,
    evidenceQuote: draft.evidenceQuote,
    note: draft.note,
  };
  const own = (RECORD_KINDS.Actual.fields as readonly RecordFieldSpec[])
    .map((spec) => ({ field: spec.name, reason: fieldProblem(spec, fields[spec.name] ?? null) }))
    .filter((p): p is { field: string; reason: string } => p.reason !== undefined);
  const found = own.length > 0 ? own : recordProblems('Actual', fields);
  for (const p of found) problems.push({ field: p.field, message: reasonText(lang, p.reason) });
  return problems;
}

/** The form field an API error's `extensions.argument` names (`input.evidence.url` -> evidenceUrl), or undefined. */
export function fieldOfArgument(argument: string | undefined): string | undefined {
  if (!argument) return undefined;
  const path = argument.replace(/^input\./, '');
  const evidence = /^evidence\.(document|url|quote)$/.exec(path);
  if (evidence) return `evidence${(evidence[1] as string).charAt(0).toUpperCase()}${(evidence[1] as string).slice(1)}`;
  return path;
}
