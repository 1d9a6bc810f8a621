import type { Lang } from '../shared/i18n';

const STRINGS = {
  title: { vi: 'Khám phá đồ thị', en: 'Graph explorer' },
  subtitle: { vi: 'Kế hoạch 202/QĐ-UBND: các nút và quan hệ', en: 'Plan 202/QĐ-UBND: nodes and relationships' },
  language: { vi: 'Ngôn ngữ nhãn', en: 'Label language' },
  dashboard: { vi: 'Bảng điều khiển', en: 'Dashboard' },
  ide: { vi: 'GraphQL IDE', en: 'GraphQL IDE' },
  searchLabel: { vi: 'Tìm một nút để đưa lên đồ thị', en: 'Find a node to drop on the graph' },
  searchPlaceholder: { vi: 'Tìm cơ quan, nhiệm vụ, văn bản…', en: 'Find agencies, tasks, documents…' },
  searchButton: { vi: 'Tìm', en: 'Find' },
  searchNone: { vi: 'Không có kết quả.', en: 'No results.' },
  canvasLabel: {
    vi: 'Đồ thị quan hệ. Phím mũi tên: chuyển giữa các nút; Enter: mở rộng; Space: chọn (Shift+Space: chọn điểm thứ hai); Delete: thu gọn; F: vừa khung; + và −: phóng to, thu nhỏ; Esc: bỏ chọn.',
    en: 'Relationship graph. Arrow keys: move between nodes; Enter: expand; Space: select (Shift+Space: second end); Delete: collapse; F: fit; + and −: zoom; Esc: clear the selection.',
  },
  keysHelp: {
    vi: 'Bấm một nút để chọn, bấm đúp hoặc Enter để mở rộng; Shift+bấm chọn điểm thứ hai. Phím: ← ↑ → ↓, Enter, Space, Delete, F, +/−, Esc.',
    en: 'Click a node to select it, double-click or Enter to expand; Shift+click picks a second end. Keys: ← ↑ → ↓, Enter, Space, Delete, F, +/−, Esc.',
  },
  nodes: { vi: 'nút', en: 'nodes' },
  relationships: { vi: 'quan hệ', en: 'relationships' },
  hidden: { vi: 'đang ẩn', en: 'hidden' },
  truncated: { vi: 'còn nữa: giới hạn', en: 'more exist: limit' },
  fit: { vi: 'Vừa khung', en: 'Fit' },
  zoomIn: { vi: 'Phóng to', en: 'Zoom in' },
  zoomOut: { vi: 'Thu nhỏ', en: 'Zoom out' },
  reset: { vi: 'Đặt lại', en: 'Reset' },
  expand: { vi: 'Mở rộng', en: 'Expand' },
  collapse: { vi: 'Thu gọn', en: 'Collapse' },
  exportPng: { vi: 'Xuất PNG', en: 'Export PNG' },
  exportSvg: { vi: 'Xuất SVG', en: 'Export SVG' },
  depth: { vi: 'Số bước khi mở rộng', en: 'Hops per expansion' },
  limit: { vi: 'Tối đa nút mỗi lần', en: 'Max nodes per expansion' },
  filters: { vi: 'Bộ lọc', en: 'Filters' },
  kinds: { vi: 'Loại nút', en: 'Node kinds' },
  types: { vi: 'Loại quan hệ', en: 'Relationship types' },
  details: { vi: 'Nút đang chọn', en: 'Selected node' },
  nothingSelected: { vi: 'Chưa chọn nút nào. Bấm một nút trên đồ thị.', en: 'No node selected. Click a node on the graph.' },
  quote: { vi: 'Nguyên văn', en: 'Vietnamese wording' },
  descriptionEn: { vi: 'Ghi chú (tiếng Anh)', en: 'Note' },
  neighbours: { vi: 'Quan hệ trên đồ thị', en: 'Relationships on the graph' },
  connection: { vi: 'Hai nút này liên hệ thế nào?', en: 'How are these two connected?' },
  connectionHint: {
    vi: 'Chọn hai nút (Shift+bấm hoặc Shift+Space) rồi bấm nút dưới đây.',
    en: 'Select two nodes (Shift+click or Shift+Space), then press the button below.',
  },
  connect: { vi: 'Tìm mối liên hệ', en: 'Find the connection' },
  noPath: { vi: 'Không tìm thấy đường nối trong 6 bước.', en: 'No connection within 6 steps.' },
  pathOf: { vi: 'Đường', en: 'Path' },
  steps: { vi: 'bước', en: 'steps' },
  sentenceEn: { vi: 'Câu do API viết (tiếng Anh)', en: 'Sentence from the API' },
  from: { vi: 'Từ', en: 'From' },
  to: { vi: 'Đến', en: 'To' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  failed: { vi: 'Không tải được', en: 'Could not load' },
  focused: { vi: 'Đang ở', en: 'Focused' },
  added: { vi: 'đã thêm', en: 'added' },
  removed: { vi: 'đã bỏ', en: 'removed' },
} as const;

export type ExplorerString = keyof typeof STRINGS;

/** Every UI string of the explorer in both languages (the browser test checks none is left untranslated). */
export const EXPLORER_STRINGS: Readonly<Record<ExplorerString, Readonly<Record<Lang, string>>>> = STRINGS;

/** The explorer's UI string `key` in `lang`. */
export function t(lang: Lang, key: ExplorerString): string {
  return STRINGS[key][lang];
}
