/** The two label languages of the pages, and the wording they share. */
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

const KINDS: Record<string, Texts> = {
  LegalDocument: { vi: 'Văn bản', en: 'Document' },
  Plan: { vi: 'Kế hoạch', en: 'Plan' },
  Scheme: { vi: 'Đề án', en: 'Scheme' },
  Agency: { vi: 'Cơ quan', en: 'Agency' },
  Person: { vi: 'Người', en: 'Person' },
  Task: { vi: 'Nhiệm vụ', en: 'Task' },
  Target: { vi: 'Chỉ tiêu', en: 'Target' },
  Phase: { vi: 'Giai đoạn', en: 'Phase' },
  Objective: { vi: 'Mục tiêu', en: 'Objective' },
  Sector: { vi: 'Ngành', en: 'Sector' },
  Enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  Lab: { vi: 'Phòng thí nghiệm', en: 'Lab' },
  Category: { vi: 'Nhóm', en: 'Category' },
  Standard: { vi: 'Tiêu chuẩn', en: 'Standard' },
  FundingSource: { vi: 'Nguồn kinh phí', en: 'Funding source' },
};

/** The name of a node kind (GraphQL type name) in `lang`. */
export function kindLabel(lang: Lang, kind: string): string {
  return KINDS[kind]?.[lang] ?? kind;
}

/** Every node kind the pages know, in a stable order. */
export const KIND_NAMES: readonly string[] = Object.keys(KINDS);

/** How each relationship type reads, from its `from` end to its `to` end. */
const RELATIONSHIPS: Record<string, Texts> = {
  ISSUED_BY: { vi: 'ban hành bởi', en: 'issued by' },
  SIGNED_BY: { vi: 'ký bởi', en: 'signed by' },
  ISSUES: { vi: 'ban hành', en: 'issues' },
  APPROVES: { vi: 'phê duyệt', en: 'approves' },
  IMPLEMENTS: { vi: 'triển khai', en: 'implements' },
  BASED_ON: { vi: 'căn cứ', en: 'based on' },
  REFERS_TO: { vi: 'dẫn chiếu', en: 'refers to' },
  RECEIVES: { vi: 'nhận', en: 'receives' },
  HAS_TASK: { vi: 'có nhiệm vụ', en: 'has task' },
  CORRESPONDS_TO: { vi: 'tương ứng', en: 'restates' },
  LEADS: { vi: 'chủ trì', en: 'leads' },
  COORDINATES: { vi: 'phối hợp', en: 'coordinates' },
  HAS_TARGET: { vi: 'có chỉ tiêu', en: 'sets target' },
  HAS_PHASE: { vi: 'có giai đoạn', en: 'has phase' },
  IN_PHASE: { vi: 'thuộc giai đoạn', en: 'in phase' },
  HAS_OBJECTIVE: { vi: 'có mục tiêu', en: 'pursues' },
  PRIORITISES: { vi: 'ưu tiên', en: 'prioritises' },
  APPLIES_STANDARD: { vi: 'áp dụng', en: 'applies standard' },
  FUNDED_BY: { vi: 'kinh phí từ', en: 'funded by' },
  APPLIES_TO: { vi: 'áp dụng cho', en: 'applies to' },
  RECIPIENT_OF: { vi: 'được hỗ trợ bởi', en: 'recipient of' },
  MEMBER_OF: { vi: 'thuộc', en: 'member of' },
  DENOTES: { vi: 'chỉ', en: 'stands for' },
};

/** A relationship type as a short phrase in `lang` ("chủ trì", "leads"); unknown types as written. */
export function relationshipLabel(lang: Lang, type: string): string {
  return RELATIONSHIPS[type]?.[lang] ?? type;
}

/** Every relationship type the pages know, in a stable order. */
export const RELATIONSHIP_NAMES: readonly string[] = Object.keys(RELATIONSHIPS);

/**
 * "Shown of total": `15 / 16` when the page holds fewer than the API counts,
 * just `16` when it holds them all.
 */
export function countOf(lang: Lang, shown: number, total: number): string {
  const format = new Intl.NumberFormat(locale(lang));
  return shown < total ? `${format.format(shown)} / ${format.format(total)}` : format.format(total);
}
