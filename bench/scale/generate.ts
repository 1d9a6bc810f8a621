import fs from 'node:fs';
import path from 'node:path';
import { propertiesOf, type NodeKind } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES, type RelationshipType } from '../../src/model/relationships';
import { foldText } from '../../src/model/text';
import type { EdgeRecord, NodeRecord, PropertyValue } from '../../src/store/port';
import { buildAdjacency } from '../../src/store/projection/buildAdjacency';
import { readSeed } from '../../seed/readSeed';
import { mulberry32 } from './mulberry32';

/**
 * Deterministic synthetic dataset for the scale benchmark, written as CSV
 * files that `bulkLoadCsv` (src/store/kuzu/bulk/bulkLoadCsv.ts) loads.
 *
 * Shape: the real seed (seed/plans, read with readSeed) replicated once per
 * synthetic province plan: its `vn-*` nodes (the national scheme, plan,
 * laws, ministries, standards) exist once and are shared by every province,
 * as in reality; every `dn-*` node (the provincial plan, its tasks, targets,
 * agencies, categories...) and every relationship touching one is copied per
 * province with renamed ids (`Kind:syn-p0042-...`), the province name
 * ("Đà Nẵng" -> "Tỉnh Mô Phỏng <Xyz>") and Task.planId rewritten. About 10%
 * of the nodes are plan copies; the rest are synthetic enterprises (80%) and
 * labs (20%), each assigned to one province, MEMBER_OF one of that
 * province's categories of the right member kind, and RECIPIENT_OF 2-4 of
 * its tasks (seeded PRNG), so ~4 relationships per organisation: 1M nodes
 * give ~3.9M relationships. Every node and relationship has
 * `synthetic: true` and `sourceDocument: "synthetic"`.
 *
 * It also picks the benchmark's query arguments (meta.json): the busiest
 * agency of province 0, a path pair at distance exactly 4 (BFS over the
 * generated graph), a rare search term (one enterprise's code word) and a
 * common one.
 *
 * CLI: npx tsx bench/scale/generate.ts --nodes 100000 --out /tmp/dir [--seed 2019] [--validity]
 */

export interface ScaleMeta {
  readonly nodes: number;
  readonly edges: number;
  readonly plans: number;
  readonly organisations: number;
  readonly seed: number;
  readonly seconds: number;
  readonly nodeFiles: { kind: NodeKind; file: string; rows: number }[];
  readonly edgeFiles: { type: RelationshipType; from: NodeKind; to: NodeKind; file: string; rows: number }[];
  readonly queries: {
    readonly commonText: string;
    readonly rareText: string;
    readonly agency: string;
    readonly plan: string;
    readonly pathFrom: string;
    readonly pathTo: string;
    readonly pathDistance: number;
  };
}

const SYLLABLES = ['An', 'Bình', 'Cao', 'Đông', 'Giang', 'Hà', 'Hòa', 'Khánh', 'Lâm', 'Long', 'Minh', 'Nam', 'Ninh', 'Phú', 'Quang', 'Sơn', 'Tân', 'Thanh', 'Trà', 'Vĩnh'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A province name unique per index: "Mô Phỏng Bình Giang Tân". */
function provinceName(p: number): string {
  const n = SYLLABLES.length;
  return `Mô Phỏng ${SYLLABLES[p % n]} ${SYLLABLES[Math.floor(p / n) % n]} ${SYLLABLES[Math.floor(p / (n * n)) % n]}`;
}

/** A 6-letter code word unique per index (< 26^6), scattered so neighbours look unrelated; letters only (Kùzu's FTS drops digits). */
function codeWord(i: number): string {
  const space = 26 ** 6;
  let x = (i * 7_919_227 + 12_345) % space;
  let out = '';
  for (let k = 0; k < 6; k += 1) {
    out += LETTERS[x % 26];
    x = Math.floor(x / 26);
  }
  return out;
}

/** Buffered CSV writer for one file. */
class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  constructor(
    readonly file: string,
    header: readonly string[],
  ) {
    this.fd = fs.openSync(file, 'w');
    fs.writeSync(this.fd, `${header.join(',')}\n`);
  }
  write(values: readonly PropertyValue[]): void {
    const line = `${values.map(cell).join(',')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer.length) fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** CSV cell: null -> empty (Kùzu reads NULL), strings always quoted with "" doubled, newlines flattened. */
function cell(value: PropertyValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return `"${value.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;
  return String(value);
}

/**
 * Synthetic validity (for the as-of benchmark, bench/asOf.ts): about 30% of
 * the records get a validFrom and 15% a validTo, the first of a month from
 * 2010 to 2029, from their own PRNG (`seed`), so the rest of the dataset is
 * the same with or without it. Labelled like every generated record
 * (`synthetic: true`).
 */
export function syntheticValidity(seed: number): () => Record<string, PropertyValue> {
  const random = mulberry32(seed);
  const month = (): string => `${2010 + Math.floor(random() * 20)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
  return () => {
    const props: Record<string, PropertyValue> = {};
    if (random() < 0.3) props.validFrom = month();
    if (random() < 0.15) props.validTo = month();
    // A store refuses an empty or reversed interval (checkBatch): put the two dates in order.
    if (typeof props.validFrom === 'string' && typeof props.validTo === 'string' && props.validTo <= props.validFrom) {
      if (props.validTo === props.validFrom) delete props.validTo;
      else [props.validFrom, props.validTo] = [props.validTo, props.validFrom];
    }
    return props;
  };
}

/** @param options.validity adds {@link syntheticValidity} to every node and relationship */
export function generate(total: number, outDir: string, seed = 2019, options: { readonly validity?: boolean } = {}): ScaleMeta {
  const started = Date.now();
  const random = mulberry32(seed);
  const validity = options.validity ? syntheticValidity(seed + 1) : (): Record<string, PropertyValue> => ({});
  fs.mkdirSync(outDir, { recursive: true });
  const real = readSeed();
  const isShared = (id: string): boolean => (id.split(':')[1] ?? '').startsWith('vn-');
  const sharedNodes = real.nodes.filter((n) => isShared(n.id));
  const planNodes = real.nodes.filter((n) => !isShared(n.id));
  const planCount = Math.max(1, Math.round((total * 0.1) / planNodes.length));
  const organisations = Math.max(0, total - sharedNodes.length - planCount * planNodes.length);

  // ---- files and node indices (for the BFS that picks the path pair) ----
  const nodeFiles = new Map<NodeKind, CsvFile>();
  const edgeFiles = new Map<string, { type: RelationshipType; from: NodeKind; to: NodeKind; csv: CsvFile }>();
  const index = new Map<string, number>();
  const kindOf: NodeKind[] = [];
  let edgeFrom: Int32Array = new Int32Array(1 << 16);
  let edgeTo: Int32Array = new Int32Array(1 << 16);
  let edgeCount = 0;

  const addNode = (kind: NodeKind, id: string, props: Record<string, PropertyValue>): void => {
    let csv = nodeFiles.get(kind);
    if (!csv) {
      csv = new CsvFile(path.join(outDir, `node-${kind}.csv`), ['id', ...propertiesOf(kind).map((p) => p.name)]);
      nodeFiles.set(kind, csv);
    }
    const all = { ...props, ...validity() };
    csv.write([id, ...propertiesOf(kind).map((p) => all[p.name] ?? null)]);
    index.set(id, kindOf.length);
    kindOf.push(kind);
  };
  const addEdge = (type: RelationshipType, from: string, to: string, props: Partial<Record<string, PropertyValue>> = {}): void => {
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined) throw new Error(`edge ${type} ${from} -> ${to}: unknown end`);
    const fromKind = kindOf[a] as NodeKind;
    const toKind = kindOf[b] as NodeKind;
    const key = `${type}|${fromKind}|${toKind}`;
    let entry = edgeFiles.get(key);
    if (!entry) {
      entry = {
        type,
        from: fromKind,
        to: toKind,
        csv: new CsvFile(path.join(outDir, `edge-${type}-${fromKind}-${toKind}.csv`), ['from', 'to', ...RELATIONSHIP_PROPERTIES.map((p) => p.name)]),
      };
      edgeFiles.set(key, entry);
    }
    const all: Record<string, PropertyValue> = {
      sourceDocument: 'synthetic',
      sourceClause: null,
      sourceQuote: null,
      note: null,
      ordinal: null,
      ...props,
      ...validity(),
      synthetic: true,
    };
    entry.csv.write([from, to, ...RELATIONSHIP_PROPERTIES.map((p) => all[p.name] ?? null)]);
    if (edgeCount === edgeFrom.length) {
      const grow = (old: Int32Array): Int32Array => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      edgeFrom = grow(edgeFrom);
      edgeTo = grow(edgeTo);
    }
    edgeFrom[edgeCount] = a;
    edgeTo[edgeCount] = b;
    edgeCount += 1;
  };

  // ---- shared national nodes ----
  const rename = (id: string, p: number): string => {
    const [kind, key = ''] = id.split(':');
    return isShared(id) ? `${kind}:syn-${key}` : `${kind}:syn-p${String(p).padStart(4, '0')}-${key.replace(/^dn-/, '')}`;
  };
  const copyNode = (node: NodeRecord, p: number): void => {
    const province = provinceName(p);
    const swap = (v: PropertyValue | undefined): PropertyValue =>
      typeof v === 'string' && !isShared(node.id) ? v.replace(/Đà Nẵng/g, province).replace(/Da Nang/gi, province) : (v ?? null);
    const props: Record<string, PropertyValue> = {};
    for (const [k, v] of Object.entries(node.props)) props[k] = swap(v);
    props.name = `${String(props.name)} (synthetic${isShared(node.id) ? '' : ` #${p}`})`;
    props.sourceDocument = 'synthetic';
    props.synthetic = true;
    if (typeof props.planId === 'string') props.planId = rename(props.planId, p);
    props.searchText = foldText(
      [props.name, props.nameVi, props.abbreviation, props.number, props.code].filter((v): v is string => typeof v === 'string').join(' '),
    );
    addNode(node.kind as NodeKind, rename(node.id, p), props);
  };
  const copyEdge = (edge: EdgeRecord, p: number): void => {
    addEdge(edge.type as RelationshipType, rename(edge.from, p), rename(edge.to, p), {
      sourceClause: edge.props.sourceClause ?? null,
      note: edge.props.note ?? null,
      ordinal: edge.props.ordinal ?? null,
    });
  };
  for (const node of sharedNodes) copyNode(node, 0);
  for (const edge of real.edges) if (isShared(edge.from) && isShared(edge.to)) copyEdge(edge, 0);

  // ---- one plan copy per province ----
  const perPlanEdges = real.edges.filter((e) => !(isShared(e.from) && isShared(e.to)));
  const realTasks = planNodes.filter((n) => n.kind === 'Task').map((n) => n.id);
  const categoriesBy = (memberKind: string): string[] =>
    planNodes.filter((n) => n.kind === 'Category' && n.props.memberKind === memberKind).map((n) => n.id);
  const enterpriseCats = categoriesBy('ENTERPRISE');
  const labCats = categoriesBy('LAB');
  const serviceCats = categoriesBy('SERVICE_PROVIDER');
  const realPlan = planNodes.find((n) => n.kind === 'Plan')?.id;
  if (!realPlan || realTasks.length === 0 || enterpriseCats.length === 0 || labCats.length === 0 || serviceCats.length === 0) {
    throw new Error('the real seed lacks a provincial plan, tasks or categories to replicate');
  }
  for (let p = 0; p < planCount; p += 1) {
    for (const node of planNodes) copyNode(node, p);
    for (const edge of perPlanEdges) copyEdge(edge, p);
  }

  // ---- synthetic enterprises and labs ----
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let firstEnterprise: string | undefined;
  let rareCode: string | undefined;
  for (let i = 0; i < organisations; i += 1) {
    const p = i % planCount;
    const province = provinceName(p);
    const code = codeWord(i);
    const lab = random() < 0.2;
    const kind: NodeKind = lab ? 'Lab' : 'Enterprise';
    const id = `${kind}:syn-${lab ? 'lab' : 'ent'}-${String(i).padStart(7, '0')}`;
    const service = lab && random() < 0.5;
    const name = lab
      ? `Synthetic ${service ? 'calibration service' : 'measurement lab'} ${code.toUpperCase()} (${province})`
      : `Synthetic enterprise ${code.toUpperCase()} (${province})`;
    const nameVi = lab
      ? `${service ? 'Tổ chức dịch vụ kiểm định' : 'Phòng thí nghiệm đo lường'} mô phỏng ${code.toUpperCase()} tỉnh ${province}`
      : `Doanh nghiệp mô phỏng ${code.toUpperCase()} tỉnh ${province}`;
    const props: Record<string, PropertyValue> = {
      name,
      nameVi,
      description: 'Synthetic benchmark organisation; not from any document.',
      sourceDocument: 'synthetic',
      sourceClause: null,
      sourceQuote: null,
      synthetic: true,
      searchText: foldText(`${name} ${nameVi}`),
      ...(lab ? { labType: service ? 'SERVICE_PROVIDER' : 'LAB' } : { taxCode: String(4_000_000_000 + i) }),
    };
    addNode(kind, id, props);
    if (!lab && firstEnterprise === undefined) firstEnterprise = id;
    if (!lab && i >= organisations / 2 && rareCode === undefined) rareCode = code;
    addEdge('MEMBER_OF', id, rename(pick(lab ? (service ? serviceCats : labCats) : enterpriseCats), p));
    const count = 2 + Math.floor(random() * 3);
    const tasks = new Set<string>();
    while (tasks.size < count && tasks.size < realTasks.length) tasks.add(pick(realTasks));
    let ordinal = 1;
    for (const task of tasks) addEdge('RECIPIENT_OF', id, rename(task, p), { ordinal: ordinal++ });
  }
  for (const csv of nodeFiles.values()) csv.close();
  for (const { csv } of edgeFiles.values()) csv.close();

  // ---- query arguments ----
  const plan0 = rename(realPlan, 0);
  const agencyPrefix = 'Agency:syn-p0000-';
  const degree = new Map<number, number>();
  for (let e = 0; e < edgeCount; e += 1) {
    for (const v of [edgeFrom[e] as number, edgeTo[e] as number]) if (kindOf[v] === 'Agency') degree.set(v, (degree.get(v) ?? 0) + 1);
  }
  const ids = [...index.keys()];
  let agency = '';
  let best = -1;
  for (const [v, d] of degree) {
    const id = ids[v] as string;
    if (id.startsWith(agencyPrefix) && (d > best || (d === best && id < agency))) {
      agency = id;
      best = d;
    }
  }
  // BFS (undirected) from the first enterprise; the target is a node at distance exactly 4.
  const from = firstEnterprise ?? agency;
  const n = kindOf.length;
  const { start: offsets, others: adjacency } = buildAdjacency(n, edgeFrom, edgeTo, edgeCount);
  const distance = new Int8Array(n).fill(-1);
  const start = index.get(from) as number;
  distance[start] = 0;
  let frontier = [start];
  for (let d = 1; d <= 4 && frontier.length > 0; d += 1) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k += 1) {
        const w = adjacency[k] as number;
        if (distance[w] === -1) {
          distance[w] = d;
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  const preference: NodeKind[] = ['Plan', 'Agency', 'Enterprise', 'Lab', 'Task'];
  const atFour = frontier.map((v) => ids[v] as string).sort();
  const pathTo = preference.map((k) => atFour.find((id) => id.startsWith(`${k}:`))).find((id) => id !== undefined) ?? atFour[0] ?? agency;

  const meta: ScaleMeta = {
    nodes: n,
    edges: edgeCount,
    plans: planCount,
    organisations,
    seed,
    seconds: (Date.now() - started) / 1000,
    nodeFiles: [...nodeFiles.entries()].map(([kind, csv]) => ({ kind, file: csv.file, rows: csv.rows })),
    edgeFiles: [...edgeFiles.values()].map(({ type, from: f, to, csv }) => ({ type, from: f, to, file: csv.file, rows: csv.rows })),
    queries: {
      commonText: 'doanh nghiệp',
      rareText: (rareCode ?? 'kiem dinh').toUpperCase(),
      agency,
      plan: plan0,
      pathFrom: from,
      pathTo,
      pathDistance: atFour.length > 0 ? 4 : -1,
    },
  };
  fs.writeFileSync(path.join(outDir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const nodes = Number(option('nodes') ?? '10000');
  const out = option('out');
  if (!out || !Number.isInteger(nodes) || nodes < 200) {
    process.stderr.write('usage: npx tsx bench/scale/generate.ts --nodes N (>= 200) --out DIR [--seed S] [--validity]\n');
    process.exit(2);
  }
  const meta = generate(nodes, out, Number(option('seed') ?? '2019'), { validity: process.argv.includes('--validity') });
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  const peakRssMiB = hwm ? Math.round(Number(hwm[1]) / 1024) : null;
  process.stdout.write(`${JSON.stringify({ nodes: meta.nodes, edges: meta.edges, plans: meta.plans, seconds: meta.seconds, peakRssMiB, queries: meta.queries })}\n`);
}
