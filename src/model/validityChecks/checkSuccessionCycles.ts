import { SUCCESSION_FAMILIES, type SuccessionFamily } from './succession';
import type { ValidityGraph, ValidityProblem } from './validityRecords';

/**
 * Finds cycles among succession relationships of one family (a body that,
 * through mergers, renamings or successions, succeeds itself; a document
 * replaced, amended or repealed, through others, by itself). Each cycle is
 * reported once, naming every record on it in order:
 * `Agency:a -MERGED_INTO-> Agency:b -RENAMED_TO-> Agency:a`.
 */
export function checkSuccessionCycles(graph: ValidityGraph): ValidityProblem[] {
  const problems: ValidityProblem[] = [];
  for (const [family, types] of Object.entries(SUCCESSION_FAMILIES) as [SuccessionFamily, readonly string[]][]) {
    const out = new Map<string, { type: string; to: string }[]>();
    for (const e of graph.edges) {
      if (!types.includes(e.type)) continue;
      const list = out.get(e.from) ?? [];
      list.push({ type: e.type, to: e.to });
      out.set(e.from, list);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const path: { id: string; type?: string }[] = [];
    const seen = new Set<string>();
    const visit = (id: string): void => {
      state.set(id, 'visiting');
      for (const step of [...(out.get(id) ?? [])].sort((a, b) => (a.to + a.type).localeCompare(b.to + b.type))) {
        path.push({ id, type: step.type });
        if (state.get(step.to) === 'visiting') {
          const start = path.findIndex((p) => p.id === step.to);
          const cycle = path.slice(start);
          const text = `${cycle.map((p) => `${p.id} -${p.type}-> `).join('')}${step.to}`;
          const key = [...cycle.map((p) => p.id)].sort().join('|');
          if (!seen.has(key)) {
            seen.add(key);
            problems.push({ record: step.to, message: `succession cycle among ${family}: ${text}` });
          }
        } else if (!state.has(step.to)) visit(step.to);
        path.pop();
      }
      state.set(id, 'done');
    };
    for (const id of [...out.keys()].sort()) if (!state.has(id)) visit(id);
  }
  return problems;
}
