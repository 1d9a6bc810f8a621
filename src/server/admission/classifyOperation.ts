import type { OperationAnalysis } from '../limits/analyseOperation';

/** Whether an operation waits for a place among the heavy operations ('heavy') or runs at once ('cheap'). */
export type OperationClass = 'heavy' | 'cheap';

/** What the classifier reads of an operation: its one analysis (src/server/limits/), made before admission. */
export type ClassifiedOperation = Pick<OperationAnalysis, 'rootFieldNames' | 'largestList' | 'rootFields' | 'nesting' | 'fields'>;

/** Root fields that always count as heavy: the analyst queries and the recursive legal-basis chain. */
export const HEAVY_ROOT_FIELDS: ReadonlySet<string> = new Set(['search', 'paths', 'neighbourhood', 'aggregates', 'timeline', 'legalBasis']);
/** A page or limit (`first`, `limit`) above this size makes an operation heavy; so do more ids or representations. */
export const HEAVY_LIST_SIZE = 100;
/** More root fields (aliases included) than this make an operation heavy. */
export const HEAVY_ROOT_FIELD_COUNT = 10;
/** Fields nested deeper than this make an operation heavy. */
export const HEAVY_DEPTH = 6;
/** More field selections than this, counted through every fragment spread, make an operation heavy. */
export const HEAVY_SELECTIONS = 1000;

/**
 * THE classifier of admission (one function): an operation is heavy when it
 * asks for an analyst query or the legal-basis chain at its root, a page or
 * limit above {@link HEAVY_LIST_SIZE} (or as many ids or `_entities`
 * representations) anywhere, more than {@link HEAVY_ROOT_FIELD_COUNT} root
 * fields, fields nested deeper than {@link HEAVY_DEPTH} (introspection
 * counted level by level), or more than {@link HEAVY_SELECTIONS} field
 * selections. Everything else is cheap and bypasses the queue. It walks
 * nothing: it reads the operation's analysis (fragments, variables and the
 * schema's argument defaults were applied there).
 */
export function classifyOperation(operation: ClassifiedOperation): OperationClass {
  const heavy =
    [...operation.rootFieldNames].some((name) => HEAVY_ROOT_FIELDS.has(name)) ||
    operation.largestList > HEAVY_LIST_SIZE ||
    operation.rootFields > HEAVY_ROOT_FIELD_COUNT ||
    operation.nesting > HEAVY_DEPTH ||
    operation.fields > HEAVY_SELECTIONS;
  return heavy ? 'heavy' : 'cheap';
}
