import { BadUserInputError } from '../src/errors';
import type { MutationResolvers, RecordEventInput } from './generated/types';
import { writeRecord } from './helpers/writeRecord';

/** Splits an input into its ids (and version) and the fields it sets. */
function fieldsOf<T extends object>(input: T, ...ids: (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([name]) => !(ids as string[]).includes(name)));
}

/**
 * The write mutations: one store transaction each (see writeRecord for the
 * checks, in order: role, seeded ids, arguments).
 */
/** The task or the target an event input names (exactly one), and the argument it came in. */
function eventSubject(input: RecordEventInput): { subject: string; subjectArgument: string } {
  const given = [input.task ? { subject: input.task, subjectArgument: 'input.task' } : undefined, input.target ? { subject: input.target, subjectArgument: 'input.target' } : undefined].filter(
    (s) => s !== undefined,
  );
  if (given.length !== 1) {
    throw new BadUserInputError(
      `Argument "input" gives ${given.length === 0 ? 'neither task nor target' : 'both task and target'}; an event is of one task or one target: give one of them (record a second event for the other).`,
      'input.task',
    );
  }
  return given[0] as { subject: string; subjectArgument: string };
}

export const mutationResolvers: MutationResolvers = {
  recordActual: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(context, 'Actual', { action: 'CREATE', subject: input.target, input: fieldsOf(input, 'target') }, idempotencyKey, 'Recording an actual'),
  updateActual: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(
      context,
      'Actual',
      { action: 'UPDATE', id: input.id, expectedVersion: input.expectedVersion, input: fieldsOf(input, 'id', 'expectedVersion') },
      idempotencyKey,
      'Changing an actual',
    ),
  retractActual: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(context, 'Actual', { action: 'RETRACT', ...input }, idempotencyKey, 'Retracting an actual'),
  recordTaskReport: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(context, 'TaskReport', { action: 'CREATE', subject: input.task, input: fieldsOf(input, 'task') }, idempotencyKey, 'Recording a task report'),
  updateTaskReport: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(
      context,
      'TaskReport',
      { action: 'UPDATE', id: input.id, expectedVersion: input.expectedVersion, input: fieldsOf(input, 'id', 'expectedVersion') },
      idempotencyKey,
      'Changing a task report',
    ),
  retractTaskReport: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(context, 'TaskReport', { action: 'RETRACT', ...input }, idempotencyKey, 'Retracting a task report'),
  recordEvent: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(context, 'Event', { action: 'CREATE', ...eventSubject(input), input: fieldsOf(input, 'task', 'target') }, idempotencyKey, 'Recording an event'),
  updateEvent: (_parent, { input, idempotencyKey }, context) =>
    writeRecord(
      context,
      'Event',
      { action: 'UPDATE', id: input.id, expectedVersion: input.expectedVersion, input: fieldsOf(input, 'id', 'expectedVersion') },
      idempotencyKey,
      'Changing an event',
    ),
  retractEvent: (_parent, { input, idempotencyKey }, context) => writeRecord(context, 'Event', { action: 'RETRACT', ...input }, idempotencyKey, 'Retracting an event'),
};
