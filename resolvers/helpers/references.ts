import type { Context } from '../../src/context';
import { parseId } from '../../src/model/ids';
import type { NodeKind } from '../../src/model/kinds';
import { foldDocumentNumber } from '../../src/model/text';
import type { NodeRecord } from '../../src/store/port';

/**
 * Federation `__resolveReference` resolvers. They go through the request's
 * DataLoaders, so an `_entities` call with N representations costs one store
 * round-trip per kind and key, not N. A reference that names nothing (or is
 * malformed, or of another kind) resolves to null.
 */

/** Resolves `{ id }` to the node of `kind` with that id. */
export function referenceById(kind: NodeKind) {
  return (reference: { id?: unknown }, context: Context): Promise<NodeRecord | null> | null => {
    if (typeof reference.id !== 'string') return null;
    const parsed = parseId(reference.id);
    if (typeof parsed === 'string' || parsed.kind !== kind) return null;
    return context.loaders.node.load(reference.id);
  };
}

/**
 * Resolves a natural key: the single node of `kind` whose `property` equals
 * `value`. Zero or several matches (an ambiguous key) give null.
 */
export async function referenceByProperty(context: Context, kind: NodeKind, property: string, value: string): Promise<NodeRecord | null> {
  const matches = await context.loaders.byProperty(kind, property).load(value);
  if (matches.length > 1) {
    context.logger.warn({ kind, property, value, matches: matches.map((m) => m.id) }, 'ambiguous entity key; resolved to null');
  }
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** LegalDocument: by id, or by its number however it is typed ("202/QĐ-UBND", "202/QD-UBND"). */
export function legalDocumentReference(reference: { id?: unknown; number?: unknown }, context: Context) {
  if (typeof reference.id === 'string') return referenceById('LegalDocument')(reference, context);
  if (typeof reference.number === 'string') return referenceByProperty(context, 'LegalDocument', 'numberKey', foldDocumentNumber(reference.number));
  return null;
}

/** Enterprise: by id, or by tax code. */
export function enterpriseReference(reference: { id?: unknown; taxCode?: unknown }, context: Context) {
  if (typeof reference.id === 'string') return referenceById('Enterprise')(reference, context);
  if (typeof reference.taxCode === 'string') return referenceByProperty(context, 'Enterprise', 'taxCode', reference.taxCode);
  return null;
}
