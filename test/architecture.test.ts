import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const LAYERS = ['src', 'resolvers', 'seed'];

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(full);
    }
  };
  for (const layer of LAYERS) walk(path.join(ROOT, layer));
  return files;
}

/** Relative imports of a file, resolved to absolute .ts paths (type-only imports included). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => {
      const base = path.resolve(path.dirname(file), name);
      return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate)) ?? base;
    });
}

const rel = (file: string) => path.relative(ROOT, file);

describe('architecture', () => {
  const files = sourceFiles();
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' -> '));
        else if (!state.has(next) && graph.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('speaks Cypher only inside the store adapters', () => {
    const cypher = /\b(MATCH|MERGE)\s*\(|\bDETACH\s+DELETE\b|\bCREATE\s+(NODE|REL)\s+TABLE\b/;
    const offenders = files
      .filter((f) => !/^src\/store\/(kuzu|neo4j)\//.test(rel(f)))
      .filter((f) => cypher.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps resolvers and loaders off the adapters: they reach the store only through the port', () => {
    const offenders = files
      .filter((f) => /^(resolvers|src\/loaders)\//.test(rel(f)))
      .flatMap((f) => (graph.get(f) ?? []).filter((i) => /src\/store\/(kuzu|neo4j)\//.test(rel(i))).map((i) => `${rel(f)} -> ${rel(i)}`));
    expect(offenders).toEqual([]);
  });

  it('uses no default exports', () => {
    const offenders = files.filter((f) => /^export default /m.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });
});
