import type { ChangeAction } from '../model/history';
import type { RecordKind } from '../model/implementation';
import type { Aggregation, TargetStatus } from '../model/progressRules';
import type { Properties } from './records';

/**
 * Types of the write part of the store port: records of implementation
 * (src/model/implementation.ts), the changes that write them, their
 * append-only history, and the progress computed from them.
 */

/** A record of implementation as stored: its meta fields and its own fields (`fields`, every field of the kind, null where unset). */
export interface ImplementationRecord {
  readonly id: string;
  readonly kind: RecordKind;
  /** The seeded node it is of (Target:..., Task:...). */
  readonly subject: string;
  /** 1 when created, one more at each change. */
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly retracted: boolean;
  readonly retractedAt: string | null;
  readonly retractedBy: string | null;
  readonly retractionReason: string | null;
  readonly fields: Properties;
}

/**
 * One write of one record, applied in ONE transaction by
 * {@link GraphStore.applyChange}:
 * - CREATE: a new record `id` of `kind` of the node `subject`, with `fields`
 *   (every required field of the kind);
 * - UPDATE: `fields` given replace the stored ones (null clears an optional
 *   one), others stay; `expectedVersion` must be the record's version;
 * - RETRACT: a soft delete with a `reason`; `expectedVersion` as for UPDATE.
 */
export interface RecordChange {
  readonly action: ChangeAction;
  readonly kind: RecordKind;
  /** The record's id: `<kind>:<key>`, chosen by the caller for a CREATE. */
  readonly id: string;
  /** CREATE only: the node the record is of, of the kind's subject kind. */
  readonly subject?: string;
  /** CREATE and UPDATE: the fields to set. */
  readonly fields?: Properties;
  /** UPDATE and RETRACT: the version the caller last read. */
  readonly expectedVersion?: number;
  /** RETRACT only: why. */
  readonly reason?: string;
  /** Who makes the change (the viewer's subject). */
  readonly actor: string;
  /** The request that makes it, for the history. */
  readonly requestId: string;
  /** Sent again with the same change, the store answers the first result and writes nothing. */
  readonly idempotencyKey?: string;
}

/** One entry of the append-only history. */
export interface ChangeEntry {
  /** `Change:<seq>`. */
  readonly id: string;
  /** Position in commit order, from 1, without gaps. */
  readonly seq: number;
  readonly recordId: string;
  readonly recordKind: RecordKind;
  readonly subject: string;
  readonly action: ChangeAction;
  readonly actor: string;
  /** When it committed (ISO 8601 UTC, milliseconds). */
  readonly at: string;
  /** The record's version after the change. */
  readonly version: number;
  /** The record before the change, as JSON of an {@link ImplementationRecord}; null for a CREATE. */
  readonly before: string | null;
  /** The record after the change, as JSON of an {@link ImplementationRecord}. */
  readonly after: string;
  readonly requestId: string;
  readonly idempotencyKey: string | null;
}

/** What {@link GraphStore.applyChange} answers. */
export interface ChangeResult {
  /** The record after the change (for a replay: after the first change). */
  readonly record: ImplementationRecord;
  /** The history entry the change appended (for a replay: the first one). */
  readonly change: ChangeEntry;
  /** True when the idempotency key had been seen: nothing was written. */
  readonly replayed: boolean;
}

/** Records of many subjects, for DataLoaders. */
export interface RecordsOfQuery {
  readonly kind: RecordKind;
  /** Subject ids (never empty). */
  readonly subjects: readonly string[];
  /** Also the retracted records (default: left out). */
  readonly includeRetracted?: boolean;
  /**
   * A reference field of the kind (see RecordFieldSpec.refersTo, e.g. an
   * Event's `organisation`): the records whose field names one of
   * `subjects`, instead of the records of those subjects.
   */
  readonly field?: string;
}

/** A filtered page of the history, in commit order (oldest first). */
export interface ChangeListQuery {
  /** Only changes of this record. */
  readonly recordId?: string;
  /** Only changes of the records of this node (a Target, a Task). */
  readonly subject?: string;
  /** Only changes made by this actor. */
  readonly actor?: string;
  readonly recordKind?: RecordKind;
  readonly action?: ChangeAction;
  /** Only changes at or after this instant (ISO 8601). */
  readonly from?: string;
  /** Only changes before this instant (ISO 8601). */
  readonly to?: string;
  readonly offset: number;
  readonly limit: number;
}

/** Progress of many targets or tasks as of one date, for DataLoaders. */
export interface ProgressQuery {
  /** Target (or Task) ids (never empty); the answer is aligned with them. */
  readonly ids: readonly string[];
  /** The date progress is computed at, YYYY-MM-DD: later periods and years are left out. */
  readonly asOf: string;
}

/** What a target's actuals achieve in one phase it falls in. */
export interface PhaseProgress {
  readonly phaseId: string;
  readonly startYear: number;
  readonly endYear: number;
  /** Null when no actual of a period ending in the phase counts. */
  readonly achieved: number | null;
  readonly actualsCounted: number;
}

/**
 * A target's progress as of a date. The actuals counted are those not
 * retracted, not the baseline, whose period ends by the as-of date and by
 * the end of the target's due year; of several covering the same period the
 * strongest status wins (then the one changed last); the periods are then
 * summed or the latest taken, by the metric (see METRIC_AGGREGATION).
 */
export interface TargetProgress {
  readonly targetId: string;
  readonly asOf: string;
  readonly aggregation: Aggregation;
  readonly quantity: number;
  readonly comparator: string;
  /** Null when no actual counts. */
  readonly achieved: number | null;
  readonly status: TargetStatus;
  readonly actualsCounted: number;
  readonly latestPeriodEnd: string | null;
  /** The actuals that made `achieved`, one per period, in period order. */
  readonly counted: readonly ImplementationRecord[];
  /** The target's baseline actual (not retracted), if one was recorded. */
  readonly baseline: ImplementationRecord | null;
  readonly byPhase: readonly PhaseProgress[];
}

/**
 * A task's progress as of a date, from its reports (not retracted, for years
 * up to the as-of date's year). A year is overdue when it has ended by the
 * as-of date without a report saying DONE, or when its report says OVERDUE:
 * for a recurring task every year of its plan from the start; for a task due
 * by a year, that year once it has ended (a DONE report of any year settles
 * it); a task with neither is overdue only when its latest report says so.
 */
export interface TaskProgress {
  readonly taskId: string;
  readonly asOf: string;
  readonly overdue: boolean;
  readonly overdueYears: readonly number[];
  /** The report of the latest year (the one changed last among equals), if any. */
  readonly latestReport: ImplementationRecord | null;
  readonly reportedYears: readonly number[];
}
