import type { RecordKind } from '../../src/model/implementation';
import type { GraphBatch, Properties, RecordChange } from '../../src/store/port';
import { edge, node } from './contract';

/**
 * A small plan for the write contract: two phases, targets of both
 * aggregations and comparators, and tasks of each timeframe. Labelled
 * synthetic test data; the metrics are the seed's codes, so the
 * aggregation rules of src/model/progressRules.ts apply.
 */
export function changesFixture(): GraphBatch {
  const plan = 'Plan:p';
  const target = (key: string, props: Properties) => node('Target', key, { planId: plan, name: `Target ${key}`, synthetic: true, ...props });
  const task = (key: string, props: Properties) => node('Task', key, { planId: plan, name: `Task ${key}`, synthetic: true, ...props });
  return {
    nodes: [
      node('Plan', 'p', { name: 'Test plan', startYear: 2019, endYear: 2030, synthetic: true }),
      node('Phase', 'p.g1', { planId: plan, ordinal: 1, startYear: 2019, endYear: 2025 }),
      node('Phase', 'p.g2', { planId: plan, ordinal: 2, startYear: 2026, endYear: 2030 }),
      target('sum', { metric: 'training-attendances', quantity: 200, comparator: 'AT_LEAST', year: 2025 }),
      target('total', { metric: 'reference-materials', quantity: 30, comparator: 'AT_LEAST', year: 2030 }),
      target('exact', { metric: 'reference-materials', quantity: 10, comparator: 'EXACTLY', year: 2025 }),
      target('level', { metric: 'accredited-labs', quantity: 5, comparator: 'AT_LEAST', year: 2030 }),
      task('annual', { timeframe: 'ANNUAL', recurring: true }),
      task('due', { timeframe: 'BY_2025', dueYear: 2025, recurring: false }),
      task('open', { timeframe: 'UNSPECIFIED', recurring: false }),
    ],
    edges: [
      edge('HAS_PHASE', plan, 'Phase:p.g1'),
      edge('HAS_PHASE', plan, 'Phase:p.g2'),
      ...['sum', 'total', 'exact', 'level'].map((key) => edge('HAS_TARGET', plan, `Target:${key}`)),
      edge('IN_PHASE', 'Target:sum', 'Phase:p.g1'),
      edge('IN_PHASE', 'Target:total', 'Phase:p.g1'),
      edge('IN_PHASE', 'Target:total', 'Phase:p.g2'),
      edge('IN_PHASE', 'Target:exact', 'Phase:p.g1'),
      edge('IN_PHASE', 'Target:level', 'Phase:p.g2'),
      ...['annual', 'due', 'open'].map((key) => edge('HAS_TASK', plan, `Task:${key}`)),
    ],
  };
}

let counter = 0;

/** A CREATE of an Actual of `target` (2023, PROVISIONAL, with evidence), with `fields` replacing the defaults. */
export function newActual(target: string, fields: Properties = {}, extra: Partial<RecordChange> = {}): RecordChange {
  counter += 1;
  return {
    action: 'CREATE',
    kind: 'Actual',
    id: `Actual:test-${process.pid}-${counter}`,
    subject: target,
    fields: {
      value: 10,
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      status: 'PROVISIONAL',
      baseline: false,
      evidenceDocument: '15/BC-SKHCN',
      evidenceQuote: 'Năm 2023 đã tổ chức 10 lượt bồi dưỡng (test data).',
      ...fields,
    },
    actor: 'editor@test',
    requestId: `req-${counter}`,
    ...extra,
  };
}

/** A CREATE of a TaskReport of `task` for `year`. */
export function newReport(task: string, year: number, status: string, extra: Partial<RecordChange> = {}): RecordChange {
  counter += 1;
  return {
    action: 'CREATE',
    kind: 'TaskReport',
    id: `TaskReport:test-${process.pid}-${counter}`,
    subject: task,
    fields: { year, status, narrative: `Report for ${year} (test data).` },
    actor: 'editor@test',
    requestId: `req-${counter}`,
    ...extra,
  };
}

/** The record kind an id names (`Actual:...` -> Actual). */
function recordKindOf(id: string): RecordKind {
  const kind = id.slice(0, id.indexOf(':'));
  return kind === 'Event' || kind === 'Actual' ? kind : 'TaskReport';
}

/**
 * Named organisations for the event contract: obviously synthetic (flagged
 * `synthetic`, named as test data), never a real company or lab.
 */
export function syntheticOrganisations(): GraphBatch {
  return {
    nodes: [
      node('Enterprise', 'synthetic-test-enterprise-a', { name: 'Synthetic Test Enterprise A (not a real company)', nameVi: 'Doanh nghiệp thử nghiệm A (dữ liệu giả)', synthetic: true }),
      node('Lab', 'synthetic-test-lab-b', { name: 'Synthetic Test Lab B (not a real lab)', labType: 'LAB', synthetic: true }),
    ],
    edges: [],
  };
}

/** A CREATE of an Event of `subject` (a Task or Target) naming `organisation`, with `fields` replacing the defaults. */
export function newEvent(subject: string, organisation: string, fields: Properties = {}, extra: Partial<RecordChange> = {}): RecordChange {
  counter += 1;
  return {
    action: 'CREATE',
    kind: 'Event',
    id: `Event:test-${process.pid}-${counter}`,
    subject,
    fields: {
      date: '2023-06-15',
      organisation,
      eventKind: 'JOINED_PROGRAMME',
      description: 'Joined the measurement assurance programme (synthetic test data).',
      evidenceUrl: 'https://example.invalid/synthetic-report',
      evidenceQuote: 'Synthetic test sentence: the enterprise joined the programme.',
      ...fields,
    },
    actor: 'editor@test',
    requestId: `req-${counter}`,
    ...extra,
  };
}

/** An UPDATE of `id` from `expectedVersion`. */
export function update(id: string, expectedVersion: number, fields: Properties, extra: Partial<RecordChange> = {}): RecordChange {
  counter += 1;
  const kind = recordKindOf(id);
  return { action: 'UPDATE', kind, id, expectedVersion, fields, actor: 'editor@test', requestId: `req-${counter}`, ...extra };
}

/** A RETRACT of `id` from `expectedVersion`. */
export function retract(id: string, expectedVersion: number, reason = 'entered twice', extra: Partial<RecordChange> = {}): RecordChange {
  counter += 1;
  const kind = recordKindOf(id);
  return { action: 'RETRACT', kind, id, expectedVersion, reason, actor: 'editor@test', requestId: `req-${counter}`, ...extra };
}
