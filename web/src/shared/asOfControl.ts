import './asOf.css';

import { el } from './dom';
import type { Lang, Texts } from './i18n';

/** The URL parameter that keeps the chosen date, so a link or a reload shows the same day. */
export const AS_OF_PARAM = 'asOf';

const TEXTS = {
  label: { vi: 'Tính đến ngày', en: 'As of' },
  hint: {
    vi: 'Cơ cấu tại ngày đã chọn: cơ quan đang thực hiện nhiệm vụ (kể cả cơ quan kế thừa), văn bản còn hiệu lực. Không chọn ngày: như văn bản năm 2019 (ngày ban hành quyết định).',
    en: 'The structure on the chosen day: the bodies that carry each task then (successors included), the documents then in force. No date: as the 2019 text gives it (the day the decision was issued).',
  },
  today: { vi: 'Hôm nay', en: 'Today' },
  clear: { vi: 'Như văn bản', en: 'As written' },
} satisfies Record<string, Texts>;

/** True for a real calendar date `YYYY-MM-DD` (the API refuses anything else). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** The date in the page's URL (`?asOf=2026-06-01`), or null when none or not a real date. */
export function asOfFromUrl(search: string = window.location.search): string | null {
  const value = new URLSearchParams(search).get(AS_OF_PARAM);
  return value !== null && isCalendarDate(value) ? value : null;
}

/** Today in Đà Nẵng (the API's default date), `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The control and the way to re-label it when the language changes. */
export interface AsOfControl {
  readonly element: HTMLElement;
  update(lang: Lang): void;
}

/**
 * The "as of" date control: a date field with "today" and "as written"
 * (no date) buttons. A change to a real date (or to none) is kept in the URL
 * (`?asOf=`, replaced, not pushed) and passed to `onChange`; a partly typed
 * date is ignored until it is whole.
 */
export function asOfControl(initial: string | null, onChange: (asOf: string | null) => void): AsOfControl {
  let current = initial;
  const input = el('input', { type: 'date', id: 'as-of-input', name: AS_OF_PARAM, value: initial ?? '', min: '2015-01-01', max: '2035-12-31' });
  const title = el('span', { class: 'as-of-label' });
  const todayButton = el('button', { type: 'button', class: 'btn', id: 'as-of-today' });
  const clearButton = el('button', { type: 'button', class: 'btn', id: 'as-of-clear' });
  const element = el('form', { class: 'as-of', id: 'as-of', role: 'group' }, el('label', { for: 'as-of-input' }, title), input, todayButton, clearButton);

  const choose = (next: string | null): void => {
    if (next === current) return;
    current = next;
    input.value = next ?? '';
    element.dataset.asOf = next ?? '';
    const url = new URL(window.location.href);
    if (next) url.searchParams.set(AS_OF_PARAM, next);
    else url.searchParams.delete(AS_OF_PARAM);
    window.history.replaceState(null, '', url);
    onChange(next);
  };
  input.addEventListener('change', () => {
    if (input.value === '') choose(null);
    else if (isCalendarDate(input.value)) choose(input.value);
  });
  element.addEventListener('submit', (event) => event.preventDefault());
  todayButton.addEventListener('click', () => choose(todayInVietnam()));
  clearButton.addEventListener('click', () => choose(null));
  element.dataset.asOf = initial ?? '';

  return {
    element,
    update(lang) {
      title.textContent = TEXTS.label[lang];
      element.title = TEXTS.hint[lang];
      element.setAttribute('aria-label', TEXTS.label[lang]);
      todayButton.textContent = TEXTS.today[lang];
      clearButton.textContent = TEXTS.clear[lang];
    },
  };
}
