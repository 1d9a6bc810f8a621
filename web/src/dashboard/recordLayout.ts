import type { DashboardString } from './strings';

/** The years of the task status grid: the plan's 2019 to 2030. */
export const GRID_YEARS: readonly number[] = Array.from({ length: 12 }, (_, i) => 2019 + i);

/** The export endpoints the server offers, and how each reads. */
export const EXPORTS: readonly { readonly path: string; readonly label: DashboardString }[] = [
  { path: '/export/graph.json', label: 'exportGraph' },
  { path: '/export/nodes.csv', label: 'exportNodes' },
  { path: '/export/relationships.csv', label: 'exportRelationships' },
  { path: '/export/actuals.csv', label: 'exportActuals' },
  { path: '/export/task-reports.csv', label: 'exportTaskReports' },
  { path: '/export/progress.csv', label: 'exportProgress' },
];
