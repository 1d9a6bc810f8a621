import { parseId } from '../model/ids';
import type { NodeKind } from '../model/kinds';
import { isRelationshipType, RELATIONSHIPS } from '../model/relationships';
import type { EdgeKey } from './port';

/** A well-formed relationship key, with the kinds its endpoint ids name. */
export interface ParsedEdgeKey extends EdgeKey {
  readonly fromKind: NodeKind;
  readonly toKind: NodeKind;
}

/** One distinct well-formed key and the positions it holds in the keys asked for. */
export interface DistinctEdgeKey {
  readonly key: ParsedEdgeKey;
  readonly positions: number[];
}

/**
 * The distinct well-formed keys among `keys` (for GraphStore.getEdges), in
 * order of first appearance, each with every position it holds in `keys`.
 * A key is well-formed when it is an object whose `type` is a registry
 * relationship type and whose `from` and `to` are well-formed ids (`Kind:key`)
 * of kinds that type may start from and end at. Anything else is left out:
 * no such relationship can exist, so its positions stay null, and none of
 * its text reaches a statement.
 */
export function distinctEdgeKeys(keys: readonly unknown[]): DistinctEdgeKey[] {
  const byKey = new Map<string, DistinctEdgeKey>();
  keys.forEach((candidate, position) => {
    const key = parseEdgeKey(candidate);
    if (!key) return;
    const text = `${key.type} ${key.from} ${key.to}`;
    const seen = byKey.get(text);
    if (seen) seen.positions.push(position);
    else byKey.set(text, { key, positions: [position] });
  });
  return [...byKey.values()];
}

function parseEdgeKey(candidate: unknown): ParsedEdgeKey | undefined {
  if (candidate === null || typeof candidate !== 'object') return undefined;
  const { type, from, to } = candidate as Record<string, unknown>;
  if (typeof type !== 'string' || !isRelationshipType(type) || typeof from !== 'string' || typeof to !== 'string') return undefined;
  const start = parseId(from);
  const end = parseId(to);
  if (typeof start === 'string' || typeof end === 'string') return undefined;
  const spec = RELATIONSHIPS[type];
  if (!(spec.from as readonly NodeKind[]).includes(start.kind) || !(spec.to as readonly NodeKind[]).includes(end.kind)) return undefined;
  return { type, from, to, fromKind: start.kind, toKind: end.kind };
}
