/**
 * The vocabulary every page shares, in both languages: the names of node kinds
 * and how each relationship type reads. The dashboard and the graph explorer
 * import it from here (their own strings.ts hold only their UI texts).
 */
import type { Lang, Texts } from './i18n';

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

/**
 * How each relationship type reads from its `from` end to its `to` end: a
 * short phrase per language (edge labels, filters, the matrix), and the
 * Vietnamese sentence of one relationship ({from} and {to} are the ends'
 * names). The API writes its sentences in English only (`PathStep.sentence`).
 */
const RELATIONSHIPS: Record<string, Texts & { readonly sentenceVi: string }> = {
  ISSUED_BY: { vi: 'ban hành bởi', en: 'issued by', sentenceVi: '{from} do {to} ban hành' },
  SIGNED_BY: { vi: 'ký bởi', en: 'signed by', sentenceVi: '{from} do {to} ký' },
  ISSUES: { vi: 'ban hành', en: 'issues', sentenceVi: '{from} ban hành {to}' },
  APPROVES: { vi: 'phê duyệt', en: 'approves', sentenceVi: '{from} phê duyệt {to}' },
  IMPLEMENTS: { vi: 'triển khai', en: 'implements', sentenceVi: '{from} triển khai {to}' },
  BASED_ON: { vi: 'căn cứ', en: 'based on', sentenceVi: '{from} căn cứ {to}' },
  REFERS_TO: { vi: 'dẫn chiếu', en: 'refers to', sentenceVi: '{from} dẫn chiếu {to}' },
  RECEIVES: { vi: 'nhận', en: 'receives', sentenceVi: '{from} nhận {to}' },
  HAS_TASK: { vi: 'có nhiệm vụ', en: 'has task', sentenceVi: '{from} có {to}' },
  CORRESPONDS_TO: { vi: 'tương ứng', en: 'restates', sentenceVi: '{from} tương ứng với {to}' },
  LEADS: { vi: 'chủ trì', en: 'leads', sentenceVi: '{from} chủ trì {to}' },
  COORDINATES: { vi: 'phối hợp', en: 'coordinates', sentenceVi: '{from} phối hợp thực hiện {to}' },
  HAS_TARGET: { vi: 'có chỉ tiêu', en: 'sets target', sentenceVi: '{from} có chỉ tiêu “{to}”' },
  HAS_PHASE: { vi: 'có giai đoạn', en: 'has phase', sentenceVi: '{from} có {to}' },
  IN_PHASE: { vi: 'thuộc giai đoạn', en: 'in phase', sentenceVi: '{from} thuộc {to}' },
  HAS_OBJECTIVE: { vi: 'có mục tiêu', en: 'pursues', sentenceVi: '{from} có {to}' },
  PRIORITISES: { vi: 'ưu tiên', en: 'prioritises', sentenceVi: '{from} ưu tiên {to}' },
  APPLIES_STANDARD: { vi: 'áp dụng', en: 'applies standard', sentenceVi: '{from} áp dụng {to}' },
  FUNDED_BY: { vi: 'kinh phí từ', en: 'funded by', sentenceVi: '{from} có kinh phí từ {to}' },
  APPLIES_TO: { vi: 'áp dụng cho', en: 'applies to', sentenceVi: '{from} áp dụng cho {to}' },
  RECIPIENT_OF: { vi: 'được hỗ trợ bởi', en: 'recipient of', sentenceVi: '{from} được hỗ trợ theo {to}' },
  MEMBER_OF: { vi: 'thuộc', en: 'member of', sentenceVi: '{from} thuộc {to}' },
  DENOTES: { vi: 'chỉ', en: 'stands for', sentenceVi: '{from} chỉ {to}' },
  SUCCEEDED_BY: { vi: 'được kế thừa bởi', en: 'succeeded by', sentenceVi: '{from} được {to} kế thừa' },
  MERGED_INTO: { vi: 'hợp nhất vào', en: 'merged into', sentenceVi: '{from} hợp nhất vào {to}' },
  SPLIT_INTO: { vi: 'tách thành', en: 'split into', sentenceVi: '{from} tách, một phần thành {to}' },
  RENAMED_TO: { vi: 'đổi tên thành', en: 'renamed', sentenceVi: '{from} đổi tên thành {to}' },
  REPLACED_BY: { vi: 'được thay thế bởi', en: 'replaced by', sentenceVi: '{from} được thay thế bởi {to}' },
  AMENDED_BY: { vi: 'được sửa đổi bởi', en: 'amended by', sentenceVi: '{from} được sửa đổi, bổ sung bởi {to}' },
  REPEALED_BY: { vi: 'bị bãi bỏ bởi', en: 'repealed by', sentenceVi: '{from} bị bãi bỏ bởi {to}' },
};

/** A relationship type as a short phrase in `lang` ("chủ trì", "leads"); unknown types as written. */
export function relationshipLabel(lang: Lang, type: string): string {
  return RELATIONSHIPS[type]?.[lang] ?? type;
}

/** Every relationship type the pages know, in a stable order. */
export const RELATIONSHIP_NAMES: readonly string[] = Object.keys(RELATIONSHIPS);

/**
 * One relationship as a Vietnamese sentence, `from` and `to` being the
 * Vietnamese names of its ends ("Sở Khoa học và Công nghệ chủ trì nhiệm vụ
 * II.1.a"), with a capital first letter. An unknown type reads "{from} —
 * TYPE → {to}".
 */
export function relationshipSentenceVi(type: string, from: string, to: string): string {
  const template = RELATIONSHIPS[type]?.sentenceVi ?? `{from} — ${type} → {to}`;
  const sentence = template.replace('{from}', () => from).replace('{to}', () => to);
  return sentence.charAt(0).toLocaleUpperCase('vi') + sentence.slice(1);
}
