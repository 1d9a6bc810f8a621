import type { Context } from '../../src/context';
import type { RecordKind } from '../../src/model/implementation';
import type { ImplementationRecord } from '../../src/store/port';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging';
import { requireIntInRange } from './arguments';

/**
 * The first `first` records of `kind` of a subject (1 to MAX_PAGE_SIZE,
 * default DEFAULT_PAGE_SIZE), through the request's loader; with `field`, the
 * records whose reference field names the node instead (an organisation's events).
 */
export async function recordList(
  context: Context,
  kind: RecordKind,
  subject: string,
  includeRetracted: boolean | null | undefined,
  first: number | null | undefined,
  field?: string,
): Promise<ImplementationRecord[]> {
  const limit = requireIntInRange(first ?? DEFAULT_PAGE_SIZE, 'first', 1, MAX_PAGE_SIZE);
  const records = await context.loaders.records.of(kind, includeRetracted === true, field).load(subject);
  return records.slice(0, limit);
}
