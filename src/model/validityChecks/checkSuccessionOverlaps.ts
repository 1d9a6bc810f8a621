import { EXCLUSIVE_SUCCESSIONS, type DatedSuccessionType } from './succession';
import { edgeName, intervalOf, showInterval, type ValidityEdge, type ValidityGraph, type ValidityProblem } from './validityRecords';

/**
 * Finds successions that may hold only one at a time (see
 * EXCLUSIVE_SUCCESSIONS: a body has one new name at a time) leaving one
 * record at overlapping times, e.g. two RENAMED_TO from one body both valid
 * on some day. Each overlapping pair is reported once, naming both.
 */
export function checkSuccessionOverlaps(graph: ValidityGraph): ValidityProblem[] {
  const problems: ValidityProblem[] = [];
  const groups = new Map<string, ValidityEdge[]>();
  for (const e of graph.edges) {
    if (!EXCLUSIVE_SUCCESSIONS.includes(e.type as DatedSuccessionType)) continue;
    const key = `${e.type} ${e.from}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const edges of groups.values()) {
    for (let i = 0; i < edges.length; i += 1) {
      for (let j = i + 1; j < edges.length; j += 1) {
        const a = intervalOf(edges[i]!.props);
        const b = intervalOf(edges[j]!.props);
        if (overlaps(a, b)) {
          problems.push({
            record: edgeName(edges[i]!),
            message: `valid ${showInterval(a)}, overlapping ${edgeName(edges[j]!)} valid ${showInterval(b)}`,
          });
        }
      }
    }
  }
  return problems;
}

/** True when two half-open intervals (absent sides open) share a day. */
export function overlaps(a: { from?: string; to?: string }, b: { from?: string; to?: string }): boolean {
  const startsBeforeBEnds = a.from === undefined || b.to === undefined || a.from < b.to;
  const bStartsBeforeAEnds = b.from === undefined || a.to === undefined || b.from < a.to;
  return startsBeforeBEnds && bStartsBeforeAEnds;
}
