import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The shape of one operation, its fragments expanded (each spread counted as often as it is spread). */
export interface OperationShape {
  /** Deepest nesting of fields; an introspection field (`__schema`, `__type`) counts as one level whatever it selects. */
  readonly depth: number;
  /** Deepest nesting of fields, introspection fields counted level by level like any other (admission reads it). */
  readonly nesting: number;
  /** Fields written with an alias. */
  readonly aliases: number;
  /** Fields at the root of the operation. */
  readonly rootFields: number;
  /** Directive uses (on fields, fragments, spreads and the operation). */
  readonly directives: number;
  /** Field selections in all. */
  readonly fields: number;
}

interface Tally {
  depth: number;
  nesting: number;
  aliases: number;
  directives: number;
  fields: number;
  /** Fields of this selection set itself (root fields when it is the operation's). */
  topFields: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Measures `operation` of `document`. Linear in the size of the document:
 * every fragment is measured once and its tally reused at each spread, so a
 * fan-out of fragments (each spreading the next several times) costs nothing
 * to measure while its counts multiply as they would when executed. Counts
 * can reach Infinity, which is over any limit. The document must have passed
 * validation (no fragment cycles); an unknown fragment counts as empty.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, Tally>();
  const inProgress = new Set<string>();

  const fragmentTally = (name: string): Tally => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // A cycle cannot pass validation; should one reach here, it counts as empty rather than recursing.
    if (!fragment || inProgress.has(name)) return { depth: 0, nesting: 0, aliases: 0, directives: 0, fields: 0, topFields: 0 };
    inProgress.add(name);
    const tally = selectionTally(fragment.selectionSet);
    tally.directives += fragment.directives?.length ?? 0;
    inProgress.delete(name);
    measured.set(name, tally);
    return tally;
  };

  const selectionTally = (selectionSet: SelectionSetNode): Tally => {
    const tally: Tally = { depth: 0, nesting: 0, aliases: 0, directives: 0, fields: 0, topFields: 0 };
    for (const selection of selectionSet.selections) {
      tally.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        tally.fields += 1;
        tally.topFields += 1;
        if (selection.alias) tally.aliases += 1;
        let childDepth = 0;
        let childNesting = 0;
        if (selection.selectionSet) {
          const child = selectionTally(selection.selectionSet);
          tally.aliases += child.aliases;
          tally.directives += child.directives;
          tally.fields += child.fields;
          childDepth = INTROSPECTION_ROOTS.has(selection.name.value) ? 0 : child.depth;
          childNesting = child.nesting;
        }
        tally.depth = Math.max(tally.depth, 1 + childDepth);
        tally.nesting = Math.max(tally.nesting, 1 + childNesting);
      } else {
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selectionTally(selection.selectionSet) : fragmentTally(selection.name.value);
        tally.aliases += inner.aliases;
        tally.directives += inner.directives;
        tally.fields += inner.fields;
        tally.topFields += inner.topFields;
        tally.depth = Math.max(tally.depth, inner.depth);
        tally.nesting = Math.max(tally.nesting, inner.nesting);
      }
    }
    return tally;
  };

  const tally = selectionTally(operation.selectionSet);
  return {
    depth: tally.depth,
    nesting: tally.nesting,
    aliases: tally.aliases,
    rootFields: tally.topFields,
    directives: tally.directives + (operation.directives?.length ?? 0),
    fields: tally.fields,
  };
}
