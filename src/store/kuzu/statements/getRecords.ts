import type { RecordKind } from '../../../model/implementation';
import { returnRecord } from './recordColumns';
import { quoteIdentifier as q, type Statement } from './Statement';

/** Rows of every stored column (see returnRecord): the records of `kind` with these ids (never empty). */
export function recordsById(kind: RecordKind, ids: readonly string[]): Statement {
  return {
    text: `MATCH (r:${q(kind)}) WHERE r.id IN $ids RETURN ${returnRecord(kind)}`,
    params: { ids: [...ids] },
    doing: `reading ${kind} records by id`,
  };
}
