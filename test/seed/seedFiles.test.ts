/**
 * Checks the seed YAML files directly (no loader, no store): their shape
 * against the model registries, and the Đà Nẵng files against the plan text
 * as parsed by ./planText (which never looks at the seed).
 */
import { KIND_PROPERTIES, isNodeKind, type NodeKind, type PropertySpec } from '../../src/model/kinds';
import { RELATIONSHIPS, isRelationshipType } from '../../src/model/relationships';
import { parseId } from '../../src/model/ids';
import { foldText } from '../../src/model/text';
import {
  cleanCell,
  flatText,
  parseAppendix,
  parseAppendixTargets,
  parseBodyTargets,
  parseLegalBasis,
  parseObjectives,
  parsePhases,
  parseRecipients,
  parseSectionIIDuties,
  parseSectionV,
  parseTimeframe,
  readPlanText,
  uncoveredRemainder,
  type AppendixRow,
} from './planText';
import { kindOf, readAllSeedFiles, type SeedNode, type SeedRelationship } from './seedData';

const PLAN_ID = 'Plan:dn-202-2019';
const DOC_202 = '202/QĐ-UBND';
const FOLDER = 'dn-202-2019';

const files = readAllSeedFiles();
const allNodes = files.flatMap((f) => f.nodes);
const allRels = files.flatMap((f) => f.relationships);
const byId = new Map<string, SeedNode>();
for (const n of allNodes) if (!byId.has(n.id)) byId.set(n.id, n);

const dnNodes = allNodes.filter((n) => n.folder === FOLDER);
const dnRels = allRels.filter((r) => r.folder === FOLDER);

const text = readPlanText();
const flat = flatText(text);
const rows = parseAppendix(text);
/** Everything a quote may be taken from: the flattened text and the joined appendix cells (rows split by page breaks). */
const quotable = [flat, ...rows.flatMap((r) => [r.content, r.lead, r.coordinators, r.timeframe])];

const prop = (n: SeedNode, name: string): unknown => n.props?.[name];
const relsOf = (type: string, pred: (r: SeedRelationship) => boolean = () => true) =>
  dnRels.filter((r) => r.type === type && pred(r));

function taskByCode(code: string, section: string): SeedNode[] {
  return dnNodes.filter((n) => kindOf(n.id) === 'Task' && prop(n, 'code') === code && prop(n, 'section') === section);
}

describe('seed files: shape', () => {
  test('there are seed files and the Đà Nẵng folder is among them', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.folder === FOLDER)).toBe(true);
  });

  test('each file holds only `nodes` and `relationships`', () => {
    for (const f of files) expect({ file: `${f.folder}/${f.file}`, keys: f.keys.filter((k) => k !== 'nodes' && k !== 'relationships') }).toEqual({ file: `${f.folder}/${f.file}`, keys: [] });
  });

  test('every node id is well formed, of a known kind, and unique', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const n of allNodes) {
      const parsed = parseId(n.id);
      if (typeof parsed === 'string') problems.push(`${n.at}: ${parsed}`);
      else if (!isNodeKind(parsed.kind)) problems.push(`${n.at}: unknown kind ${parsed.kind}`);
      if (seen.has(n.id)) problems.push(`${n.at}: duplicate id ${n.id}`);
      seen.add(n.id);
    }
    expect(problems).toEqual([]);
  });

  test('every node has only known fields, a name and a full source', () => {
    const allowed = new Set(['id', 'name', 'nameVi', 'description', 'source', 'props']);
    const problems: string[] = [];
    for (const n of allNodes) {
      for (const k of n.keys) if (!allowed.has(k)) problems.push(`${n.at}: unknown field ${k}`);
      if (typeof n.name !== 'string' || n.name.trim() === '') problems.push(`${n.at}: no name`);
      for (const k of ['nameVi', 'description'] as const) {
        if (n[k] !== undefined && (typeof n[k] !== 'string' || n[k]!.trim() === '')) problems.push(`${n.at}: bad ${k}`);
      }
      problems.push(...sourceProblems(n.at, n.source));
    }
    expect(problems).toEqual([]);
  });

  test('every node has only its kind\'s properties, of the declared type and values', () => {
    const computed = new Set(['searchText', 'numberKey', 'synthetic']);
    const problems: string[] = [];
    for (const n of allNodes) {
      const kind = kindOf(n.id);
      if (!isNodeKind(kind)) continue;
      const specs: readonly PropertySpec[] = KIND_PROPERTIES[kind as NodeKind];
      const props = n.props ?? {};
      if (typeof props !== 'object' || Array.isArray(props)) {
        problems.push(`${n.at}: props is not a mapping`);
        continue;
      }
      for (const [name, value] of Object.entries(props)) {
        const spec = specs.find((s) => s.name === name);
        if (computed.has(name)) problems.push(`${n.at}: ${name} is computed by the loader`);
        else if (!spec) problems.push(`${n.at}: ${kind} has no property ${name}`);
        else if (spec.type === 'int' ? !Number.isInteger(value) : typeof value !== spec.type) {
          problems.push(`${n.at}: ${name} should be ${spec.type}, is ${JSON.stringify(value)}`);
        } else if (spec.values && !spec.values.includes(value as string)) {
          problems.push(`${n.at}: ${name} = ${String(value)} is not one of ${spec.values.join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every relationship has a known type, existing ends of allowed kinds, and a full source', () => {
    const allowed = new Set(['type', 'from', 'to', 'source', 'note', 'ordinal']);
    const problems: string[] = [];
    for (const r of allRels) {
      for (const k of r.keys) if (!allowed.has(k)) problems.push(`${r.at}: unknown field ${k}`);
      if (!isRelationshipType(r.type)) {
        problems.push(`${r.at}: unknown type ${r.type}`);
        continue;
      }
      const spec = RELATIONSHIPS[r.type];
      for (const [end, id, kinds] of [
        ['from', r.from, spec.from],
        ['to', r.to, spec.to],
      ] as const) {
        if (!byId.has(id)) problems.push(`${r.at}: ${end} ${id} is not a seeded node`);
        else if (!(kinds as readonly string[]).includes(kindOf(id))) {
          problems.push(`${r.at}: ${r.type} may not go ${end} a ${kindOf(id)} (${id})`);
        }
      }
      if (r.ordinal !== undefined && !Number.isInteger(r.ordinal)) problems.push(`${r.at}: ordinal is not an integer`);
      if (r.note !== undefined && (typeof r.note !== 'string' || r.note.trim() === '')) problems.push(`${r.at}: bad note`);
      problems.push(...sourceProblems(r.at, r.source));
    }
    expect(problems).toEqual([]);
  });

  test('no (type, from, to) appears twice', () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const r of allRels) {
      const key = `${r.type} ${r.from} -> ${r.to}`;
      if (seen.has(key)) problems.push(`${r.at} repeats ${seen.get(key)}: ${key}`);
      else seen.set(key, r.at);
    }
    expect(problems).toEqual([]);
  });
});

function sourceProblems(at: string, source: unknown): string[] {
  if (typeof source !== 'object' || source === null) return [`${at}: no source`];
  const s = source as Record<string, unknown>;
  const problems: string[] = [];
  for (const k of Object.keys(s)) if (!['document', 'clause', 'quote'].includes(k)) problems.push(`${at}: unknown source field ${k}`);
  if (typeof s.document !== 'string' || s.document.trim() === '') problems.push(`${at}: no source document`);
  if (typeof s.clause !== 'string' || s.clause.trim() === '') problems.push(`${at}: no source clause`);
  if (s.quote !== undefined && (typeof s.quote !== 'string' || s.quote.trim() === '')) problems.push(`${at}: empty quote`);
  return problems;
}

describe('seed files: Decision 202/QĐ-UBND against its text', () => {
  const CLAUSE =
    /^(Trích yếu|Thẩm quyền ban hành|Căn cứ|Điều [1-4]|Nơi nhận|Chữ ký|Kế hoạch \((tiêu đề|mở đầu)\)|Mục [IV]+(\.\d+(\.[a-zđ])?)?|Phụ lục [IV]+\.\d+(\.[a-zđ])?)$/;

  test('the Đà Nẵng folder is not empty', () => {
    expect(dnNodes.length).toBeGreaterThan(50);
    expect(dnRels.length).toBeGreaterThan(100);
  });

  test('every source cites 202/QĐ-UBND with a clause in the agreed form', () => {
    const problems: string[] = [];
    for (const e of [...dnNodes, ...dnRels]) {
      if (e.source.document !== DOC_202) problems.push(`${e.at}: document ${e.source.document}`);
      if (!CLAUSE.test(e.source.clause)) problems.push(`${e.at}: clause "${e.source.clause}"`);
    }
    expect(problems).toEqual([]);
  });

  test('every clause cited exists in the text', () => {
    const problems: string[] = [];
    const appendixClauses = new Set(rows.map((r) => r.clause));
    for (const e of [...dnNodes, ...dnRels]) {
      const c = e.source.clause;
      if (c.startsWith('Phụ lục ') && !appendixClauses.has(c)) problems.push(`${e.at}: no appendix row ${c}`);
      const m = /^Mục ([IV]+)(?:\.(\d+))?(?:\.([a-zđ]))?$/.exec(c);
      if (m && !clauseExists(m[1]!, m[2], m[3])) problems.push(`${e.at}: no ${c} in the text`);
    }
    expect(problems).toEqual([]);
  });

  test('every quote is verbatim from the text (HTML removed, page breaks joined)', () => {
    const problems: string[] = [];
    for (const e of [...dnNodes, ...dnRels]) {
      const q = e.source.quote;
      if (q !== undefined && !quotable.some((t) => t.includes(q))) problems.push(`${e.at}: "${q}"`);
    }
    expect(problems).toEqual([]);
  });

  test('every nameVi is the text\'s wording (case aside)', () => {
    const lower = quotable.map((t) => t.toLowerCase());
    const problems = dnNodes
      .filter((n) => n.nameVi !== undefined && !lower.some((t) => t.includes(n.nameVi!.toLowerCase())))
      .map((n) => `${n.at}: "${n.nameVi}"`);
    expect(problems).toEqual([]);
  });

  test('every node takes part in some relationship', () => {
    const linked = new Set(allRels.flatMap((r) => [r.from, r.to]));
    expect(dnNodes.filter((n) => !linked.has(n.id)).map((n) => n.id)).toEqual([]);
  });

  test('plan-scoped nodes name their plan, and it exists', () => {
    const problems: string[] = [];
    for (const n of dnNodes) {
      const kind = kindOf(n.id);
      if (['Task', 'Target', 'Phase', 'Objective'].includes(kind)) {
        if (prop(n, 'planId') !== PLAN_ID) problems.push(`${n.at}: planId ${String(prop(n, 'planId'))}`);
      }
    }
    expect(byId.has(PLAN_ID)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('every task has exactly one HAS_TASK, from its own plan', () => {
    const tasks = dnNodes.filter((n) => kindOf(n.id) === 'Task');
    const problems = tasks.flatMap((t) => {
      const from = relsOf('HAS_TASK', (r) => r.to === t.id).map((r) => r.from);
      return from.length === 1 && from[0] === prop(t, 'planId') ? [] : [`${t.id}: HAS_TASK from ${from.join(', ') || 'nothing'}`];
    });
    expect(problems).toEqual([]);
  });

  test('every target is set by exactly one plan or task', () => {
    const targets = dnNodes.filter((n) => kindOf(n.id) === 'Target');
    const problems = targets.flatMap((t) => {
      const from = relsOf('HAS_TARGET', (r) => r.to === t.id);
      return from.length === 1 ? [] : [`${t.id}: ${from.length} HAS_TARGET`];
    });
    expect(problems).toEqual([]);
  });

  describe('appendix rows', () => {
    const appendixTasks = dnNodes.filter((n) => kindOf(n.id) === 'Task' && prop(n, 'section') === 'APPENDIX');

    test('the text parses into the expected shape of table', () => {
      expect(rows.length).toBeGreaterThan(10);
      expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
      for (const r of rows) {
        expect(r.lead).not.toBe('');
        expect(r.content).not.toMatch(/[<>]/);
        expect(() => parseTimeframe(r.timeframe)).not.toThrow();
      }
    });

    test('there is one appendix task per row of the table, and no other', () => {
      expect(appendixTasks.map((t) => prop(t, 'code')).sort()).toEqual(rows.map((r) => r.code).sort());
    });

    test.each(rows.map((r) => [r.code, r] as [string, AppendixRow]))('%s: content, clause, group, order and timeframe', (_code, row) => {
      const [task, ...more] = taskByCode(row.code, 'APPENDIX');
      expect(more).toEqual([]);
      expect(task).toBeDefined();
      const tf = parseTimeframe(row.timeframe);
      expect({
        nameVi: task!.nameVi,
        clause: task!.source.clause,
        groupVi: prop(task!, 'groupVi'),
        ordinal: prop(task!, 'ordinal'),
        timeframe: prop(task!, 'timeframe'),
        timeframeVi: prop(task!, 'timeframeVi'),
        dueYear: prop(task!, 'dueYear') ?? null,
        recurring: prop(task!, 'recurring'),
      }).toEqual({
        nameVi: row.content,
        clause: row.clause,
        groupVi: row.group,
        ordinal: row.ordinal,
        timeframe: tf.timeframe,
        timeframeVi: row.timeframe,
        dueYear: tf.dueYear,
        recurring: tf.recurring,
      });
    });

    test.each(rows.map((r) => [r.code, r] as [string, AppendixRow]))('%s: lead and coordinating bodies', (_code, row) => {
      const task = taskByCode(row.code, 'APPENDIX')[0]!;
      const leads = relsOf('LEADS', (r) => r.to === task.id);
      expect(leads.map((l) => l.source.quote)).toEqual([row.lead]);
      expect(leads.map((l) => l.source.clause)).toEqual([row.clause]);
      const coords = relsOf('COORDINATES', (r) => r.to === task.id);
      if (row.coordinators === '') {
        expect(coords).toEqual([]);
        return;
      }
      expect(coords.length).toBeGreaterThan(0);
      const quotes = coords.map((c) => c.source.quote ?? '');
      for (const c of coords) {
        expect(c.source.clause).toBe(row.clause);
        expect(row.coordinators).toContain(c.source.quote);
      }
      expect(uncoveredRemainder(row.coordinators, quotes)).toBe('');
      for (const a of [...leads, ...coords]) expect(namesAgency(a.source.quote ?? '', byId.get(a.from)!)).toBe(true);
    });

    test('the same words in the table always name the same agency', () => {
      const seen = new Map<string, Set<string>>();
      for (const r of dnRels.filter((x) => (x.type === 'LEADS' || x.type === 'COORDINATES') && x.source.clause.startsWith('Phụ lục'))) {
        const key = foldText(r.source.quote ?? '').replace(/^cac /, '');
        if (!seen.has(key)) seen.set(key, new Set());
        seen.get(key)!.add(r.from);
      }
      const ambiguous = [...seen].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k}: ${[...ids].join(', ')}`);
      expect(ambiguous).toEqual([]);
    });

    test('collective roles are marked collective, and the named department is not', () => {
      for (const r of dnRels.filter((x) => x.type === 'COORDINATES' && x.source.clause.startsWith('Phụ lục'))) {
        expect({ id: r.from, collective: prop(byId.get(r.from)!, 'collective') }).toEqual({ id: r.from, collective: true });
      }
      expect(prop(byId.get('Agency:dn-skhcn')!, 'collective')).toBe(false);
    });
  });

  describe('targets', () => {
    const targets = dnNodes.filter((n) => kindOf(n.id) === 'Target');
    const parsed = [...parseBodyTargets(text), ...parseAppendixTargets(rows)];

    test('the text gives targets in the body and in the appendix', () => {
      expect(parsed.filter((p) => p.clause.startsWith('Mục')).length).toBeGreaterThanOrEqual(8);
      expect(parsed.filter((p) => p.clause.startsWith('Phụ lục')).length).toBeGreaterThanOrEqual(6);
    });

    test.each(parsed.map((p) => [`${p.clause}: ${p.quantity} by ${p.year}`, p] as const))('%s is a target', (_label, p) => {
      const match = targets.filter(
        (t) =>
          t.source.clause === p.clause &&
          prop(t, 'quantity') === p.quantity &&
          prop(t, 'year') === p.year &&
          prop(t, 'comparator') === p.comparator,
      );
      expect(match.map((t) => t.id)).toHaveLength(1);
    });

    test('no target carries a number the text does not give', () => {
      const extra = targets.filter(
        (t) =>
          !parsed.some(
            (p) =>
              p.clause === t.source.clause &&
              p.quantity === prop(t, 'quantity') &&
              p.year === prop(t, 'year') &&
              p.comparator === prop(t, 'comparator'),
          ),
      );
      expect(extra.map((t) => t.id)).toEqual([]);
    });

    test('the body\'s 20 and the appendix\'s 30 by 2030 are both kept, as the same metric', () => {
      const body20 = targets.find((t) => t.source.clause === 'Mục I.2.b' && prop(t, 'quantity') === 20);
      const app30 = targets.find((t) => t.source.clause === 'Phụ lục II.2.a' && prop(t, 'quantity') === 30);
      expect(body20).toBeDefined();
      expect(app30).toBeDefined();
      expect(prop(body20!, 'metric')).toBe(prop(app30!, 'metric'));
      expect(prop(body20!, 'year')).toBe(2030);
      expect(prop(app30!, 'year')).toBe(2030);
    });

    test('each bullet of I.2.a has the same metric as the matching bullet of I.2.b', () => {
      const a = targets.filter((t) => t.source.clause === 'Mục I.2.a').sort((x, y) => Number(prop(x, 'ordinal')) - Number(prop(y, 'ordinal')));
      const b = targets.filter((t) => t.source.clause === 'Mục I.2.b').sort((x, y) => Number(prop(x, 'ordinal')) - Number(prop(y, 'ordinal')));
      expect(a.map((t) => prop(t, 'metric'))).toEqual(b.map((t) => prop(t, 'metric')));
      expect(new Set(a.map((t) => prop(t, 'metric'))).size).toBe(a.length);
    });

    test('each Vietnamese unit is the words the text writes after the figure, without a colon after the classifier', () => {
      const units = targets.filter((t) => typeof prop(t, 'unitVi') === 'string');
      expect(units.length).toBe(targets.length);
      const misread = units.flatMap((t) => {
        const unit = String(prop(t, 'unitVi'));
        const figure = new RegExp(`(?<!\\d)0*${String(prop(t, 'quantity'))}(?!\\d)\\s*`, 'u').exec(t.nameVi ?? '');
        // "ít nhất 20 loại: chất chuẩn, ..." reads "20 loại chất chuẩn, ..." after a number.
        const after = figure ? (t.nameVi ?? '').slice(figure.index + figure[0].length).replace(/^(\p{L}+):\s*/u, '$1 ') : '';
        return unit.includes(':') || !after.startsWith(unit) ? [{ id: t.id, unit, after }] : [];
      });
      expect(misread).toEqual([]);
    });

    test('body targets are set by the plan, appendix targets by their row', () => {
      for (const t of targets) {
        const setter = relsOf('HAS_TARGET', (r) => r.to === t.id)[0]!.from;
        if (t.source.clause.startsWith('Mục')) expect(setter).toBe(PLAN_ID);
        else expect(prop(byId.get(setter)!, 'code')).toBe(`PL.${t.source.clause.replace('Phụ lục ', '')}`);
      }
    });
  });

  describe('legal basis', () => {
    const lines = parseLegalBasis(text);
    const based = relsOf('BASED_ON', (r) => r.from === 'LegalDocument:dn-202-qd-ubnd-2019').sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));

    test('the text has four "Căn cứ" / "Theo đề nghị" lines', () => {
      expect(lines).toHaveLength(4);
    });

    test('BASED_ON from the decision follows the lines, in order', () => {
      expect(
        based.map((r) => {
          const doc = byId.get(r.to)!;
          return {
            ordinal: r.ordinal,
            line: r.source.quote,
            docType: prop(doc, 'docType'),
            number: prop(doc, 'number') ?? null,
            issuedOn: prop(doc, 'issuedOn'),
          };
        }),
      ).toEqual(lines.map((l) => ({ ordinal: l.ordinal, line: l.line, docType: l.docType, number: l.number, issuedOn: l.issuedOn })));
    });
  });

  describe('plan body', () => {
    test('section II duties are tasks with the text\'s wording, and no invented lead', () => {
      const duties = parseSectionIIDuties(text);
      const tasks = dnNodes.filter((n) => kindOf(n.id) === 'Task' && prop(n, 'section') === 'TASKS_AND_SOLUTIONS');
      expect(tasks.map((t) => prop(t, 'code')).sort()).toEqual(duties.map((d) => d.code).sort());
      for (const d of duties) {
        const t = taskByCode(d.code, 'TASKS_AND_SOLUTIONS')[0]!;
        expect({ code: d.code, nameVi: t.nameVi, clause: t.source.clause, groupVi: prop(t, 'groupVi') }).toEqual({
          code: d.code,
          nameVi: d.text,
          clause: d.clause,
          groupVi: d.group,
        });
        expect(relsOf('LEADS', (r) => r.to === t.id)).toEqual([]);
        expect(relsOf('COORDINATES', (r) => r.to === t.id)).toEqual([]);
      }
    });

    test('appendix rows correspond only to section II duties', () => {
      for (const r of relsOf('CORRESPONDS_TO')) {
        expect(prop(byId.get(r.from)!, 'section')).toBe('APPENDIX');
        expect(prop(byId.get(r.to)!, 'section')).toBe('TASKS_AND_SOLUTIONS');
      }
      expect(relsOf('CORRESPONDS_TO').length).toBeGreaterThan(5);
    });

    test('objectives I.1.a … I.1.đ', () => {
      const parsed = parseObjectives(text);
      const objectives = dnNodes.filter((n) => kindOf(n.id) === 'Objective');
      expect(
        objectives
          .map((o) => ({ code: prop(o, 'code'), nameVi: o.nameVi, clause: o.source.clause }))
          .sort((a, b) => String(a.code).localeCompare(String(b.code))),
      ).toEqual(parsed.map((p) => ({ code: p.code, nameVi: p.text, clause: p.clause })).sort((a, b) => a.code.localeCompare(b.code)));
    });

    test('phases of Mục III.2', () => {
      const phases = dnNodes.filter((n) => kindOf(n.id) === 'Phase');
      expect(
        phases
          .map((p) => ({ ordinal: prop(p, 'ordinal'), startYear: prop(p, 'startYear'), endYear: prop(p, 'endYear'), nameVi: p.nameVi }))
          .sort((a, b) => Number(a.ordinal) - Number(b.ordinal)),
      ).toEqual(parsePhases(text).map((p) => ({ ordinal: p.ordinal, startYear: p.startYear, endYear: p.endYear, nameVi: p.text })));
    });

    test('every paragraph of section V is at least one organisation task', () => {
      for (const v of parseSectionV(text)) {
        const tasks = taskByCode(v.code, 'ORGANISATION');
        expect({ code: v.code, count: tasks.length > 0 }).toEqual({ code: v.code, count: true });
        for (const t of tasks) expect(t.source.clause).toBe(v.clause);
      }
    });

    test('every "Nơi nhận" line is a RECEIVES, and every RECEIVES quotes a line', () => {
      const lines = parseRecipients(text);
      const receives = relsOf('RECEIVES');
      expect(receives.every((r) => r.to === 'LegalDocument:dn-202-qd-ubnd-2019')).toBe(true);
      expect([...new Set(receives.map((r) => r.source.quote))].sort()).toEqual([...lines].sort());
    });

    test('the HTML fragments of the text never reach the seed', () => {
      for (const n of dnNodes) expect(`${n.name} ${n.nameVi ?? ''} ${n.source.quote ?? ''}`).not.toMatch(/<\/?(p|ul|li)\b/);
      expect(cleanCell('<p>a</p> <ul style="x"> - b')).toBe('a - b');
    });
  });
});

/** True when the quoted words name the agency: one folded form contains the other. */
function namesAgency(quote: string, agency: SeedNode): boolean {
  const q = foldText(quote);
  const names = [agency.nameVi, agency.name, prop(agency, 'abbreviation')].filter((x): x is string => typeof x === 'string').map(foldText);
  return names.some((n) => n !== '' && (q.includes(n) || n.includes(q)));
}

/** True when "Mục <roman>[.<n>[.<letter>]]" names a part of the plan body. */
function clauseExists(roman: string, num?: string, letter?: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  const sectionStart = lines.findIndex((l) => l.startsWith(`${roman}. `) && l === l.toUpperCase());
  if (sectionStart < 0) return false;
  if (num === undefined) return true;
  const nextSection = lines.findIndex((l, i) => i > sectionStart && /^[IVX]+\. /.test(l) && l === l.toUpperCase());
  const end = nextSection < 0 ? lines.length : nextSection;
  const numStart = lines.findIndex((l, i) => i > sectionStart && i < end && l.startsWith(`${num}. `));
  if (numStart < 0) return false;
  if (letter === undefined) return true;
  const numEnd = lines.findIndex((l, i) => i > numStart && i < end && /^\d+\. /.test(l));
  const stop = numEnd < 0 ? end : numEnd;
  return lines.some((l, i) => i > numStart && i < stop && l.startsWith(`${letter}) `));
}
