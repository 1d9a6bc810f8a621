import { checkRecordValidity } from './checkRecordValidity';
import { checkSuccessionCycles } from './checkSuccessionCycles';
import { checkSuccessionDates } from './checkSuccessionDates';
import { checkSuccessionOverlaps } from './checkSuccessionOverlaps';
import type { ValidityGraph, ValidityProblem } from './validityRecords';

/**
 * Every validity check on a graph (or the part of one a write touches, with
 * the ends of its successions): each record's dates and sources, succession
 * cycles within a family, successions dated against their ends, and
 * successions that may not overlap. Pure; returns the problems, each naming
 * its record, in that order (empty: the graph is consistent in time).
 */
export function checkValidity(graph: ValidityGraph): ValidityProblem[] {
  return [...checkRecordValidity(graph), ...checkSuccessionCycles(graph), ...checkSuccessionDates(graph), ...checkSuccessionOverlaps(graph)];
}
