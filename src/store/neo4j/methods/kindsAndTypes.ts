import { parseId } from '../../../model/ids';
import { NODE_KINDS, type NodeKind } from '../../../model/kinds';
import { RELATIONSHIP_TYPES, RELATIONSHIPS, type RelationshipType } from '../../../model/relationships';

/** Well-formed ids grouped by the kind their prefix names (optionally only `kinds`), deduplicated; others dropped. */
export function groupIdsByKind(ids: readonly string[], kinds: readonly NodeKind[] = NODE_KINDS): Map<NodeKind, string[]> {
  const byKind = new Map<NodeKind, Set<string>>();
  for (const id of ids) {
    const parsed = parseId(id);
    if (typeof parsed === 'string' || !kinds.includes(parsed.kind)) continue;
    let set = byKind.get(parsed.kind);
    if (!set) byKind.set(parsed.kind, (set = new Set()));
    set.add(id);
  }
  return new Map([...byKind].map(([kind, set]) => [kind, [...set]]));
}

/** The kinds asked for, deduplicated, in registry order (so statements repeat and the plan cache serves them). */
export function kindsInRegistryOrder(kinds: readonly NodeKind[]): NodeKind[] {
  return NODE_KINDS.filter((kind) => kinds.includes(kind));
}

/** The relationship types asked for, deduplicated, in registry order. */
export function typesInRegistryOrder(types: readonly RelationshipType[]): RelationshipType[] {
  return RELATIONSHIP_TYPES.filter((type) => types.includes(type));
}

/** The kinds at the start (`from`) or end (`to`) of relationships of `types`, each once, in first-seen order. */
export function endKinds(types: readonly RelationshipType[], end: 'from' | 'to'): NodeKind[] {
  return [...new Set(types.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t][end]))];
}
