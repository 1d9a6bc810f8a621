import { recordColumns } from '../model/implementation';
import { COMMON_PROPERTIES, KIND_PROPERTIES, type PropertySpec } from '../model/kinds';
import { RELATIONSHIP_PROPERTIES } from '../model/relationships';

/**
 * Internal properties that an export still carries because the API shows
 * them (as `source { document clause quote }` and a node's validity): its
 * provenance and when it holds. The other internal properties (searchText,
 * numberKey, planId) are the store's own copies and stay out.
 */
const EXPORTED_INTERNAL = new Set(['sourceDocument', 'sourceClause', 'sourceQuote', 'validFrom', 'validTo', 'validFromSource', 'validToSource']);

/** True for a property an export carries: a public one, or provenance and validity. */
function exported(spec: PropertySpec): boolean {
  return !spec.internal || EXPORTED_INTERNAL.has(spec.name);
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/**
 * Columns of nodes.csv: `id`, `kind`, the properties every node has, then
 * the properties of each kind (in the registry's order; a column a kind
 * lacks stays empty on its rows).
 */
export const NODE_COLUMNS: readonly string[] = unique([
  'id',
  'kind',
  ...COMMON_PROPERTIES.filter(exported).map((p) => p.name),
  ...Object.values(KIND_PROPERTIES).flatMap((specs: readonly PropertySpec[]) => specs.filter(exported).map((p) => p.name)),
]);

/** Columns of relationships.csv: the type, both endpoint ids, then every relationship property (provenance included). */
export const RELATIONSHIP_COLUMNS: readonly string[] = unique(['type', 'from', 'to', ...RELATIONSHIP_PROPERTIES.filter(exported).map((p) => p.name)]);

/** Columns of actuals.csv: every stored column of an Actual (id, subject, version and audit fields, then its own). */
export const ACTUAL_COLUMNS: readonly string[] = recordColumns('Actual').map((c) => c.name);

/** Columns of task-reports.csv: every stored column of a TaskReport. */
export const TASK_REPORT_COLUMNS: readonly string[] = recordColumns('TaskReport').map((c) => c.name);

/**
 * Columns of progress.csv: one row per target and per task of the graph,
 * computed as of `asOf` the way `Target.progress` and `Task.progress` are.
 * Target rows fill the target columns, task rows the task ones; lists of
 * years are written space-separated.
 */
export const PROGRESS_COLUMNS: readonly string[] = [
  'subjectKind',
  'subject',
  'name',
  'asOf',
  'status',
  'quantity',
  'comparator',
  'aggregation',
  'achieved',
  'actualsCounted',
  'latestPeriodEnd',
  'baselineValue',
  'overdue',
  'overdueYears',
  'reportedYears',
  'latestReportYear',
  'latestReportStatus',
];
