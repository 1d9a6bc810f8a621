import { randomUUID } from 'node:crypto';
import type { Context } from '../../src/context';
import { requireRole } from '../../src/auth/viewer';
import { BadUserInputError, ForbiddenError } from '../../src/errors';
import { parseId } from '../../src/model/ids';
import { RECORD_KINDS, type RecordKind } from '../../src/model/implementation';
import { parseRecordId, TOKEN_PATTERN } from '../../src/model/recordRules';
import type { ChangeResult, Properties, RecordChange } from '../../src/store/port';
import { recordFields } from './recordInput';

/** What a write mutation asks, once its arguments are read. */
export type WriteRequest =
  | { readonly action: 'CREATE'; readonly subject: string; readonly input: Readonly<Record<string, unknown>>; readonly subjectArgument?: string }
  | { readonly action: 'UPDATE'; readonly id: string; readonly expectedVersion: number; readonly input: Readonly<Record<string, unknown>> }
  | { readonly action: 'RETRACT'; readonly id: string; readonly expectedVersion: number; readonly reason: string };

/**
 * Runs one write mutation: the caller must hold the editor role
 * (UNAUTHENTICATED / FORBIDDEN naming `action`); an id of a fact seeded from
 * the decision's text is FORBIDDEN, saying why; ids, the idempotency key and
 * the fields are checked (BAD_USER_INPUT naming the argument and value);
 * then the store applies the change in one transaction (its refusals reach
 * the client as BAD_USER_INPUT and CONFLICT, see src/errors.ts). The
 * request's record loaders are emptied afterwards: what they read before the
 * write is stale.
 *
 * @param doing the action for messages, e.g. "Recording an actual"
 */
export async function writeRecord(context: Context, kind: RecordKind, request: WriteRequest, idempotencyKey: string | null | undefined, doing: string): Promise<ChangeResult> {
  const viewer = requireRole(context.viewer, 'editor', doing);
  if (request.action === 'CREATE') requireSubject(kind, request.subject, request.subjectArgument);
  else await requireRecordId(context, kind, request.id);
  if (idempotencyKey !== null && idempotencyKey !== undefined && !TOKEN_PATTERN.test(idempotencyKey)) {
    throw new BadUserInputError(
      `Argument "idempotencyKey" is ${JSON.stringify(idempotencyKey.slice(0, 80))}; it must be 1 to 200 letters, digits, '.', '_', ':' or '-'.`,
      'idempotencyKey',
    );
  }
  const common = { kind, actor: viewer.subject, requestId: context.requestId, ...(idempotencyKey ? { idempotencyKey } : {}) };
  let change: RecordChange;
  if (request.action === 'CREATE') {
    change = { ...common, action: 'CREATE', id: `${kind}:${randomUUID()}`, subject: request.subject, fields: recordFields(kind, request.input, true) };
  } else if (request.action === 'UPDATE') {
    const fields: Properties = recordFields(kind, request.input, false);
    if (Object.keys(fields).length === 0) throw new BadUserInputError('Argument "input" changes nothing: give at least one field to change.', 'input');
    change = { ...common, action: 'UPDATE', id: request.id, expectedVersion: requireVersion(request.expectedVersion), fields };
  } else {
    const reason = request.reason;
    if (reason.trim() === '' || reason.length > 2000) {
      throw new BadUserInputError(`Argument "input.reason" is ${reason.length > 0 ? `${reason.length} characters long` : 'blank'}; it must say why, in 1 to 2000 characters.`, 'input.reason');
    }
    change = { ...common, action: 'RETRACT', id: request.id, expectedVersion: requireVersion(request.expectedVersion), reason };
  }
  try {
    return await context.store.applyChange(change);
  } finally {
    context.loaders.records.forget();
  }
}

/** The subject of a new record must be a node id of one of the kind's subject kinds (`argument` names it, default `input.<kind>`). */
function requireSubject(kind: RecordKind, subject: string, argument?: string): void {
  const subjectKinds = RECORD_KINDS[kind].subjectKinds as readonly string[];
  const parsed = parseId(subject);
  if (typeof parsed === 'string' || !subjectKinds.includes(parsed.kind)) {
    const named = argument ?? `input.${(subjectKinds[0] ?? '').toLowerCase()}`;
    const expected = subjectKinds.length === 1 ? subjectKinds[0] : named.slice('input.'.length).replace(/^./, (c) => c.toUpperCase());
    throw new BadUserInputError(`Argument "${named}" is ${JSON.stringify(subject)}; it must be the id of a ${expected} (${expected}:<key>).`, named);
  }
}

/** The id of a record to change: a seeded fact is FORBIDDEN (read-only), anything else not a record of `kind` is BAD_USER_INPUT. */
async function requireRecordId(context: Context, kind: RecordKind, id: string): Promise<void> {
  const record = parseRecordId(id);
  if (typeof record !== 'string') {
    if (record.kind !== kind) throw new BadUserInputError(`Argument "input.id" is "${id}", a ${record.kind}; this mutation changes a ${kind}.`, 'input.id');
    return;
  }
  if (typeof parseId(id) !== 'string') {
    const node = await context.loaders.node.load(id);
    const source = node ? [node.props.sourceDocument, node.props.sourceClause].filter((p) => typeof p === 'string').join(', ') : '';
    throw new ForbiddenError(
      `${id} is a fact seeded from the decision's text${source ? ` (${source})` : ''}: facts from the text are read-only through the API, so their provenance stays intact. ` +
        `Record what was done instead: recordActual for a target's value, recordTaskReport for a task's year.`,
    );
  }
  throw new BadUserInputError(`Argument "input.id" is ${JSON.stringify(id.slice(0, 80))}; it must be the id of a ${kind} (${kind}:<key>).`, 'input.id');
}

function requireVersion(version: number): number {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new BadUserInputError(`Argument "input.expectedVersion" is ${version}; it must be the record's version as read (an integer from 1).`, 'input.expectedVersion');
  }
  return version;
}
