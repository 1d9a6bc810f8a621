import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** Whether an operation waits for a place among the heavy operations ('heavy') or runs at once ('cheap'). */
export type OperationClass = 'heavy' | 'cheap';

/** What the classifier sees of a request: its resolved operation, its fragments and its variables. */
export interface ClassifiedRequest {
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** Root fields that always count as heavy: the analyst queries and the recursive legal-basis chain. */
export const HEAVY_ROOT_FIELDS: ReadonlySet<string> = new Set(['search', 'paths', 'neighbourhood', 'aggregates', 'timeline', 'legalBasis']);
/** A list argument (`first`, `limit`, `maxDepth` aside) above this size makes an operation heavy; so do more ids or representations. */
export const HEAVY_LIST_SIZE = 100;
/** More root fields (aliases included) than this make an operation heavy. */
export const HEAVY_ROOT_FIELD_COUNT = 10;
/** Selections nested deeper than this make an operation heavy. */
export const HEAVY_DEPTH = 6;
/** More selections than this, counted through every fragment spread, make an operation heavy (and end the walk early). */
export const HEAVY_SELECTIONS = 1000;

const SIZE_ARGUMENTS = new Set(['first', 'limit']);
const LIST_ARGUMENTS = new Set(['ids', 'representations']);

/**
 * THE classifier of admission (one function, so it can be switched to the
 * estimated cost of the operation analysis when that lands): an operation
 * is heavy when it asks for an analyst query or the legal-basis chain at its
 * root, a page or limit above {@link HEAVY_LIST_SIZE} (or as many ids or
 * `_entities` representations) anywhere, more than
 * {@link HEAVY_ROOT_FIELD_COUNT} root fields, selections deeper than
 * {@link HEAVY_DEPTH}, or more than {@link HEAVY_SELECTIONS} selections. Everything else is cheap and bypasses the queue.
 * Fragments are followed (each spread once per path, so cycles end).
 */
export function classifyOperation(request: ClassifiedRequest): OperationClass {
  const variables = request.variables ?? {};
  let rootFields = 0;
  let selections = 0;
  let heavy = false;
  const visit = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>): void => {
    if (depth > HEAVY_DEPTH) heavy = true;
    for (const selection of set.selections) {
      selections += 1;
      if (selections > HEAVY_SELECTIONS) heavy = true;
      if (heavy) return;
      if (selection.kind === Kind.FIELD) {
        if (depth === 1) {
          rootFields += 1;
          if (HEAVY_ROOT_FIELDS.has(selection.name.value) || rootFields > HEAVY_ROOT_FIELD_COUNT) heavy = true;
        }
        for (const argument of selection.arguments ?? []) {
          const size = sizeOf(argument.name.value, argument.value, variables);
          if (size > HEAVY_LIST_SIZE) heavy = true;
        }
        if (selection.selectionSet) visit(selection.selectionSet, depth + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, depth, seen);
      } else {
        const name = selection.name.value;
        const fragment = request.fragments[name];
        if (fragment && !seen.has(name)) visit(fragment.selectionSet, depth, new Set([...seen, name]));
      }
    }
  };
  visit(request.operation.selectionSet, 1, new Set());
  return heavy ? 'heavy' : 'cheap';
}

/** The size an argument asks for: the number of a page/limit argument, the length of an id or representation list; else 0. */
function sizeOf(name: string, value: ValueNode, variables: Readonly<Record<string, unknown>>): number {
  const resolved = value.kind === Kind.VARIABLE ? variables[value.name.value] : value;
  if (SIZE_ARGUMENTS.has(name)) {
    if (typeof resolved === 'number') return resolved;
    if (isNode(resolved) && resolved.kind === Kind.INT) return Number(resolved.value);
    return 0;
  }
  if (LIST_ARGUMENTS.has(name)) {
    if (Array.isArray(resolved)) return resolved.length;
    if (isNode(resolved) && resolved.kind === Kind.LIST) return resolved.values.length;
  }
  return 0;
}

function isNode(value: unknown): value is ValueNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
