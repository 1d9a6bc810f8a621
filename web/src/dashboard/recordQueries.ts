/** The operations of the record of implementation the dashboard sends: progress, task reports, the viewer and recording an actual. */

/** The fields of a target's progress the dashboard shows (the query and the live subscription ask the same). */
const PROGRESS_FIELDS = `asOf
      aggregation
      quantity
      comparator
      achieved
      ratio
      status
      actualsCounted
      latestPeriodEnd
      byPhase { phase { id name nameVi ordinal } achieved actualsCounted }`;

export const PROGRESS_QUERY = `query DashboardProgress($plan: ID!, $asOf: String) {
  targets(filter: { plan: $plan }, first: 100) {
    nodes {
      id
      name
      nameVi
      unit
      unitVi
      year
      ordinal
      progress(asOf: $asOf) {
      ${PROGRESS_FIELDS}
      }
    }
  }
}`;

export interface PhaseProgressRow {
  readonly phase: { readonly id: string; readonly name: string; readonly nameVi: string | null; readonly ordinal: number };
  readonly achieved: number | null;
  readonly actualsCounted: number;
}

export type TargetStatus = 'NO_DATA' | 'IN_PROGRESS' | 'MET' | 'EXCEEDED' | 'NOT_MET';

export interface ProgressRow {
  readonly asOf: string;
  readonly aggregation: 'SUM' | 'LATEST';
  readonly quantity: number;
  readonly comparator: string;
  readonly achieved: number | null;
  readonly ratio: number | null;
  readonly status: TargetStatus;
  readonly actualsCounted: number;
  readonly latestPeriodEnd: string | null;
  readonly byPhase: readonly PhaseProgressRow[];
}

export interface ProgressTarget {
  readonly id: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly unit: string;
  readonly unitVi: string | null;
  readonly year: number;
  readonly ordinal: number | null;
  readonly progress: ProgressRow;
}

/** Live progress: every change of a target's progress, pushed over the WebSocket. */
export const PROGRESS_SUBSCRIPTION = `subscription DashboardProgressLive($plan: ID!) {
  targetProgress(plan: $plan) {
    target { id }
    ${PROGRESS_FIELDS}
  }
}`;

export interface ProgressEvent {
  readonly targetProgress: ProgressRow & { readonly target: { readonly id: string } };
}

export const TASK_GRID_QUERY = `query DashboardTaskGrid($plan: ID!, $asOf: String) {
  tasks(filter: { plan: $plan }, orderBy: [{ field: ORDINAL }], first: 200) {
    nodes {
      id
      code
      name
      nameVi
      dueYear
      recurring
      reports(first: 50) { id year status }
      progress(asOf: $asOf) { overdue overdueYears reportedYears }
    }
  }
}`;

export type TaskReportStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'OVERDUE';

export interface TaskGridRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly dueYear: number | null;
  readonly recurring: boolean;
  readonly reports: readonly { readonly id: string; readonly year: number; readonly status: TaskReportStatus }[];
  readonly progress: { readonly overdue: boolean; readonly overdueYears: readonly number[]; readonly reportedYears: readonly number[] };
}

/** Live task progress: a message per task first, then one each time a committed write of its reports may have changed it. */
export const TASK_PROGRESS_SUBSCRIPTION = `subscription DashboardTaskProgressLive($plan: ID!) {
  taskProgress(plan: $plan) { task { id } overdueYears reportedYears }
}`;

export interface TaskProgressEvent {
  readonly taskProgress: { readonly task: { readonly id: string }; readonly overdueYears: readonly number[]; readonly reportedYears: readonly number[] };
}

export const VIEWER_QUERY = `query DashboardViewer {
  viewer { subject role via }
}`;

export interface ViewerRow {
  readonly subject: string;
  readonly role: 'READER' | 'EDITOR' | 'ADMIN';
  readonly via: 'TOKEN' | 'API_KEY';
}

export const RECORD_ACTUAL_MUTATION = `mutation DashboardRecordActual($input: RecordActualInput!, $key: String) {
  recordActual(input: $input, idempotencyKey: $key) {
    replayed
    actual { id version value periodStart periodEnd status target { id } }
  }
}`;

export interface RecordActualAnswer {
  readonly recordActual: {
    readonly replayed: boolean;
    readonly actual: { readonly id: string; readonly version: number; readonly value: number; readonly periodStart: string; readonly periodEnd: string; readonly status: string; readonly target: { readonly id: string } | null };
  };
}
