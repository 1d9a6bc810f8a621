/**
 * Checks seed/sources/later-facts.json, the sourced facts of 2019-2026 about
 * the plan's bodies and documents (issue 14): every fact carries a source it
 * was read in (URL, or document number and date) with a verbatim quote, its
 * dates are real ISO dates, its kind and roles are the declared ones and are
 * documented in docs/later-facts.md, and the seed nodes it names exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { kindOf, readAllSeedFiles } from './seedData';

const FACTS_PATH = path.resolve(__dirname, '../../seed/sources/later-facts.json');
const DOC_PATH = path.resolve(__dirname, '../../docs/later-facts.md');

interface Quote {
  text: string;
  lang: string;
  gloss?: string;
}
interface Source {
  url?: string;
  site?: string;
  document?: { number?: string; date?: string };
  quotes: Quote[];
}
interface Subject {
  role: string;
  type: string;
  nameVi: string;
  seedId?: string;
  number?: string;
  date?: string;
}
type DateField = 'issuedOn' | 'effectiveFrom' | 'effectiveTo' | 'operativeFrom' | 'reportedOn';
interface Fact {
  id: string;
  kind: string;
  summary: string;
  subjects: Subject[];
  dates: Partial<Record<DateField, string>>;
  document?: { number?: string; date?: string };
  sources: Source[];
  caveats?: string[];
}
interface FactsFile {
  format: string;
  quoteConvention: string;
  dateFields: Record<string, string>;
  kinds: Record<string, { roles: string[] }>;
  facts: Fact[];
}

const file = JSON.parse(fs.readFileSync(FACTS_PATH, 'utf8')) as FactsFile;
const doc = fs.readFileSync(DOC_PATH, 'utf8');
const facts = file.facts;
const DATE_FIELDS: readonly DateField[] = ['issuedOn', 'effectiveFrom', 'effectiveTo', 'operativeFrom', 'reportedOn'];
/** Which seed node kinds a subject of each type may point at. */
const SEED_KINDS_BY_TYPE: Record<string, readonly string[]> = {
  body: ['Agency'],
  document: ['LegalDocument', 'Plan', 'Scheme'],
  category: ['Category'],
  territory: [],
};
const QUOTE_LANGS = new Set(['vi', 'en', 'zh']);
/** Vietnamese document numbers: 510/QĐ-BKHCN, 55/2025/NĐ-CP, 38-CT/TW, 04/2011/QH13 ... */
const DOC_NUMBER = /^\d+(\/\d{4})?[/-]\p{Lu}[\p{L}\d]*([/-][\p{L}\d]+)*$/u;

/** True for a real calendar date written YYYY-MM-DD. */
function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

describe('later facts (seed/sources/later-facts.json)', () => {
  test('the file declares its format, conventions and kinds, and lists facts', () => {
    expect(file.format).toBe('later-facts/1');
    expect(nonEmpty(file.quoteConvention)).toBe(true);
    expect(Object.keys(file.dateFields).sort()).toEqual([...DATE_FIELDS].sort());
    expect(Object.keys(file.kinds).length).toBeGreaterThan(0);
    expect(facts.length).toBeGreaterThan(0);
  });

  test('every declared kind has roles and is documented in docs/later-facts.md', () => {
    const problems: string[] = [];
    for (const [kind, spec] of Object.entries(file.kinds)) {
      if (!/^[A-Z]+(_[A-Z]+)+$/.test(kind)) problems.push(`${kind}: not an UPPER_SNAKE kind name`);
      if (!Array.isArray(spec.roles) || spec.roles.length === 0) problems.push(`${kind}: no roles`);
      if (!doc.includes(`\`${kind}\``)) problems.push(`${kind}: not documented in docs/later-facts.md`);
      for (const role of spec.roles ?? []) if (!doc.includes(`\`${role}\``)) problems.push(`${kind}: role ${role} not documented`);
    }
    expect(problems).toEqual([]);
  });

  test('fact ids are well formed and unique', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const f of facts) {
      if (!/^lf-\d{4}-\d{2}(-\d{2})?-[a-z0-9]+(-[a-z0-9]+)*$/.test(f.id)) problems.push(`${f.id}: malformed id`);
      if (seen.has(f.id)) problems.push(`${f.id}: duplicate id`);
      seen.add(f.id);
    }
    expect(problems).toEqual([]);
  });

  test('every fact has a declared kind, a summary, and subjects in roles its kind allows', () => {
    const problems: string[] = [];
    for (const f of facts) {
      const spec = file.kinds[f.kind];
      if (!spec) problems.push(`${f.id}: kind ${f.kind} is not declared`);
      if (!nonEmpty(f.summary)) problems.push(`${f.id}: no summary`);
      if (!Array.isArray(f.subjects) || f.subjects.length === 0) problems.push(`${f.id}: no subjects`);
      for (const s of f.subjects ?? []) {
        if (!nonEmpty(s.nameVi)) problems.push(`${f.id}: a subject has no nameVi`);
        if (!(s.type in SEED_KINDS_BY_TYPE)) problems.push(`${f.id}: subject ${s.nameVi} has unknown type ${s.type}`);
        if (spec && !spec.roles.includes(s.role)) problems.push(`${f.id}: role ${s.role} is not one of ${f.kind}'s roles`);
        if (s.number !== undefined && !DOC_NUMBER.test(s.number)) problems.push(`${f.id}: subject number ${s.number} is malformed`);
        if (s.date !== undefined && !isIsoDate(s.date)) problems.push(`${f.id}: subject date ${s.date} is not an ISO date`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every fact has a source (URL, or document number and date) and every source a non-empty verbatim quote', () => {
    const problems: string[] = [];
    for (const f of facts) {
      if (!Array.isArray(f.sources) || f.sources.length === 0) problems.push(`${f.id}: no source`);
      for (const [i, s] of (f.sources ?? []).entries()) {
        const where = `${f.id}: sources[${i}]`;
        const byDocument = nonEmpty(s.document?.number) && isIsoDate(s.document?.date);
        if (s.url !== undefined && !isHttpUrl(s.url)) problems.push(`${where}: url ${s.url} is not an http(s) URL`);
        if (!isHttpUrl(s.url) && !byDocument) problems.push(`${where}: neither a URL nor a document number and date`);
        if (!Array.isArray(s.quotes) || s.quotes.length === 0) problems.push(`${where}: no quote`);
        for (const [j, q] of (s.quotes ?? []).entries()) {
          const at = `${where}.quotes[${j}]`;
          if (!nonEmpty(q.text)) problems.push(`${at}: empty quote`);
          else if (q.text !== q.text.trim() || /\s{2,}|[\n\r\t]/.test(q.text)) problems.push(`${at}: whitespace not collapsed as the file's quote convention says`);
          if (!QUOTE_LANGS.has(q.lang)) problems.push(`${at}: language ${q.lang} is not one of vi, en, zh`);
          if (q.lang !== 'en' && !nonEmpty(q.gloss)) problems.push(`${at}: a ${q.lang} quote needs an English gloss`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('dates are valid ISO dates, each fact has one in 2019-2026, and no validity ends before it starts', () => {
    const problems: string[] = [];
    for (const f of facts) {
      const present = DATE_FIELDS.filter((k) => f.dates?.[k] !== undefined);
      for (const k of Object.keys(f.dates ?? {})) if (!DATE_FIELDS.includes(k as DateField)) problems.push(`${f.id}: unknown date field ${k}`);
      if (present.length === 0) problems.push(`${f.id}: no date`);
      for (const k of present) if (!isIsoDate(f.dates[k])) problems.push(`${f.id}: ${k} = ${f.dates[k]} is not an ISO date`);
      const inRange = present.some((k) => (f.dates[k] ?? '') >= '2019-01-01' && (f.dates[k] ?? '') <= '2026-12-31');
      if (!inRange) problems.push(`${f.id}: no date in 2019-2026`);
      const { effectiveFrom: from, effectiveTo: to } = f.dates ?? {};
      if (from && to && from > to) problems.push(`${f.id}: effectiveFrom ${from} is after effectiveTo ${to}`);
      if (f.document?.number !== undefined && !DOC_NUMBER.test(f.document.number)) problems.push(`${f.id}: document number ${f.document.number} is malformed`);
      if (f.document?.date !== undefined && !isIsoDate(f.document.date)) problems.push(`${f.id}: document date ${f.document.date} is not an ISO date`);
      if (f.document?.date && f.dates?.issuedOn && f.document.date !== f.dates.issuedOn) problems.push(`${f.id}: document date ${f.document.date} differs from issuedOn ${f.dates.issuedOn}`);
    }
    expect(problems).toEqual([]);
  });

  const seedNodes = readAllSeedFiles().flatMap((s) => s.nodes);
  const seedById = new Map(seedNodes.map((n) => [n.id, n]));

  test('subjects that name a seed node use an id that exists in seed/, of a kind matching the subject type', () => {
    const problems: string[] = [];
    let referenced = 0;
    for (const f of facts) {
      for (const s of f.subjects ?? []) {
        if (s.seedId === undefined) continue;
        referenced += 1;
        if (!seedById.has(s.seedId)) problems.push(`${f.id}: seed node ${s.seedId} does not exist`);
        else if (!(SEED_KINDS_BY_TYPE[s.type] ?? []).includes(kindOf(s.seedId))) problems.push(`${f.id}: ${s.seedId} is not a ${s.type}`);
      }
    }
    expect(problems).toEqual([]);
    expect(referenced).toBeGreaterThan(0);
  });

  test('every district-level body of the seed has a sourced end (a BODY_DISSOLVED fact names it)', () => {
    const district = seedNodes.filter((n) => kindOf(n.id) === 'Agency' && n.props?.level === 'DISTRICT').map((n) => n.id);
    const dissolved = new Set(
      facts.filter((f) => f.kind === 'BODY_DISSOLVED').flatMap((f) => f.subjects.filter((s) => s.role === 'dissolved').map((s) => s.seedId)),
    );
    expect(district.length).toBeGreaterThan(0);
    expect(district.filter((id) => !dissolved.has(id))).toEqual([]);
  });
});
