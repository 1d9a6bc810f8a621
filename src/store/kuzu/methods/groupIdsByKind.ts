import type { NodeKind } from '../../../model/kinds';
import { parseId } from '../../../model/ids';

/**
 * Groups ids by the kind their prefix names: kind -> id -> the positions of
 * that id in `ids` (duplicates keep every position). Anything that is not a
 * well-formed id of a known kind is left out, as are kinds `accept` rejects.
 */
export function groupIdsByKind(
  ids: readonly unknown[],
  accept: (kind: NodeKind) => boolean = () => true,
): Map<NodeKind, Map<string, number[]>> {
  const groups = new Map<NodeKind, Map<string, number[]>>();
  ids.forEach((id, position) => {
    if (typeof id !== 'string') return;
    const parsed = parseId(id);
    if (typeof parsed === 'string' || !accept(parsed.kind)) return;
    let group = groups.get(parsed.kind);
    if (!group) groups.set(parsed.kind, (group = new Map()));
    const positions = group.get(id);
    if (positions) positions.push(position);
    else group.set(id, [position]);
  });
  return groups;
}
