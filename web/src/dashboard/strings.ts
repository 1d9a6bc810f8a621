import type { Lang } from '../shared/i18n';
import { RECORD_STRINGS } from './recordStrings';

const STRINGS = {
  title: { vi: 'Bảng điều khiển kế hoạch', en: 'Plan dashboard' },
  language: { vi: 'Ngôn ngữ nhãn', en: 'Label language' },
  openIde: { vi: 'Mở GraphQL IDE', en: 'Open the GraphQL IDE' },
  openExplorer: { vi: 'Khám phá đồ thị', en: 'Graph explorer' },
  searchLabel: { vi: 'Tìm kiếm', en: 'Search' },
  searchPlaceholder: { vi: 'Tìm cơ quan, nhiệm vụ, văn bản… (có dấu hoặc không dấu)', en: 'Search agencies, tasks, documents… (with or without diacritics)' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  searchResults: { vi: 'Kết quả tìm kiếm', en: 'Search results' },
  searchNone: { vi: 'Không có kết quả.', en: 'No results.' },
  searchMore: { vi: 'Xem thêm', en: 'Show more' },
  searchOf: { vi: 'trong số', en: 'of' },
  searchFallback: { vi: 'Tìm theo tên (chức năng tìm kiếm toàn văn chưa sẵn sàng).', en: 'Name search (full-text search is not available yet).' },
  showInGraph: { vi: 'Xem trên đồ thị', en: 'Show in the graph' },
  close: { vi: 'Đóng', en: 'Close' },
  targets: { vi: 'Chỉ tiêu theo giai đoạn', en: 'Targets by phase' },
  acrossPhases: { vi: 'Chỉ tiêu chung cho các giai đoạn', en: 'Targets across phases' },
  acrossPhasesHint: { vi: 'Tính cho cả thời kỳ, không chia theo giai đoạn', en: 'Set for the whole period, not per phase' },
  year: { vi: 'Năm', en: 'Year' },
  tasks: { vi: 'Nhiệm vụ theo thời hạn và cơ quan chủ trì', en: 'Tasks by timeframe and lead body' },
  leadBody: { vi: 'Cơ quan chủ trì', en: 'Lead body' },
  noLead: { vi: '(không nêu)', en: '(not named)' },
  total: { vi: 'Tổng', en: 'Total' },
  tasksTotal: { vi: 'Số nhiệm vụ', en: 'Tasks' },
  severalLeads: {
    vi: 'Nhiệm vụ có nhiều cơ quan chủ trì được tính cho mỗi cơ quan; hàng cuối đếm mỗi nhiệm vụ một lần.',
    en: 'A task with several lead bodies counts once for each of them; the last row counts each task once.',
  },
  taskList: { vi: 'Danh sách nhiệm vụ', en: 'Task list' },
  matrix: { vi: 'Ma trận phối hợp', en: 'Coordination matrix' },
  matrixHint: {
    vi: 'Hàng: cơ quan; cột: nhiệm vụ. CT = chủ trì, PH = phối hợp.',
    en: 'Rows: agencies; columns: tasks. L = leads, C = coordinates.',
  },
  roleLead: { vi: 'CT', en: 'L' },
  roleCoordinator: { vi: 'PH', en: 'C' },
  legal: { vi: 'Căn cứ pháp lý của quyết định', en: 'Legal basis of the decision' },
  restsOn: { vi: 'căn cứ', en: 'rests on' },
  statusPartlyInForce: { vi: 'còn hiệu lực một phần', en: 'partly in force' },
  statusNoLongerInForce: { vi: 'hết hiệu lực', en: 'no longer in force' },
  statusNotYetInForce: { vi: 'chưa có hiệu lực', en: 'not yet in force' },
  graph: { vi: 'Đồ thị quan hệ', en: 'Relationship graph' },
  changes: { vi: 'Thay đổi theo thời gian', en: 'Changes over time' },
  graphIntro: {
    vi: 'Mở rộng, thu gọn, lọc các nút và quan hệ, và tìm xem hai nút liên hệ với nhau thế nào, kèm câu giải thích và nguồn.',
    en: 'Expand, collapse and filter nodes and relationships, and find how two nodes are connected, in sentences with their sources.',
  },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  failed: { vi: 'Không tải được', en: 'Could not load' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  dataFrom: { vi: 'Dữ liệu đọc từ API GraphQL công khai', en: 'Data read from the public GraphQL API' },
  ...RECORD_STRINGS,
} as const;

export type DashboardString = keyof typeof STRINGS;

/** Every UI string of the dashboard in both languages (the browser test checks none is left untranslated). */
export const DASHBOARD_STRINGS: Readonly<Record<DashboardString, Readonly<Record<Lang, string>>>> = STRINGS;

/** The dashboard's UI string `key` in `lang`. */
export function t(lang: Lang, key: DashboardString): string {
  return STRINGS[key][lang];
}

const TIMEFRAMES: Record<string, Readonly<Record<Lang, string>>> = {
  ANNUAL: { vi: 'Hàng năm', en: 'Every year' },
  BY_2025: { vi: 'Đến năm 2025', en: 'By 2025' },
  BY_2030: { vi: 'Đến năm 2030', en: 'By 2030' },
  UNSPECIFIED: { vi: 'Không nêu thời hạn', en: 'No timeframe given' },
};

export function timeframeLabel(lang: Lang, timeframe: string): string {
  return TIMEFRAMES[timeframe]?.[lang] ?? timeframe;
}

/** ≥ for AT_LEAST, = for EXACTLY. */
export function comparatorSymbol(comparator: string): string {
  return comparator === 'AT_LEAST' ? '≥' : comparator === 'EXACTLY' ? '=' : '';
}
