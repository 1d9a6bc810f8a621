/** The two label languages of the pages: names in a language, dates and counts by locale (the shared vocabulary is in ./strings). */
export type Lang = 'vi' | 'en';

/** A pair of texts, one per language. */
export type Texts = Readonly<Record<Lang, string>>;

/** Anything with an English name and, usually, the Vietnamese wording. */
export interface Named {
  readonly name: string;
  readonly nameVi?: string | null;
}

/** The node's label in `lang`: nameVi in Vietnamese (falling back to name), name in English. */
export function label(lang: Lang, node: Named): string {
  return lang === 'vi' ? node.nameVi || node.name : node.name;
}

/** The BCP 47 locale of a page language (dates and numbers). */
export function locale(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

/**
 * An ISO date (`2019-05-13`) as people of `lang` write it: 13/05/2019 in
 * Vietnamese, 13 May 2019 in English. Read as a calendar date (UTC), so the
 * day never shifts with the browser's time zone. Anything else is returned as is.
 */
export function formatDate(lang: Lang, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const options: Intl.DateTimeFormatOptions =
    lang === 'vi' ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(lang), options).format(date);
}

/**
 * "Shown of total": `15 / 16` when the page holds fewer than the API counts,
 * just `16` when it holds them all.
 */
export function countOf(lang: Lang, shown: number, total: number): string {
  const format = new Intl.NumberFormat(locale(lang));
  return shown < total ? `${format.format(shown)} / ${format.format(total)}` : format.format(total);
}
