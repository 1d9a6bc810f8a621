/**
 * A small, independent parser of the text of Decision 202/QĐ-UBND (2019) of
 * Đà Nẵng (`seed/sources/202-QD-UBND-2019.vi.txt`). The seed fidelity tests
 * compare the seed data (and the GraphQL API over it) with what this parser
 * reads from the text, so nothing here may look at the seed files.
 *
 * Every function is pure: it takes the text (or parts parsed from it) and
 * returns plain data. Only `readPlanText` touches the file system.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The plan text, kept in the repo beside the seed it checks (seed/sources/). */
export const PLAN_TEXT_PATH = path.resolve(__dirname, '../../seed/sources/202-QD-UBND-2019.vi.txt');

/** The team's shared copy of the source, beside the checkout; the repo's copy must equal it where it exists. */
export const SHARED_PLAN_TEXT_PATH = path.resolve(__dirname, '../../../shared/plan/202-QD-UBND-2019.vi.txt');

/** Reads the plan text (NFC, "\n" line ends). */
export function readPlanText(file: string = PLAN_TEXT_PATH): string {
  return fs.readFileSync(file, 'utf8').normalize('NFC').replace(/\r\n?/g, '\n');
}

/** Removes HTML fragments (`<p>`, `</p>`, `<ul style=...>`) and collapses white space. */
export function cleanCell(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The whole text with HTML fragments removed and white space collapsed: what quotes are checked against. */
export function flatText(text: string): string {
  return cleanCell(text);
}

// ---------------------------------------------------------------------------
// Appendix (Phụ lục)

export type Timeframe = 'ANNUAL' | 'BY_2025' | 'BY_2030' | 'UNSPECIFIED';

export interface ParsedTimeframe {
  readonly timeframe: Timeframe;
  readonly dueYear: number | null;
  readonly recurring: boolean;
}

/** Reads a "Thời gian thực hiện" cell: "Hàng năm" or "Đến năm 2025" / "Đến năm 2030". */
export function parseTimeframe(cell: string): ParsedTimeframe {
  const text = cleanCell(cell);
  if (/^(hàng|hằng) năm$/i.test(text)) return { timeframe: 'ANNUAL', dueYear: null, recurring: true };
  const by = /^Đến năm (\d{4})$/i.exec(text);
  if (by) {
    const year = Number(by[1]);
    if (year !== 2025 && year !== 2030) throw new Error(`unexpected due year in timeframe cell "${text}"`);
    return { timeframe: year === 2025 ? 'BY_2025' : 'BY_2030', dueYear: year, recurring: false };
  }
  if (text === '') return { timeframe: 'UNSPECIFIED', dueYear: null, recurring: false };
  throw new Error(`unrecognised timeframe cell "${text}"`);
}

/** One row of the appendix table, page-break continuations merged, HTML removed. */
export interface AppendixRow {
  /** "PL.I.1", "PL.II.1", "PL.II.2.a", ... */
  readonly code: string;
  /** The clause as cited: "Phụ lục II.2.a". */
  readonly clause: string;
  /** Position in the table, 1-based. */
  readonly ordinal: number;
  /** The heading row the task sits under (the nearest one). */
  readonly group: string;
  /** The section heading row (I, II). */
  readonly section: string;
  /** "Nội dung, nhiệm vụ". */
  readonly content: string;
  /** "Cơ quan chủ trì". */
  readonly lead: string;
  /** "Cơ quan phối hợp thực hiện" (empty string when the cell is empty). */
  readonly coordinators: string;
  /** "Thời gian thực hiện", as written. */
  readonly timeframe: string;
  /** The 1-based line numbers of the file the row was read from. */
  readonly lines: readonly number[];
}

interface MutableRow {
  code: string;
  ordinal: number;
  group: string;
  section: string;
  cells: string[];
  lines: number[];
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)$/;

/**
 * Parses the appendix table. The table starts at the header line
 * "STT\tNội dung, nhiệm vụ\t..." and runs to the end of the text. Rows:
 * - "I\tHEADING\t\t\t": a section heading (roman numeral, no other cells);
 * - "2\tHeading\t\t\t": a numbered heading with no lead/coordinator/timeframe;
 * - "1\tcontent\tlead\tcoordinators\ttimeframe": a task numbered directly
 *   under a section heading (section I);
 * - "a)\tcontent\tlead\t...": a lettered task under a numbered heading;
 * - "\tcontent\tlead\t...\ttimeframe": the only task under a numbered heading
 *   (no STT of its own: code PL.II.1, PL.II.5);
 * - "\tmore\t\tmore\t": a page-break continuation of the previous row (no
 *   STT, no lead, no timeframe): each non-empty cell is appended to the same
 *   cell of the previous row.
 */
export function parseAppendix(text: string): AppendixRow[] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('STT\t') && l.includes('Cơ quan chủ trì'));
  if (header < 0) throw new Error('appendix table header not found');
  const rows: MutableRow[] = [];
  let section: { numeral: string; title: string } | null = null;
  let heading: { number: string; title: string } | null = null;
  for (let i = header + 1; i < lines.length; i += 1) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const cells = raw.split('\t');
    while (cells.length < 5) cells.push('');
    if (cells.length > 5) throw new Error(`line ${i + 1}: more than 5 cells`);
    const [sttRaw, content, lead, coordinators, timeframe] = cells.map((c) => c ?? '') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const stt = sttRaw.trim();
    const hasAssignment = cleanCell(lead) !== '' || cleanCell(timeframe) !== '';
    if (ROMAN.test(stt)) {
      if (hasAssignment || cleanCell(coordinators) !== '') throw new Error(`line ${i + 1}: section heading with cells`);
      section = { numeral: stt, title: cleanCell(content) };
      heading = null;
      continue;
    }
    if (!section) throw new Error(`line ${i + 1}: row before any section heading`);
    const push = (code: string, group: string) => {
      rows.push({
        code,
        ordinal: rows.length + 1,
        group,
        section: section!.title,
        cells: [content, lead, coordinators, timeframe],
        lines: [i + 1],
      });
    };
    if (/^\d+$/.test(stt)) {
      if (!hasAssignment && cleanCell(coordinators) === '') {
        heading = { number: stt, title: cleanCell(content) };
      } else {
        heading = null;
        push(`PL.${section.numeral}.${stt}`, section.title);
      }
      continue;
    }
    const letter = /^([a-zđ])\)$/.exec(stt);
    if (letter) {
      if (!heading) throw new Error(`line ${i + 1}: lettered row outside a numbered heading`);
      push(`PL.${section.numeral}.${heading.number}.${letter[1]}`, heading.title);
      continue;
    }
    if (stt !== '') throw new Error(`line ${i + 1}: unrecognised STT "${stt}"`);
    if (!hasAssignment) {
      const previous = rows[rows.length - 1];
      if (!previous) throw new Error(`line ${i + 1}: continuation without a row`);
      [content, lead, coordinators, timeframe].forEach((cell, k) => {
        if (cleanCell(cell) !== '') previous.cells[k] = `${previous.cells[k] ?? ''} ${cell}`;
      });
      previous.lines.push(i + 1);
      continue;
    }
    if (!heading) throw new Error(`line ${i + 1}: unnumbered row outside a numbered heading`);
    if (rows.some((r) => r.code === `PL.${section!.numeral}.${heading!.number}`)) {
      throw new Error(`line ${i + 1}: second unnumbered row under heading ${heading.number}`);
    }
    push(`PL.${section.numeral}.${heading.number}`, heading.title);
  }
  return rows.map((r) => ({
    code: r.code,
    clause: `Phụ lục ${r.code.replace(/^PL\./, '')}`,
    ordinal: r.ordinal,
    group: r.group,
    section: r.section,
    content: cleanCell(r.cells[0] ?? ''),
    lead: cleanCell(r.cells[1] ?? ''),
    coordinators: cleanCell(r.cells[2] ?? ''),
    timeframe: cleanCell(r.cells[3] ?? ''),
    lines: r.lines,
  }));
}

/**
 * What is left of a cell once every quote is cut out of it (longest first).
 * A cell is covered by its quotes when only separators remain: commas,
 * semicolons, full stops, white space and the conjunction "và".
 */
export function uncoveredRemainder(cell: string, quotes: readonly string[]): string {
  let rest = cell;
  for (const quote of [...quotes].sort((a, b) => b.length - a.length)) {
    if (quote === '') continue;
    rest = rest.split(quote).join(' ');
  }
  return rest
    .replace(/(^|[\s,;.])và(?=$|[\s,;.])/g, '$1')
    .replace(/[\s,;.]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// Legal basis ("Căn cứ" / "Theo đề nghị")

export type DocumentType = 'LAW' | 'DECISION' | 'PROPOSAL';

export interface LegalBasisLine {
  /** 1-based, in text order. */
  readonly ordinal: number;
  /** The line as written, without the trailing ";" or ",". */
  readonly line: string;
  readonly docType: DocumentType;
  /** The number with spaces around "/" removed ("24 /TTr-SKHCN" -> "24/TTr-SKHCN"); null for a law cited by name. */
  readonly number: string | null;
  /** ISO date (YYYY-MM-DD). */
  readonly issuedOn: string;
}

const VI_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/;

/** "ngày 8 tháng 5 năm 2019" -> "2019-05-08" (first date in the text given). */
export function parseVietnameseDate(text: string): string | null {
  const m = VI_DATE.exec(text);
  if (!m) return null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** The decision's legal-basis lines, before "QUYẾT ĐỊNH:". */
export function parseLegalBasis(text: string): LegalBasisLine[] {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => l.trim() === 'QUYẾT ĐỊNH:');
  if (end < 0) throw new Error('"QUYẾT ĐỊNH:" not found');
  const result: LegalBasisLine[] = [];
  for (const raw of lines.slice(0, end)) {
    const line = raw.trim();
    if (!/^(Căn cứ|Theo đề nghị)\s/.test(line)) continue;
    const issuedOn = parseVietnameseDate(line);
    if (!issuedOn) throw new Error(`no date in legal-basis line "${line}"`);
    const number = /số\s+(\d+\s*\/\s*[^\s,;]+)/.exec(line);
    const docType: DocumentType = /^Căn cứ Luật\s/.test(line)
      ? 'LAW'
      : /Tờ trình/.test(line)
        ? 'PROPOSAL'
        : 'DECISION';
    result.push({
      ordinal: result.length + 1,
      line: line.replace(/[;,]$/, ''),
      docType,
      number: number ? number[1]!.replace(/\s+/g, '') : null,
      issuedOn,
    });
  }
  return result;
}

// ---------------------------------------------------------------------------
// Targets

export interface ParsedTarget {
  /** "Mục I.2.a" for the plan body, "Phụ lục II.2.a" for the appendix. */
  readonly clause: string;
  readonly quantity: number;
  readonly year: number;
  readonly comparator: 'AT_LEAST' | 'EXACTLY';
  /** The sentence or fragment the number was read from. */
  readonly text: string;
}

/** Lines of the text from the one equal to `start` (exclusive) up to the first matching `stop`. */
function linesBetween(lines: readonly string[], start: RegExp, stop: RegExp, from = 0): { lines: string[]; end: number } {
  const begin = lines.findIndex((l, i) => i >= from && start.test(l.trim()));
  if (begin < 0) throw new Error(`section ${start} not found`);
  const out: string[] = [];
  let i = begin + 1;
  for (; i < lines.length; i += 1) {
    const l = (lines[i] ?? '').trim();
    if (stop.test(l)) break;
    if (l !== '') out.push(l);
  }
  return { lines: out, end: i };
}

/**
 * The specific targets of the plan body (I.2.a "Đến năm 2025", I.2.b "Đến
 * năm 2030"): one per "- ..." bullet, its "ít nhất N" number.
 */
export function parseBodyTargets(text: string): ParsedTarget[] {
  const lines = text.split('\n');
  const block = linesBetween(lines, /^2\. Mục tiêu cụ thể$/, /^II\. /).lines;
  const result: ParsedTarget[] = [];
  let clause: string | null = null;
  let year: number | null = null;
  for (const line of block) {
    const head = /^([a-zđ])\) Đến năm (\d{4})$/.exec(line);
    if (head) {
      clause = `Mục I.2.${head[1]}`;
      year = Number(head[2]);
      continue;
    }
    if (!line.startsWith('- ')) throw new Error(`unexpected line in I.2: "${line}"`);
    if (!clause || year === null) throw new Error('target bullet before its heading');
    const numbers = [...line.matchAll(/ít nhất (\d+)/g)];
    if (numbers.length !== 1) throw new Error(`expected one "ít nhất N" in "${line}"`);
    result.push({
      clause,
      quantity: Number(numbers[0]![1]),
      year,
      comparator: 'AT_LEAST',
      text: line.replace(/^- /, '').replace(/[;.]$/, ''),
    });
  }
  return result;
}

/**
 * The numbers of the appendix rows: "ít nhất N" (due by the row's
 * timeframe), "Giai đoạn đến YYYY: N" and "Giai đoạn từ YYYY -ZZZZ: N" (due
 * by the end of the span; the plain number is an exact figure).
 */
export function parseAppendixTargets(rows: readonly AppendixRow[]): ParsedTarget[] {
  const result: ParsedTarget[] = [];
  for (const row of rows) {
    const due = parseTimeframe(row.timeframe).dueYear;
    for (const m of row.content.matchAll(/ít nhất (\d+)/g)) {
      if (due === null) throw new Error(`${row.code}: "ít nhất" in a row with no due year`);
      result.push({ clause: row.clause, quantity: Number(m[1]), year: due, comparator: 'AT_LEAST', text: m[0] });
    }
    for (const m of row.content.matchAll(/Giai đoạn đến (\d{4}): (\d+)/g)) {
      result.push({ clause: row.clause, quantity: Number(m[2]), year: Number(m[1]), comparator: 'EXACTLY', text: m[0] });
    }
    for (const m of row.content.matchAll(/Giai đoạn từ (\d{4}) ?- ?(\d{4}): (\d+)/g)) {
      result.push({ clause: row.clause, quantity: Number(m[3]), year: Number(m[2]), comparator: 'EXACTLY', text: m[0] });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Plan body: objectives, section II duties, phases, section V

export interface ParsedItem {
  /** "I.1.a", "I.1.đ", "II.2.b", "II.5", "V.2". */
  readonly code: string;
  /** "Mục I.1.a". */
  readonly clause: string;
  /** The item's words without its "a) " / "5. " marker and without the final ";" or ".". */
  readonly text: string;
  /** The numbered heading it sits under (for lettered items). */
  readonly group: string | null;
}

function stripItemEnd(text: string): string {
  return text.replace(/\s*[;.]\s*$/, '').trim();
}

/** The general objectives I.1.a … I.1.đ. */
export function parseObjectives(text: string): ParsedItem[] {
  const lines = text.split('\n');
  const block = linesBetween(lines, /^1\. Mục tiêu chung$/, /^2\. Mục tiêu cụ thể$/).lines;
  return block.map((line) => {
    const m = /^([a-zđ])\) (.*)$/.exec(line);
    if (!m) throw new Error(`unexpected line in I.1: "${line}"`);
    return { code: `I.1.${m[1]}`, clause: `Mục I.1.${m[1]}`, text: stripItemEnd(m[2]!), group: 'Mục tiêu chung' };
  });
}

/**
 * The duties of section II: lettered items under each numbered heading; a
 * numbered heading with no lettered items (II.5) is itself the duty.
 */
export function parseSectionIIDuties(text: string): ParsedItem[] {
  const lines = text.split('\n');
  const block = linesBetween(lines, /^II\. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN$/, /^III\. /).lines;
  const result: ParsedItem[] = [];
  let heading: { number: string; title: string; items: number } | null = null;
  const closeHeading = () => {
    if (heading && heading.items === 0) {
      result.push({
        code: `II.${heading.number}`,
        clause: `Mục II.${heading.number}`,
        text: stripItemEnd(heading.title),
        group: stripItemEnd(heading.title),
      });
    }
  };
  for (const line of block) {
    const num = /^(\d+)\. (.*)$/.exec(line);
    if (num) {
      closeHeading();
      heading = { number: num[1]!, title: num[2]!, items: 0 };
      continue;
    }
    const item = /^([a-zđ])\) (.*)$/.exec(line);
    if (!item || !heading) throw new Error(`unexpected line in II: "${line}"`);
    heading.items += 1;
    result.push({
      code: `II.${heading.number}.${item[1]}`,
      clause: `Mục II.${heading.number}.${item[1]}`,
      text: stripItemEnd(item[2]!),
      group: stripItemEnd(heading.title),
    });
  }
  closeHeading();
  return result;
}

export interface ParsedPhase {
  readonly ordinal: number;
  readonly startYear: number;
  readonly endYear: number;
  readonly text: string;
}

/** III.2 "Thời gian thực hiện": "- Giai đoạn 1: Từ năm 2019 đến 2025." */
export function parsePhases(text: string): ParsedPhase[] {
  const lines = text.split('\n');
  const block = linesBetween(lines, /^2\. Thời gian thực hiện$/, /^IV\. /).lines;
  return block.map((line) => {
    const m = /^- (Giai đoạn (\d+): Từ năm (\d{4}) đến (\d{4}))\.?$/.exec(line);
    if (!m) throw new Error(`unexpected line in III.2: "${line}"`);
    return { ordinal: Number(m[2]), startYear: Number(m[3]), endYear: Number(m[4]), text: m[1]! };
  });
}

/** The numbered paragraphs of section V (V.1 … V.4). */
export function parseSectionV(text: string): ParsedItem[] {
  const lines = text.split('\n');
  const block = linesBetween(lines, /^V\. TỔ CHỨC THỰC HIỆN$/, /^Các nội dung, nhiệm vụ cụ thể/).lines;
  return block.map((line) => {
    const m = /^(\d+)\. (.*)$/.exec(line);
    if (!m) throw new Error(`unexpected line in V: "${line}"`);
    return { code: `V.${m[1]}`, clause: `Mục V.${m[1]}`, text: stripItemEnd(m[2]!), group: 'TỔ CHỨC THỰC HIỆN' };
  });
}

/** The "Nơi nhận" list, one entry per "- " line, as written (without the final ";" or "."). */
export function parseRecipients(text: string): string[] {
  const lines = text.split('\n');
  return linesBetween(lines, /^Nơi nhận:$/, /^KẾ HOẠCH$/).lines.map((l) => {
    if (!l.startsWith('- ')) throw new Error(`unexpected line in Nơi nhận: "${l}"`);
    return l.slice(2).replace(/[;.]$/, '');
  });
}
