import { gql, GraphQLRequestError } from '../shared/api';
import { el } from '../shared/dom';
import { label, type Lang } from '../shared/i18n';
import { draftProblems, fieldOfArgument, type ActualDraft, type DraftProblem } from './actualChecks';
import { RECORD_ACTUAL_MUTATION, type ProgressTarget, type RecordActualAnswer } from './recordQueries';
import { actualStatusLabel } from './recordStrings';
import { t, type DashboardString } from './strings';

/** The form that records an actual: built once (what was typed survives a language switch and a refresh of the targets). */
export interface ActualForm {
  readonly element: HTMLElement;
  update(lang: Lang): void;
  setTargets(targets: readonly ProgressTarget[]): void;
}

const STATUSES = ['PROVISIONAL', 'FINAL', 'VERIFIED'] as const;

/** The form's fields: record field name -> control id and label. */
const FIELDS: readonly { name: keyof ActualDraft; id: string; label: DashboardString }[] = [
  { name: 'target', id: 'actual-target', label: 'formTarget' },
  { name: 'value', id: 'actual-value', label: 'formValue' },
  { name: 'periodStart', id: 'actual-period-start', label: 'formPeriodStart' },
  { name: 'periodEnd', id: 'actual-period-end', label: 'formPeriodEnd' },
  { name: 'status', id: 'actual-status', label: 'formStatus' },
  { name: 'evidenceDocument', id: 'actual-document', label: 'formDocument' },
  { name: 'evidenceUrl', id: 'actual-url', label: 'formUrl' },
  { name: 'evidenceQuote', id: 'actual-quote', label: 'formQuote' },
  { name: 'note', id: 'actual-note', label: 'formNote' },
];

/** A fresh idempotency key (letters, digits and '-', as the API allows). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dashboard-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text);

/**
 * The form an editor records an actual with: target, value, period, status,
 * evidence (document number or URL, and the quoted sentence) and a note.
 * It checks the draft by the server's own rules before sending; each
 * submission carries an idempotency key, kept while the same input is sent
 * again after no answer came (so a retry never writes twice) and replaced
 * once an answer came or the input changed. The server's refusals
 * (BAD_USER_INPUT naming the field, FORBIDDEN, UNAUTHENTICATED) are shown in
 * plain words next to the form, on the field they name. `onRecorded` hears
 * the target of each value written.
 */
export function createActualForm(initialLang: Lang, onRecorded: (targetId: string) => void): ActualForm {
  let lang = initialLang;
  let targets: readonly ProgressTarget[] = [];
  /** The key of a submission that got no answer, and the body it was for. */
  let pending: { key: string; body: string } | null = null;
  let problems: DraftProblem[] = [];
  let serverMessage: { text: string; detail?: string } | null = null;
  let result: { key: DashboardString; id: string; value: number } | null = null;
  let sending = false;

  const controls = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const labels = new Map<string, HTMLLabelElement>();
  const fieldErrors = new Map<string, HTMLElement>();
  const make = (name: string, id: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement => {
    switch (name) {
      case 'target':
        return el('select', { id, name, required: true });
      case 'status':
        return el('select', { id, name }, ...STATUSES.map((s) => el('option', { value: s })));
      case 'value':
        return el('input', { id, name, type: 'number', min: 0, step: 1, inputmode: 'numeric', required: true });
      case 'periodStart':
      case 'periodEnd':
        return el('input', { id, name, type: 'date', min: '1990-01-01', max: '2100-12-31', required: true });
      case 'evidenceUrl':
        return el('input', { id, name, type: 'url', maxlength: 2000 });
      case 'evidenceDocument':
        return el('input', { id, name, type: 'text', maxlength: 200 });
      default:
        return el('textarea', { id, name, rows: name === 'evidenceQuote' ? 3 : 2, maxlength: 2000, required: name === 'evidenceQuote' });
    }
  };
  const field = (name: string, id: string): HTMLElement => {
    const control = make(name, id);
    const labelEl = el('label', { for: id });
    const error = el('span', { class: 'field-error', id: `${id}-error` });
    controls.set(name, control);
    labels.set(name, labelEl);
    fieldErrors.set(name, error);
    return el('div', { class: `field field-${name}` }, labelEl, control, error);
  };
  const fieldOf = (name: string): HTMLElement => field(name, (FIELDS.find((f) => f.name === name) as { id: string }).id);

  const heading = el('h3', { id: 'actual-form-title' });
  const evidenceLegend = el('legend', {});
  const evidenceHint = el('p', { class: 'muted', id: 'actual-evidence-hint' });
  const submit = el('button', { type: 'submit', class: 'btn primary', id: 'actual-submit' });
  const errors = el('div', { class: 'form-errors', id: 'actual-errors', role: 'alert' });
  const status = el('p', { class: 'form-result', id: 'actual-result', role: 'status' });
  const form = el(
    'form',
    { class: 'actual-form', id: 'actual-form', 'aria-labelledby': 'actual-form-title', novalidate: true },
    fieldOf('target'),
    el('div', { class: 'row' }, fieldOf('value'), fieldOf('status')),
    el('div', { class: 'row' }, fieldOf('periodStart'), fieldOf('periodEnd')),
    el('fieldset', { class: 'evidence' }, evidenceLegend, evidenceHint, el('div', { class: 'row' }, fieldOf('evidenceDocument'), fieldOf('evidenceUrl')), fieldOf('evidenceQuote')),
    fieldOf('note'),
    el('div', { class: 'actions' }, submit),
  );
  const element = el('div', { class: 'record-form' }, heading, form, errors, status);

  const control = (name: string) => controls.get(name) as HTMLInputElement;

  function draft(): ActualDraft {
    const rawValue = control('value').value.trim();
    return {
      target: control('target').value,
      value: rawValue === '' ? null : Number(rawValue),
      periodStart: blankToNull(control('periodStart').value),
      periodEnd: blankToNull(control('periodEnd').value),
      status: control('status').value,
      evidenceDocument: blankToNull(control('evidenceDocument').value),
      evidenceUrl: blankToNull(control('evidenceUrl').value),
      evidenceQuote: blankToNull(control('evidenceQuote').value),
      note: blankToNull(control('note').value),
    };
  }

  function render(): void {
    heading.textContent = t(lang, 'recordForm');
    for (const f of FIELDS) (labels.get(f.name) as HTMLLabelElement).textContent = t(lang, f.label);
    evidenceLegend.textContent = t(lang, 'formEvidence');
    evidenceHint.textContent = t(lang, 'formEvidenceHint');
    const statusSelect = controls.get('status') as HTMLSelectElement;
    for (const option of statusSelect.options) option.textContent = actualStatusLabel(lang, option.value);
    const targetSelect = controls.get('target') as HTMLSelectElement;
    for (const option of targetSelect.options) {
      const target = targets.find((x) => x.id === option.value);
      if (target) option.textContent = `${label(lang, target)} (${t(lang, 'progressDue')} ${target.year})`;
    }
    submit.textContent = sending ? t(lang, 'formSending') : t(lang, 'formSubmit');
    submit.disabled = sending;
    const byField = new Map<string, string[]>();
    for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
    for (const f of FIELDS) {
      const messages = byField.get(f.name) ?? [];
      const c = controls.get(f.name) as HTMLElement;
      const error = fieldErrors.get(f.name) as HTMLElement;
      error.textContent = messages.join('; ');
      if (messages.length > 0) {
        c.setAttribute('aria-invalid', 'true');
        c.setAttribute('aria-describedby', error.id);
      } else {
        c.removeAttribute('aria-invalid');
        if (f.name.startsWith('evidence')) c.setAttribute('aria-describedby', 'actual-evidence-hint');
        else c.removeAttribute('aria-describedby');
      }
    }
    const listed = problems.map((p) => el('li', { 'data-field': p.field }, `${t(lang, (FIELDS.find((f) => f.name === p.field) ?? FIELDS[0])?.label ?? 'formTarget')}: ${p.message}`));
    errors.replaceChildren(
      ...(problems.length > 0 ? [el('p', {}, t(lang, 'formProblems')), el('ul', {}, ...listed)] : []),
      ...(serverMessage ? [el('p', { class: 'server-error' }, serverMessage.text), serverMessage.detail ? el('p', { class: 'muted server-detail' }, `${t(lang, 'serverSays')} ${serverMessage.detail}`) : ''] : []),
    );
    errors.hidden = problems.length === 0 && !serverMessage;
    status.textContent = result ? `${t(lang, result.key)}: ${result.id} (${result.value})` : '';
  }

  /** The plain words for an error the API answered with, and the field it names. */
  function explain(error: unknown): { text: string; detail?: string; field?: string; answered: boolean } {
    if (!(error instanceof GraphQLRequestError) || error.errors.length === 0) {
      return { text: t(lang, 'errNetwork'), detail: error instanceof Error ? error.message : String(error), answered: false };
    }
    const first = error.errors[0] as { message: string; extensions?: { code?: string; argument?: string } };
    const code = first.extensions?.code;
    if (code === 'FORBIDDEN') return { text: t(lang, 'errForbidden'), detail: first.message, answered: true };
    if (code === 'UNAUTHENTICATED') return { text: t(lang, 'errUnauthenticated'), detail: first.message, answered: true };
    if (code === 'BAD_USER_INPUT') {
      const fieldName = fieldOfArgument(first.extensions?.argument);
      const known = FIELDS.find((f) => f.name === fieldName);
      return { text: known ? `${t(lang, 'errBadInput')} “${t(lang, known.label)}”.` : t(lang, 'errOther'), detail: first.message, ...(known ? { field: known.name } : {}), answered: true };
    }
    return { text: t(lang, 'errOther'), detail: first.message, answered: true };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    const d = draft();
    problems = draftProblems(lang, d);
    serverMessage = null;
    result = null;
    if (problems.length > 0) {
      render();
      (controls.get(problems[0]?.field ?? 'target') as HTMLElement | undefined)?.focus();
      return;
    }
    const input = {
      target: d.target,
      value: d.value,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      status: d.status,
      evidence: { document: d.evidenceDocument, url: d.evidenceUrl, quote: d.evidenceQuote },
      note: d.note,
    };
    const body = JSON.stringify(input);
    const key = pending && pending.body === body ? pending.key : newIdempotencyKey();
    pending = { key, body };
    sending = true;
    render();
    void gql<RecordActualAnswer>(RECORD_ACTUAL_MUTATION, { input, key })
      .then((answer) => {
        pending = null;
        const actual = answer.recordActual.actual;
        result = { key: answer.recordActual.replayed ? 'formReplayed' : 'formSaved', id: actual.id, value: actual.value };
        onRecorded(actual.target?.id ?? d.target);
      })
      .catch((error: unknown) => {
        const explained = explain(error);
        if (explained.answered) pending = null;
        serverMessage = { text: explained.text, ...(explained.detail ? { detail: explained.detail } : {}) };
        if (explained.field) problems = [{ field: explained.field, message: explained.text }];
      })
      .finally(() => {
        sending = false;
        render();
      });
  });

  render();
  return {
    element,
    update(next) {
      lang = next;
      render();
    },
    setTargets(next) {
      targets = [...next].sort((a, b) => a.year - b.year || (a.ordinal ?? 0) - (b.ordinal ?? 0) || a.id.localeCompare(b.id));
      const select = controls.get('target') as HTMLSelectElement;
      const chosen = select.value;
      select.replaceChildren(el('option', { value: '' }, '—'), ...targets.map((target) => el('option', { value: target.id, 'data-year': target.year })));
      if (targets.some((x) => x.id === chosen)) select.value = chosen;
      render();
    },
  };
}
