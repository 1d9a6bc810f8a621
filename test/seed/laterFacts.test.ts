/**
 * Checks seed/sources/later-facts.json, the sourced facts of 2019-2026 about
 * the plan's bodies and documents (issue 14): every fact carries a source it
 * was read in (URL, or document number and date) with a verbatim quote, its
 * dates are real ISO dates, its kind and roles are the declared ones and are
 * documented in docs/later-facts.md, and the seed nodes it names exist. Then
 * what the facts become in the graph: each used one or left out with a
 * reason, each record made from one keeping its quote, each validity date
 * its source, and the whole seed consistent in time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LATER_FACT_USES, LATER_FACTS_LEFT_OUT } from '../../seed/laterFacts/laterFactUses';
import { readLaterFacts } from '../../seed/laterFacts/readLaterFacts';
import { toGraphBatch } from '../../seed/laterFacts/toGraphBatch';
import { readSeedGraph } from '../../seed/loadSeed';
import { readSeed } from '../../seed/readSeed';
import { checkValidity } from '../../src/model/validityChecks/checkValidity';
import { successionFamilyOf } from '../../src/model/validityChecks/succession';
import { checkValiditySource } from '../../src/model/validityChecks/validitySource';
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

describe('later facts in the graph (seed/laterFacts)', () => {
  const plan = readSeed();
  const later = toGraphBatch(readLaterFacts(), plan);
  const graph = readSeedGraph();
  const planIds = new Set(plan.nodes.map((n) => n.id));
  const factsById = new Map(facts.map((f) => [f.id, f]));
  const quotesOf = (f: Fact) => f.sources.flatMap((s) => s.quotes.map((q) => ({ text: q.text, url: s.url, document: f.document?.number ?? s.document?.number })));
  const usedIds = LATER_FACT_USES.map((u) => u.factId);
  const leftOutIds = LATER_FACTS_LEFT_OUT.map((u) => u.factId);
  const madeFromFacts = [
    ...later.nodes.filter((n) => !planIds.has(n.id)).map((n) => ({ name: n.id, props: n.props })),
    ...later.edges.map((e) => ({ name: `${e.type} ${e.from} -> ${e.to}`, props: e.props })),
  ];

  test('every fact is either used in the graph or left out with a reason, and docs/later-facts.md says which', () => {
    expect([...usedIds, ...leftOutIds].sort()).toEqual(facts.map((f) => f.id).sort());
    const section = doc.slice(doc.indexOf('## In the graph'));
    expect(section.length).toBeGreaterThan(100);
    expect(facts.map((f) => f.id).filter((id) => !section.includes(`\`${id}\``))).toEqual([]);
    for (const { why } of LATER_FACTS_LEFT_OUT) expect(why.trim()).not.toBe('');
  });

  test('every later fact used in the graph carries its quote and its document or URL', () => {
    const problems: string[] = [];
    for (const id of usedIds) {
      const f = factsById.get(id)!;
      for (const q of quotesOf(f)) if (q.text.trim() === '' || (q.url === undefined && q.document === undefined)) problems.push(`${id}: a quote without its document or URL`);
    }
    expect(problems).toEqual([]);
  });

  test('every node and relationship made from a fact keeps the fact as its provenance: the fact id, one of its quotes, its document or page', () => {
    const problems: string[] = [];
    for (const { name, props } of madeFromFacts) {
      const f = factsById.get(String(props.sourceClause));
      if (!f) {
        problems.push(`${name}: sourceClause ${String(props.sourceClause)} is no fact id`);
        continue;
      }
      const quote = quotesOf(f).find((q) => q.text === props.sourceQuote);
      if (!quote) problems.push(`${name}: its quote is not one of ${f.id}'s`);
      else if (props.sourceDocument !== (quote.document ?? quote.url)) problems.push(`${name}: sourceDocument ${String(props.sourceDocument)} is not the fact's document or page`);
    }
    expect(problems).toEqual([]);
    expect(madeFromFacts.length).toBeGreaterThan(50);
  });

  test('every validity date a fact gives (plan records included) carries validFromSource/validToSource quoting that fact, with its document or URL', () => {
    const problems: string[] = [];
    const records = [...later.nodes.map((n) => ({ name: n.id, props: n.props })), ...later.edges.map((e) => ({ name: `${e.type} ${e.from} -> ${e.to}`, props: e.props }))];
    let dated = 0;
    for (const { name, props } of records) {
      for (const [dateKey, sourceKey] of [['validFrom', 'validFromSource'], ['validTo', 'validToSource']] as const) {
        if (props[dateKey] === undefined) continue;
        dated += 1;
        const source = checkValiditySource(props[sourceKey]);
        if (typeof source === 'string') {
          problems.push(`${name}: ${sourceKey} ${source}`);
          continue;
        }
        const f = source.factId ? factsById.get(source.factId) : undefined;
        const quote = f && quotesOf(f).find((q) => q.text === source.quote);
        if (!quote) problems.push(`${name}: ${sourceKey} does not quote its fact ${source.factId ?? '(none)'}`);
        else if (source.url !== quote.url || source.document !== quote.document) problems.push(`${name}: ${sourceKey} names another document or page than its quote's`);
      }
    }
    expect(problems).toEqual([]);
    expect(dated).toBeGreaterThan(40);
  });

  test('a plan node gets validity only from a fact that names it by its seedId, and nothing else of it changes', () => {
    const problems: string[] = [];
    for (const n of later.nodes.filter((x) => planIds.has(x.id))) {
      for (const key of ['validFromSource', 'validToSource'] as const) {
        const source = checkValiditySource(n.props[key]);
        if (typeof source === 'string') continue;
        const f = factsById.get(source.factId ?? '');
        if (!f?.subjects.some((s) => s.seedId === n.id)) problems.push(`${n.id}: ${key} from ${source.factId ?? '(none)'}, which does not name it`);
      }
      expect(Object.keys(n.props).every((k) => k.startsWith('valid'))).toBe(true);
    }
    expect(problems).toEqual([]);
    for (const p of plan.nodes) {
      const merged = graph.nodes.find((n) => n.id === p.id)!;
      const { validFrom: _f, validTo: _t, validFromSource: _fs, validToSource: _ts, ...rest } = merged.props;
      expect({ id: p.id, props: rest }).toEqual({ id: p.id, props: p.props });
    }
  });

  test('the only records made from facts without any validity are those no fact dates: issuers, documents named without a date, QUATEST 2 and its service membership', () => {
    const undated = madeFromFacts.filter(({ props }) => props.validFrom === undefined && props.validTo === undefined).map((r) => r.name);
    expect(undated.filter((name) => !name.startsWith('ISSUED_BY ') && !name.startsWith('BASED_ON ')).sort()).toEqual(
      [
        'Agency:vn-ban-bi-thu',
        'Agency:vn-chinh-phu',
        'Agency:vn-quoc-hoi',
        'Agency:vn-ubtvqh',
        'LegalDocument:vn-hien-phap-2013',
        'LegalDocument:vn-luat-clsphh',
        'LegalDocument:vn-luat-tc-qckt-2006',
        'Lab:vn-quatest-2',
        'MEMBER_OF Lab:vn-quatest-2 -> Category:dn-to-chuc-dich-vu-do-luong',
      ].sort(),
    );
  });

  test('every succession is dated with its source, and the whole seed passes the validity checks', () => {
    const successions = graph.edges.filter((e) => successionFamilyOf(e.type) !== undefined);
    expect(successions.length).toBeGreaterThan(10);
    expect(successions.filter((e) => e.props.validFrom === undefined || e.props.validFromSource === undefined)).toEqual([]);
    expect(checkValidity(graph)).toEqual([]);
  });

  test('the district committees end on 2025-07-01 and are succeeded by the new commune-level committees and the city committee', () => {
    const district = graph.nodes.find((n) => n.id === 'Agency:dn-ubnd-quan-huyen')!;
    expect(district.props.validTo).toBe('2025-07-01');
    expect((checkValiditySource(district.props.validToSource) as { factId?: string }).factId).toBe('lf-2025-07-01-ubnd-quan-huyen-dissolved');
    expect(
      graph.edges
        .filter((e) => e.type === 'SUCCEEDED_BY' && e.from === district.id)
        .map((e) => [e.to, e.props.validFrom])
        .sort(),
    ).toEqual([
      ['Agency:dn-ubnd', '2025-07-01'],
      ['Agency:dn-ubnd-xa-phuong-dac-khu', '2025-07-01'],
    ]);
  });

  test('a fact pointing at a subject, quote or date it does not have is refused, naming the fact', () => {
    const [first] = LATER_FACT_USES;
    const broken = [{ ...first!, nodes: first!.nodes!.map((n) => ({ ...n, quote: { source: 9, quote: 0 } })) }, ...LATER_FACT_USES.slice(1)];
    expect(() => toGraphBatch(readLaterFacts(), plan, broken)).toThrow(/lf-2020-08-31-qd-1322-ttg-issued: node LegalDocument:vn-1322-qd-ttg-2020: the fact has no quote sources\[9\]/);
    const wrongSeed = [{ factId: 'lf-2025-07-01-ubnd-quan-huyen-dissolved', seedValidity: [{ id: 'Agency:dn-skhcn', subject: { role: 'dissolved' } }] }];
    expect(() => toGraphBatch(readLaterFacts(), plan, wrongSeed, [])).toThrow(/validity of Agency:dn-skhcn: the subject names Agency:dn-ubnd-quan-huyen, not Agency:dn-skhcn/);
  });
});
