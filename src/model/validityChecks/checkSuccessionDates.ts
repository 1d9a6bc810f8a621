import { isIsoDate } from './isoDate';
import { ENDING_SUCCESSIONS, successionFamilyOf, type DatedSuccessionType } from './succession';
import { edgeName, intervalOf, showInterval, type ValidityGraph, type ValidityProblem } from './validityRecords';

/**
 * Checks each succession against its two ends, both present in the graph
 * given (a succession whose end is not given is not checked against it):
 *
 * - it is dated: `validFrom` is its date;
 * - a succession that ends its predecessor (see ENDING_SUCCESSIONS) is dated
 *   at the predecessor's end: the predecessor's `validTo` is that date, so a
 *   body is not valid after the date it merged away, and it did not end before;
 * - a split or an amendment is dated within the predecessor's validity;
 * - the predecessor started before, and the successor is valid on, that date.
 */
export function checkSuccessionDates(graph: ValidityGraph): ValidityProblem[] {
  const problems: ValidityProblem[] = [];
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const edge of graph.edges) {
    if (!successionFamilyOf(edge.type)) continue;
    const name = edgeName(edge);
    const date = edge.props.validFrom;
    if (!isIsoDate(date)) {
      problems.push({ record: name, message: 'a succession needs its date (validFrom) and its source' });
      continue;
    }
    const predecessor = nodes.get(edge.from);
    if (predecessor) {
      const was = intervalOf(predecessor.props);
      const ends = ENDING_SUCCESSIONS.includes(edge.type as DatedSuccessionType);
      if (was.from !== undefined && was.from >= date) {
        problems.push({ record: name, message: `dated ${date}, not after ${edge.from} began (valid ${showInterval(was)})` });
      }
      if (ends && was.to === undefined) {
        problems.push({ record: name, message: `dated ${date}, but ${edge.from} stays valid after it (no validTo; it should be ${date})` });
      } else if (ends && was.to !== undefined && was.to > date) {
        problems.push({ record: name, message: `dated ${date}, but ${edge.from} stays valid after it (validTo ${was.to}; it should be ${date})` });
      } else if (was.to !== undefined && was.to < date) {
        problems.push({ record: name, message: `dated ${date}, after ${edge.from} ended (validTo ${was.to})` });
      }
    }
    const successor = nodes.get(edge.to);
    if (successor) {
      const is = intervalOf(successor.props);
      if ((is.from !== undefined && is.from > date) || (is.to !== undefined && is.to <= date)) {
        problems.push({ record: name, message: `dated ${date}, when ${edge.to} is not valid (valid ${showInterval(is)})` });
      }
    }
  }
  return problems;
}
