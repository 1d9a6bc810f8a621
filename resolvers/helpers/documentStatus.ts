import type { Context } from '../../src/context';
import { endedBy } from '../../src/model/validity';
import type { NodeRecord } from '../../src/store/port';
import type { DocumentStatus } from '../generated/types';
import { stepsBy } from './dated';
import { fullNode } from './records';

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Whether a document is in force on `asOf`:
 * - NOT_YET_IN_FORCE before it starts (validFrom, else effectiveFrom, else issuedOn);
 * - NO_LONGER_IN_FORCE once its validity ended (validTo), or once a document
 *   replaced it (REPLACED_BY, by then);
 * - PARTLY_IN_FORCE once a document amended it (AMENDED_BY) or repealed part
 *   of it (REPEALED_BY while the document itself still holds: a repeal of the
 *   whole document ends its validity);
 * - IN_FORCE otherwise.
 */
export async function documentStatus(context: Context, parent: NodeRecord, asOf: string): Promise<DocumentStatus> {
  const doc = await fullNode(parent, context);
  const start = text(doc.props.validFrom) ?? text(doc.props.effectiveFrom) ?? text(doc.props.issuedOn);
  if (start !== null && start > asOf) return 'NOT_YET_IN_FORCE';
  if (endedBy(doc.props, asOf)) return 'NO_LONGER_IN_FORCE';
  const steps = await stepsBy(context, 'document', 'OUT', doc.id, asOf);
  if (steps.some((s) => s.edge.type === 'REPLACED_BY')) return 'NO_LONGER_IN_FORCE';
  if (steps.some((s) => s.edge.type === 'AMENDED_BY' || s.edge.type === 'REPEALED_BY')) return 'PARTLY_IN_FORCE';
  return 'IN_FORCE';
}
