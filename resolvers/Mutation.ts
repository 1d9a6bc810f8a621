import type { MutationResolvers } from './generated/types';
import { writeRecord } from './helpers/writeRecord';

/** Splits an input into its ids (and version) and the fields it sets. */
function fieldsOf<T extends object>(input: T, ...ids: (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([name]) => !(ids as string[]).includes(name)));
}

/**
 * The write mutations: one store transaction each (see writeRecord for the
 * checks, in order: role, seeded ids, arguments).
 */
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
};
