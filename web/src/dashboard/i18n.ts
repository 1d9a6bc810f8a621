/** The two label languages of the dashboard. */
export type Lang = 'vi' | 'en';

const STRINGS = {
  title: { vi: 'Bảng điều khiển kế hoạch', en: 'Plan dashboard' },
  language: { vi: 'Ngôn ngữ nhãn', en: 'Label language' },
  openIde: { vi: 'Mở GraphQL IDE', en: 'Open the GraphQL IDE' },
  searchPlaceholder: { vi: 'Tìm cơ quan, nhiệm vụ, văn bản… (có dấu hoặc không dấu)', en: 'Search agencies, tasks, documents… (with or without diacritics)' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  searchResults: { vi: 'Kết quả tìm kiếm', en: 'Search results' },
  searchNone: { vi: 'Không có kết quả.', en: 'No results.' },
  searchFallback: { vi: 'Tìm theo tên (chức năng tìm kiếm toàn văn chưa sẵn sàng).', en: 'Name search (full-text search is not available yet).' },
  showInGraph: { vi: 'Xem trên đồ thị', en: 'Show in the graph' },
  targets: { vi: 'Chỉ tiêu theo giai đoạn', en: 'Targets by phase' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  year: { vi: 'Năm', en: 'Year' },
  source: { vi: 'Nguồn', en: 'Source' },
  tasks: { vi: 'Nhiệm vụ theo thời hạn và cơ quan chủ trì', en: 'Tasks by timeframe and lead body' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  code: { vi: 'Mục', en: 'Code' },
  lead: { vi: 'Chủ trì', en: 'Lead' },
  leadBody: { vi: 'Cơ quan chủ trì', en: 'Lead body' },
  noLead: { vi: '(không nêu)', en: '(not named)' },
  total: { vi: 'Tổng', en: 'Total' },
  taskList: { vi: 'Danh sách nhiệm vụ', en: 'Task list' },
  matrix: { vi: 'Ma trận phối hợp', en: 'Coordination matrix' },
  matrixHint: {
    vi: 'Hàng: cơ quan; cột: nhiệm vụ. CT = chủ trì, PH = phối hợp.',
    en: 'Rows: agencies; columns: tasks. L = leads, C = coordinates.',
  },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  roleLead: { vi: 'CT', en: 'L' },
  roleCoordinator: { vi: 'PH', en: 'C' },
  roleLeadLong: { vi: 'chủ trì', en: 'leads' },
  roleCoordinatorLong: { vi: 'phối hợp', en: 'coordinates' },
  legal: { vi: 'Căn cứ pháp lý của quyết định', en: 'Legal basis of the decision' },
  restsOn: { vi: 'căn cứ', en: 'rests on' },
  graph: { vi: 'Đồ thị quan hệ', en: 'Relationship graph' },
  graphHint: {
    vi: 'Bấm vào một nút để mở rộng các quan hệ của nó; kéo để di chuyển, cuộn để phóng to.',
    en: 'Click a node to expand its relationships; drag to move, scroll to zoom.',
  },
  nodes: { vi: 'nút', en: 'nodes' },
  relationships: { vi: 'quan hệ', en: 'relationships' },
  resetGraph: { vi: 'Đặt lại', en: 'Reset' },
  fitGraph: { vi: 'Vừa khung', en: 'Fit' },
  selected: { vi: 'Đang chọn', en: 'Selected' },
  expanded: { vi: 'đã mở rộng', en: 'expanded' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  failed: { vi: 'Không tải được', en: 'Could not load' },
  timeframe: { vi: 'Thời hạn', en: 'Timeframe' },
  phase: { vi: 'Giai đoạn', en: 'Phase' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  dataFrom: { vi: 'Dữ liệu đọc từ API GraphQL công khai', en: 'Data read from the public GraphQL API' },
} as const;

export type StringKey = keyof typeof STRINGS;

/** The UI string `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** Anything with an English name and, usually, the Vietnamese wording. */
export interface Named {
  readonly name: string;
  readonly nameVi?: string | null;
}

/** The node's label in `lang`: nameVi in Vietnamese (falling back to name), name in English. */
export function label(lang: Lang, node: Named): string {
  return lang === 'vi' ? node.nameVi || node.name : node.name;
}

const TIMEFRAMES: Record<string, { vi: string; en: string }> = {
  ANNUAL: { vi: 'Hàng năm', en: 'Every year' },
  BY_2025: { vi: 'Đến năm 2025', en: 'By 2025' },
  BY_2030: { vi: 'Đến năm 2030', en: 'By 2030' },
  UNSPECIFIED: { vi: 'Không nêu thời hạn', en: 'No timeframe given' },
};

export function timeframeLabel(lang: Lang, timeframe: string): string {
  return TIMEFRAMES[timeframe]?.[lang] ?? timeframe;
}

const KINDS: Record<string, { vi: string; en: string }> = {
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

export function kindLabel(lang: Lang, kind: string): string {
  return KINDS[kind]?.[lang] ?? kind;
}

/** ≥ for AT_LEAST, = for EXACTLY. */
export function comparatorSymbol(comparator: string): string {
  return comparator === 'AT_LEAST' ? '≥' : comparator === 'EXACTLY' ? '=' : '';
}
