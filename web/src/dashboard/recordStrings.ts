import type { Lang, Texts } from '../shared/i18n';

/** The dashboard's strings of the record of implementation (progress, task grid, sign-in, the actual's form, export), in both languages. */
export const RECORD_STRINGS = {
  progress: { vi: 'Tiến độ thực hiện chỉ tiêu', en: 'Progress per target' },
  progressHint: {
    vi: 'Đã đạt so với chỉ tiêu, theo giai đoạn, tính đến ngày',
    en: 'Achieved against the quantity, by phase, as of',
  },
  progressLive: { vi: 'Cập nhật trực tiếp', en: 'Updates live' },
  progressTarget: { vi: 'Chỉ tiêu', en: 'Target' },
  progressAchieved: { vi: 'Đã đạt', en: 'Achieved' },
  progressQuantity: { vi: 'Chỉ tiêu đặt ra', en: 'Quantity' },
  progressStatus: { vi: 'Tình trạng', en: 'Status' },
  progressByPhase: { vi: 'Theo giai đoạn', en: 'By phase' },
  progressCounted: { vi: 'số liệu được tính', en: 'values counted' },
  progressDue: { vi: 'Hạn', en: 'Due' },
  progressNone: { vi: 'chưa có', en: 'none yet' },
  progressOf: { vi: 'trên', en: 'of' },
  taskGrid: { vi: 'Tình trạng nhiệm vụ theo năm', en: 'Task status by year' },
  taskGridHint: {
    vi: 'Mỗi ô: tình trạng theo báo cáo năm đó; “quá hạn” khi năm đã qua mà không có báo cáo hoàn thành.',
    en: 'Each cell: the status the year’s report gives; “overdue” when the year ended without a report saying done.',
  },
  taskGridTask: { vi: 'Nhiệm vụ', en: 'Task' },
  taskGridNoReport: { vi: 'chưa báo cáo', en: 'no report' },
  taskGridOverdueNoReport: { vi: 'quá hạn, chưa báo cáo', en: 'overdue, no report' },
  record: { vi: 'Ghi nhận kết quả thực hiện', en: 'Record a value achieved' },
  recordForm: { vi: 'Giá trị đạt được mới, kèm minh chứng', en: 'A new value achieved, with its evidence' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signInHint: {
    vi: 'Dán mã truy cập (bearer token) hoặc khóa API. Mã chỉ được giữ trong thẻ trình duyệt này.',
    en: 'Paste a bearer token or an API key. It is kept in this browser tab only.',
  },
  credentialKind: { vi: 'Loại thông tin xác thực', en: 'Kind of credential' },
  credentialBearer: { vi: 'Bearer token (JWT)', en: 'Bearer token (JWT)' },
  credentialApiKey: { vi: 'Khóa API', en: 'API key' },
  credentialValue: { vi: 'Mã hoặc khóa', en: 'Token or key' },
  signInButton: { vi: 'Đăng nhập', en: 'Sign in' },
  signOutButton: { vi: 'Đăng xuất', en: 'Sign out' },
  signedInAs: { vi: 'Đã đăng nhập:', en: 'Signed in as' },
  role: { vi: 'vai trò', en: 'role' },
  signInAnonymous: { vi: 'Máy chủ không nhận ra thông tin xác thực này (không có người dùng).', en: 'The server did not take this as a credential (no viewer).' },
  signInRefused: { vi: 'Máy chủ từ chối thông tin xác thực', en: 'The server refused the credential' },
  signInEmpty: { vi: 'Hãy dán mã hoặc khóa.', en: 'Paste a token or a key.' },
  readerNote: {
    vi: 'Vai trò “người đọc” chỉ được xem; việc ghi nhận cần vai trò biên tập viên.',
    en: 'A reader may only read; recording needs the editor role.',
  },
  formTarget: { vi: 'Chỉ tiêu', en: 'Target' },
  formValue: { vi: 'Giá trị đạt được (số đếm)', en: 'Value achieved (a count)' },
  formPeriodStart: { vi: 'Từ ngày', en: 'Period start' },
  formPeriodEnd: { vi: 'Đến ngày', en: 'Period end' },
  formStatus: { vi: 'Tình trạng số liệu', en: 'Status of the value' },
  formEvidence: { vi: 'Minh chứng', en: 'Evidence' },
  formEvidenceHint: {
    vi: 'Nêu số văn bản hoặc địa chỉ web (ít nhất một), và trích câu trong nguồn cho thấy giá trị.',
    en: 'Give the document number or the web address (at least one), and quote the sentence of the source that shows the value.',
  },
  formDocument: { vi: 'Số văn bản', en: 'Document number' },
  formUrl: { vi: 'Địa chỉ web (http/https)', en: 'Web address (http/https)' },
  formQuote: { vi: 'Câu trích dẫn', en: 'Quoted sentence' },
  formNote: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  formSubmit: { vi: 'Ghi nhận', en: 'Record' },
  formSending: { vi: 'Đang gửi…', en: 'Sending…' },
  formSaved: { vi: 'Đã ghi nhận', en: 'Recorded' },
  formReplayed: { vi: 'Đã ghi nhận trước đó (lần gửi lại không ghi thêm)', en: 'Already recorded (the retry wrote nothing new)' },
  formProblems: { vi: 'Chưa gửi được:', en: 'Not sent:' },
  formSignInFirst: { vi: 'Hãy đăng nhập bằng thông tin xác thực của biên tập viên để ghi nhận.', en: 'Sign in with an editor’s credential to record a value.' },
  errRequired: { vi: 'cần được điền', en: 'is required' },
  errCount: { vi: 'phải là số nguyên từ 0 đến 1.000.000.000', en: 'must be a whole number from 0 to 1,000,000,000' },
  errDate: { vi: 'phải là ngày hợp lệ (năm 1990–2100)', en: 'must be a valid date (years 1990–2100)' },
  errEndBeforeStart: { vi: 'không được trước ngày bắt đầu', en: 'must not be before the period start' },
  errSource: { vi: 'hoặc địa chỉ web phải nêu nguồn của câu trích dẫn', en: 'or the web address must say where the quoted sentence comes from' },
  errUrl: { vi: 'phải là địa chỉ http:// hoặc https://', en: 'must be an http:// or https:// address' },
  errTooLong: { vi: 'quá dài; tối đa', en: 'is too long; at most' },
  errChars: { vi: 'ký tự', en: 'characters' },
  errBlank: { vi: 'không được để trống', en: 'must not be blank' },
  errForbidden: {
    vi: 'Bạn không có quyền ghi nhận: vai trò của bạn chỉ được đọc. Cần thông tin xác thực của biên tập viên.',
    en: 'You may not record values: your role may only read. An editor’s credential is needed.',
  },
  errUnauthenticated: {
    vi: 'Máy chủ không xác thực được bạn (chưa đăng nhập, hoặc mã đã hết hạn hay không hợp lệ). Hãy đăng nhập lại.',
    en: 'The server could not authenticate you (not signed in, or the token expired or is not valid). Please sign in again.',
  },
  errBadInput: { vi: 'Máy chủ không nhận giá trị của trường', en: 'The server did not accept the field' },
  errNetwork: {
    vi: 'Không kết nối được máy chủ. Gửi lại sẽ không ghi hai lần.',
    en: 'The server could not be reached. Sending again will not write twice.',
  },
  errOther: { vi: 'Máy chủ báo lỗi', en: 'The server answered with an error' },
  serverSays: { vi: 'Máy chủ:', en: 'Server:' },
  export: { vi: 'Xuất dữ liệu', en: 'Export' },
  exportHint: {
    vi: 'Tải đồ thị và hồ sơ thực hiện (JSON, CSV). Khi đã đăng nhập, tải bằng thông tin xác thực của bạn.',
    en: 'Download the graph and the record of implementation (JSON, CSV). When signed in, downloads use your credential.',
  },
  exportFailed: { vi: 'Không tải được', en: 'Download failed' },
  exportGraph: { vi: 'Đồ thị (JSON)', en: 'Graph (JSON)' },
  exportNodes: { vi: 'Các nút (CSV)', en: 'Nodes (CSV)' },
  exportRelationships: { vi: 'Các quan hệ (CSV)', en: 'Relationships (CSV)' },
  exportActuals: { vi: 'Giá trị đạt được (CSV)', en: 'Actuals (CSV)' },
  exportTaskReports: { vi: 'Báo cáo nhiệm vụ (CSV)', en: 'Task reports (CSV)' },
  exportProgress: { vi: 'Tiến độ (CSV)', en: 'Progress (CSV)' },
} as const;

const TARGET_STATUS: Record<string, Texts> = {
  NO_DATA: { vi: 'Chưa có số liệu', en: 'No data' },
  IN_PROGRESS: { vi: 'Đang thực hiện', en: 'In progress' },
  MET: { vi: 'Đạt', en: 'Met' },
  EXCEEDED: { vi: 'Vượt', en: 'Exceeded' },
  NOT_MET: { vi: 'Không đạt', en: 'Not met' },
};

const REPORT_STATUS: Record<string, Texts> = {
  NOT_STARTED: { vi: 'Chưa bắt đầu', en: 'Not started' },
  IN_PROGRESS: { vi: 'Đang thực hiện', en: 'In progress' },
  DONE: { vi: 'Hoàn thành', en: 'Done' },
  OVERDUE: { vi: 'Quá hạn', en: 'Overdue' },
};

const ACTUAL_STATUS: Record<string, Texts> = {
  PROVISIONAL: { vi: 'Sơ bộ', en: 'Provisional' },
  FINAL: { vi: 'Chính thức', en: 'Final' },
  VERIFIED: { vi: 'Đã kiểm chứng', en: 'Verified' },
};

const ROLES: Record<string, Texts> = {
  READER: { vi: 'người đọc', en: 'reader' },
  EDITOR: { vi: 'biên tập viên', en: 'editor' },
  ADMIN: { vi: 'quản trị', en: 'admin' },
};

const pick = (table: Record<string, Texts>, lang: Lang, key: string): string => table[key]?.[lang] ?? key;

/** A TargetStatus in words. */
export const targetStatusLabel = (lang: Lang, status: string): string => pick(TARGET_STATUS, lang, status);
/** A TaskReportStatus in words. */
export const reportStatusLabel = (lang: Lang, status: string): string => pick(REPORT_STATUS, lang, status);
/** An ActualStatus in words. */
export const actualStatusLabel = (lang: Lang, status: string): string => pick(ACTUAL_STATUS, lang, status);
/** A Role in words. */
export const roleLabel = (lang: Lang, role: string): string => pick(ROLES, lang, role);
