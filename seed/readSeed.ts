import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SeedValidationError } from '../src/errors';
import { parseId } from '../src/model/ids';
import { RELATIONSHIPS, type RelationshipType } from '../src/model/relationships';
import { foldDocumentNumber, foldText } from '../src/model/text';
import type { EdgeRecord, GraphBatch, NodeRecord, PropertyValue } from '../src/store/port';
import {
  PROPS_SCHEMAS,
  describeIssues,
  nodeEntrySchema,
  relationshipEntrySchema,
  seedFileSchema,
  type NodeEntry,
  type RelationshipEntry,
} from './schema';

/** The folder holding one sub-folder of YAML files per plan. */
export const DEFAULT_SEED_DIR = path.resolve(__dirname, 'plans');

/** Lists the seed files under `dir` (every `.yaml`/`.yml`, sorted, recursively). */
export function listSeedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new SeedValidationError([`${dir}: seed folder does not exist`]);
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walk(dir);
  return files;
}

/**
 * Reads and validates every seed file under `dir` and returns the graph they
 * describe. Throws one {@link SeedValidationError} listing every problem, each
 * with its file, entry (index and id) and field; nothing is returned then.
 */
export function readSeed(dir: string = DEFAULT_SEED_DIR): GraphBatch {
  const problems: string[] = [];
  const nodes = new Map<string, NodeRecord>();
  const edges: EdgeRecord[] = [];
  const pendingEdges: { where: string; entry: RelationshipEntry }[] = [];
  const root = path.resolve(dir, '..');

  for (const file of listSeedFiles(dir)) {
    const name = path.relative(root, file);
    let document: unknown;
    try {
      document = parseYaml(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${name}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const fileCheck = seedFileSchema.safeParse(document ?? {});
    if (!fileCheck.success) {
      problems.push(...describeIssues(fileCheck.error).map((p) => `${name}: ${p}`));
      continue;
    }
    (fileCheck.data.nodes ?? []).forEach((raw, index) => {
      const where = `${name}: nodes[${index}]${idOf(raw)}`;
      const node = toNodeRecord(raw, where, problems);
      if (!node) return;
      if (nodes.has(node.id)) problems.push(`${where}: id: duplicate id ${node.id}`);
      else nodes.set(node.id, node);
    });
    (fileCheck.data.relationships ?? []).forEach((raw, index) => {
      const where = `${name}: relationships[${index}]`;
      const parsed = relationshipEntrySchema.safeParse(raw);
      if (!parsed.success) problems.push(...describeIssues(parsed.error).map((p) => `${where}: ${p}`));
      else pendingEdges.push({ where: `${where} (${parsed.data.type} ${parsed.data.from} -> ${parsed.data.to})`, entry: parsed.data });
    });
  }

  const seen = new Set<string>();
  for (const { where, entry } of pendingEdges) {
    const edge = toEdgeRecord(entry, where, nodes, problems);
    if (!edge) continue;
    const key = `${edge.type}|${edge.from}|${edge.to}`;
    if (seen.has(key)) problems.push(`${where}: duplicate relationship (same type, from and to)`);
    else {
      seen.add(key);
      edges.push(edge);
    }
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return { nodes: [...nodes.values()], edges };
}

function idOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? ` (${id})` : '';
}

/**
 * Validates one node entry of the seed format (see seed/FORMAT.md) and turns
 * it into a node record with its computed properties (searchText, numberKey,
 * synthetic). Pushes each problem, prefixed with `where`, and returns
 * undefined when the entry is invalid.
 */
export function toNodeRecord(raw: unknown, where: string, problems: string[]): NodeRecord | undefined {
  const parsed = nodeEntrySchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...describeIssues(parsed.error).map((p) => `${where}: ${p}`));
    return undefined;
  }
  const entry: NodeEntry = parsed.data;
  const id = parseId(entry.id);
  if (typeof id === 'string') {
    problems.push(`${where}: id: ${id}`);
    return undefined;
  }
  const props = PROPS_SCHEMAS[id.kind].safeParse(entry.props ?? {});
  if (!props.success) {
    problems.push(...describeIssues(props.error, 'props').map((p) => `${where}: ${p}`));
    return undefined;
  }
  const own = props.data as Record<string, PropertyValue>;
  const searchable = [entry.name, entry.nameVi, own.abbreviation, own.number, own.code].filter(
    (v): v is string => typeof v === 'string',
  );
  return {
    id: entry.id,
    kind: id.kind,
    props: {
      ...own,
      name: entry.name,
      nameVi: entry.nameVi ?? null,
      description: entry.description ?? null,
      sourceDocument: entry.source.document,
      sourceClause: entry.source.clause,
      sourceQuote: entry.source.quote ?? null,
      synthetic: false,
      searchText: foldText(searchable.join(' ')),
      ...(id.kind === 'LegalDocument' ? { numberKey: typeof own.number === 'string' ? foldDocumentNumber(own.number) : null } : {}),
    },
  };
}

/**
 * Turns one validated relationship entry into a relationship record, after
 * checking that both ends are among `nodes` and of kinds its type may join.
 * Pushes each problem, prefixed with `where`, and returns undefined then.
 */
export function toEdgeRecord(
  entry: RelationshipEntry,
  where: string,
  nodes: ReadonlyMap<string, NodeRecord>,
  problems: string[],
): EdgeRecord | undefined {
  const type = entry.type as RelationshipType;
  const spec = RELATIONSHIPS[type];
  let ok = true;
  for (const [end, id, allowed] of [
    ['from', entry.from, spec.from],
    ['to', entry.to, spec.to],
  ] as const) {
    const node = nodes.get(id);
    if (!node) {
      problems.push(`${where}: ${end}: no node has id ${id}`);
      ok = false;
    } else if (!(allowed as readonly string[]).includes(node.kind)) {
      problems.push(`${where}: ${end}: ${type} may not ${end === 'from' ? 'start at' : 'end at'} a ${node.kind} (allowed: ${allowed.join(', ')})`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    type,
    from: entry.from,
    to: entry.to,
    props: {
      sourceDocument: entry.source.document,
      sourceClause: entry.source.clause,
      sourceQuote: entry.source.quote ?? null,
      note: entry.note ?? null,
      ordinal: entry.ordinal ?? null,
      synthetic: false,
    },
  };
}
