import type { Lang } from './i18n';

const LANG_KEY = 'kg-pages-lang';

/** The language chosen on either page (remembered in the browser), Vietnamese by default. */
export function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
}

/** Remembers the language for both pages. */
export function storeLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}
