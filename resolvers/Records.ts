import type { Context } from '../src/context';
import type { ImplementationRecord, Properties, PropertyValue } from '../src/store/port';
import type {
  ActualPayloadResolvers,
  ActualResolvers,
  ChangeResolvers,
  EventKind,
  EventPayloadResolvers,
  EventResolvers,
  EvidenceResolvers,
  ImplementationRecordResolvers,
  PhaseProgressResolvers,
  TargetProgressResolvers,
  TaskProgressResolvers,
  TaskReportPayloadResolvers,
  TaskReportResolvers,
} from './generated/types';

type Field = (parent: ImplementationRecord) => PropertyValue;

/** The fields every record type shares (its meta fields are the parent's own properties). */
const recordFields = {
  retraction: (parent: ImplementationRecord) =>
    parent.retracted ? { at: parent.retractedAt ?? parent.updatedAt, by: parent.retractedBy ?? parent.updatedBy, reason: parent.retractionReason ?? '' } : null,
};

const field =
  (name: string): Field =>
  (parent) =>
    parent.fields[name] ?? null;

/** Loads the node a record is of. */
const subject = (parent: ImplementationRecord, _args: unknown, context: Context) => context.loaders.node.load(parent.subject);

export const implementationRecordResolvers: ImplementationRecordResolvers = {
  __resolveType: (parent) => parent.kind,
};

export const actualResolvers: ActualResolvers = {
  ...recordFields,
  target: subject,
  value: (parent) => Number(parent.fields.value),
  periodStart: (parent) => String(parent.fields.periodStart),
  periodEnd: (parent) => String(parent.fields.periodEnd),
  status: (parent) => parent.fields.status as 'PROVISIONAL' | 'FINAL' | 'VERIFIED',
  baseline: (parent) => parent.fields.baseline === true,
  evidence: (parent) => parent.fields,
  note: field('note') as (parent: ImplementationRecord) => string | null,
  recordedBy: (parent) => parent.createdBy,
  recordedAt: (parent) => parent.createdAt,
};

export const taskReportResolvers: TaskReportResolvers = {
  ...recordFields,
  task: subject,
  year: (parent) => Number(parent.fields.year),
  status: (parent) => parent.fields.status as 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'OVERDUE',
  narrative: (parent) => String(parent.fields.narrative),
  evidence: (parent) => (parent.fields.evidenceQuote === null || parent.fields.evidenceQuote === undefined ? null : parent.fields),
};

/** The subject of an event when it is of `kind`, else null. */
const subjectOfKind = (kind: 'Task' | 'Target') => (parent: ImplementationRecord, _args: unknown, context: Context) =>
  parent.subject.startsWith(`${kind}:`) ? context.loaders.node.load(parent.subject) : null;

export const eventResolvers: EventResolvers = {
  ...recordFields,
  subject,
  task: subjectOfKind('Task'),
  target: subjectOfKind('Target'),
  date: (parent) => String(parent.fields.date),
  organisation: (parent, _args, context) => context.loaders.node.load(String(parent.fields.organisation)),
  eventKind: (parent) => parent.fields.eventKind as EventKind,
  description: (parent) => String(parent.fields.description),
  evidence: (parent) => parent.fields,
};

export const evidenceResolvers: EvidenceResolvers = {
  document: (parent: Properties) => (parent.evidenceDocument as string | null) ?? null,
  url: (parent: Properties) => (parent.evidenceUrl as string | null) ?? null,
  quote: (parent: Properties) => String(parent.evidenceQuote),
};

export const changeResolvers: ChangeResolvers = {
  record: (parent, _args, context) => context.loaders.records.record.load(parent.recordId),
  subject: (parent, _args, context) => context.loaders.node.load(parent.subject),
  changedFields: (parent) => changedFields(parent.before, parent.after),
};

/** The fields (and `retracted`) whose values differ between two JSON snapshots of a record; every set field for a CREATE. */
export function changedFields(before: string | null, after: string): string[] {
  const next = JSON.parse(after) as ImplementationRecord;
  const previous = before === null ? null : (JSON.parse(before) as ImplementationRecord);
  const changed = Object.keys(next.fields).filter((name) => (previous ? previous.fields[name] ?? null : null) !== (next.fields[name] ?? null));
  if (previous && previous.retracted !== next.retracted) changed.push('retracted');
  return changed;
}

export const targetProgressResolvers: TargetProgressResolvers = {
  target: async (parent, _args, context) => {
    const target = await context.loaders.node.load(parent.targetId);
    if (!target) throw new Error(`progress of ${parent.targetId}, which is not in the store`);
    return target;
  },
  comparator: (parent) => parent.comparator as 'AT_LEAST' | 'EXACTLY',
  ratio: (parent) => (parent.achieved === null || parent.quantity === 0 ? null : parent.achieved / parent.quantity),
  counted: (parent) => [...parent.counted],
  byPhase: (parent) => [...parent.byPhase],
};

export const phaseProgressResolvers: PhaseProgressResolvers = {
  phase: async (parent, _args, context) => {
    const phase = await context.loaders.node.load(parent.phaseId);
    if (!phase) throw new Error(`phase ${parent.phaseId} is not in the store`);
    return phase;
  },
};

export const taskProgressResolvers: TaskProgressResolvers = {
  task: async (parent, _args, context) => {
    const task = await context.loaders.node.load(parent.taskId);
    if (!task) throw new Error(`progress of ${parent.taskId}, which is not in the store`);
    return task;
  },
  overdueYears: (parent) => [...parent.overdueYears],
  reportedYears: (parent) => [...parent.reportedYears],
};

export const actualPayloadResolvers: ActualPayloadResolvers = {
  actual: (parent) => parent.record,
};

export const eventPayloadResolvers: EventPayloadResolvers = {
  event: (parent) => parent.record,
};

export const taskReportPayloadResolvers: TaskReportPayloadResolvers = {
  taskReport: (parent) => parent.record,
};
