import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SeedValidationError } from '../src/errors';
import { openKuzuStore } from '../src/store/kuzu/openKuzuStore';
import { loadSeed } from './loadSeed';
import { DEFAULT_SEED_DIR, readSeed } from './readSeed';

const temps: string[] = [];
function seedDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-seed-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'plan', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'plan', name), text);
  }
  return dir;
}
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const GOOD = `
nodes:
  - id: Agency:x-lead
    name: Lead body
    nameVi: Cơ quan chủ trì
    source: { document: 1/QĐ, clause: Điều 1 }
    props: { level: CITY, collective: false }
  - id: Task:x-1
    name: A task
    source: { document: 1/QĐ, clause: Phụ lục 1 }
    props: { code: PL.1, section: APPENDIX, timeframe: BY_2025, dueYear: 2025, recurring: false }
relationships:
  - type: LEADS
    from: Agency:x-lead
    to: Task:x-1
    source: { document: 1/QĐ, clause: Phụ lục 1, quote: Cơ quan chủ trì }
`;

/** Runs readSeed and returns the problems it reports. */
function problemsOf(dir: string): string[] {
  try {
    readSeed(dir);
  } catch (error) {
    if (error instanceof SeedValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

describe('readSeed', () => {
  it('turns valid files into nodes with provenance and folded search text', () => {
    const batch = readSeed(seedDir({ 'a.yaml': GOOD }));
    expect(batch.nodes).toHaveLength(2);
    const agency = batch.nodes.find((n) => n.id === 'Agency:x-lead');
    expect(agency?.props).toMatchObject({
      name: 'Lead body',
      nameVi: 'Cơ quan chủ trì',
      sourceDocument: '1/QĐ',
      sourceClause: 'Điều 1',
      synthetic: false,
      searchText: 'lead body co quan chu tri',
    });
    expect(batch.edges).toEqual([
      expect.objectContaining({ type: 'LEADS', from: 'Agency:x-lead', to: 'Task:x-1', props: expect.objectContaining({ sourceQuote: 'Cơ quan chủ trì' }) }),
    ]);
  });

  it.each([
    ['an unknown property', GOOD.replace('recurring: false', 'recurring: false, colour: red'), /tasks?|a\.yaml: nodes\[1\] \(Task:x-1\): props: Unrecognized key.*colour/],
    ['a wrong enum value', GOOD.replace('BY_2025', 'SOON'), /a\.yaml: nodes\[1\] \(Task:x-1\): props\.timeframe: Invalid enum value/],
    ['a wrong type', GOOD.replace('dueYear: 2025', 'dueYear: "2025"'), /nodes\[1\] \(Task:x-1\): props\.dueYear: Expected number/],
    ['a malformed id', GOOD.replace('id: Task:x-1', 'id: Task:X 1'), /nodes\[1\] \(Task:X 1\): id: .*malformed key/],
    ['a missing source', GOOD.replace('    source: { document: 1/QĐ, clause: Điều 1 }\n', ''), /nodes\[0\] \(Agency:x-lead\): source: Required/],
    ['a dangling relationship', GOOD.replace('to: Task:x-1', 'to: Task:x-2'), /relationships\[0\] \(LEADS Agency:x-lead -> Task:x-2\): to: no node has id Task:x-2/],
    ['a relationship between the wrong kinds', GOOD.replace('from: Agency:x-lead', 'from: Task:x-1'), /LEADS may not start at a Task/],
    ['an unknown relationship type', GOOD.replace('type: LEADS', 'type: LIKES'), /relationships\[0\]: type: Invalid enum value/],
    ['invalid YAML', 'nodes: [ {', /a\.yaml: not valid YAML/],
  ])('rejects %s, naming the file, the entry and the field', (_label, text, pattern) => {
    const problems = problemsOf(seedDir({ 'a.yaml': text }));
    expect(problems.join('\n')).toMatch(pattern);
  });

  it('rejects a duplicate id across files', () => {
    const problems = problemsOf(seedDir({ 'a.yaml': GOOD, 'b.yaml': GOOD.split('relationships:')[0] as string }));
    expect(problems.join('\n')).toMatch(/b\.yaml: nodes\[0\] \(Agency:x-lead\): id: duplicate id/);
  });

  it('reads the real seed plans without a problem', () => {
    const batch = readSeed(DEFAULT_SEED_DIR);
    expect(batch.nodes.length).toBeGreaterThan(50);
    expect(batch.edges.length).toBeGreaterThan(50);
  });
});

describe('loadSeed', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-seed-store-'));
    temps.push(dir);
  });

  it('loads twice to the same graph, and a bad file leaves the graph as it was', async () => {
    const store = await openKuzuStore({ path: path.join(dir, 'db') });
    try {
      const first = await loadSeed(store);
      const afterFirst = await store.stats();
      expect([first.nodesCreated, first.edgesCreated]).toEqual([afterFirst.nodes, afterFirst.edges]);
      const second = await loadSeed(store);
      expect([second.nodesCreated, second.nodesUpdated, second.edgesCreated, second.edgesUpdated]).toEqual([0, 0, 0, 0]);
      expect(await store.stats()).toEqual(afterFirst);

      const bad = seedDir({ 'a.yaml': GOOD.replace('to: Task:x-1', 'to: Task:x-2') });
      await expect(loadSeed(store, bad)).rejects.toThrow(SeedValidationError);
      expect(await store.stats()).toEqual(afterFirst);
    } finally {
      await store.close();
    }
  });
});
