/**
 * Reads the seed YAML files directly (without the project's loader), for the
 * tests that check the seed files themselves and for the fidelity test that
 * needs every seeded id.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';

export const SEED_PLANS_DIR = path.resolve(__dirname, '../../seed/plans');
export const DN_202_DIR = path.join(SEED_PLANS_DIR, 'dn-202-2019');

export interface SeedSource {
  document: string;
  clause: string;
  quote?: string;
}

export interface SeedNode {
  id: string;
  name: string;
  nameVi?: string;
  description?: string;
  source: SeedSource;
  props?: Record<string, unknown>;
  /** Where it was read from: "dn-202-2019/tasks-appendix.yaml#nodes[3]". */
  at: string;
  /** The plan folder it was read from. */
  folder: string;
  /** Every key present on the entry, to check for stray ones. */
  keys: string[];
}

export interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  source: SeedSource;
  note?: string;
  ordinal?: number;
  at: string;
  folder: string;
  keys: string[];
}

export interface SeedFile {
  folder: string;
  file: string;
  /** Top-level keys of the file. */
  keys: string[];
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}

function asEntries(value: unknown, what: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value.map((v, i) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${what}[${i}] is not a mapping`);
    return v as Record<string, unknown>;
  });
}

/** Reads one plan folder's YAML files (sorted by name). */
export function readSeedFolder(dir: string): SeedFile[] {
  const folder = path.basename(dir);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const doc: unknown = parseYaml(text, { uniqueKeys: true }) ?? {};
      if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${folder}/${file} is not a mapping`);
      const top = doc as Record<string, unknown>;
      const nodes = asEntries(top.nodes, `${folder}/${file}#nodes`).map(
        (n, i) =>
          ({
            ...(n as object),
            at: `${folder}/${file}#nodes[${i}]`,
            folder,
            keys: Object.keys(n),
          }) as SeedNode,
      );
      const relationships = asEntries(top.relationships, `${folder}/${file}#relationships`).map(
        (r, i) =>
          ({
            ...(r as object),
            at: `${folder}/${file}#relationships[${i}]`,
            folder,
            keys: Object.keys(r),
          }) as SeedRelationship,
      );
      return { folder, file, keys: Object.keys(top), nodes, relationships };
    });
}

/** Every plan folder under seed/plans. */
export function readAllSeedFiles(root: string = SEED_PLANS_DIR): SeedFile[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((name) => readSeedFolder(path.join(root, name)));
}

/** The kind prefix of an id ("Task" for "Task:dn-202-2019.pl-i-1"). */
export function kindOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}
