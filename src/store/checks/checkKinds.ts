import { StoreInputError } from '../../errors';
import { isNodeKind, type NodeKind } from '../../model/kinds';

/**
 * Checks an optional list of node kinds: undefined when absent (null or
 * undefined), else the distinct kinds in the order given, possibly none.
 * Throws {@link StoreInputError} naming the argument and the bad value when
 * it is not a list or names an unknown kind.
 *
 * @param owner names the call in error messages, e.g. "search"
 * @param name the argument, e.g. "kinds"
 */
export function checkKinds(owner: string, name: string, kinds: unknown): NodeKind[] | undefined {
  if (kinds === undefined || kinds === null) return undefined;
  if (!Array.isArray(kinds)) throw new StoreInputError(`${owner}: ${name} must be a list of node kinds`);
  const out = new Set<NodeKind>();
  for (const kind of kinds as readonly unknown[]) {
    if (typeof kind !== 'string' || !isNodeKind(kind)) throw new StoreInputError(`${owner}: ${name} holds an unknown kind ${JSON.stringify(kind)}`);
    out.add(kind);
  }
  return [...out];
}
