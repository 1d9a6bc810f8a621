import { el } from './dom';
import type { Lang } from './i18n';

/** The Tiếng Việt / English switch: two buttons, the current one pressed. */
export function langToggle(onChoose: (lang: Lang) => void): { element: HTMLElement; update(lang: Lang, groupLabel: string): void } {
  const buttons = (['vi', 'en'] as const).map((code) =>
    el('button', { type: 'button', class: 'lang-btn', 'data-lang': code, lang: code, onclick: () => onChoose(code) }, code === 'vi' ? 'Tiếng Việt' : 'English'),
  );
  const element = el('div', { class: 'lang-toggle', role: 'group', id: 'lang-toggle' }, ...buttons);
  return {
    element,
    update(lang, groupLabel) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
      element.setAttribute('aria-label', groupLabel);
    },
  };
}
