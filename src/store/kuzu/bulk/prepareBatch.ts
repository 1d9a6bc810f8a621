import { StoreInputError } from '../../../errors';
import { parseId } from '../../../model/ids';
import { propertiesOf, type NodeKind } from '../../../model/kinds';
import { isRelationshipType, RELATIONSHIPS, RELATIONSHIP_PROPERTIES } from '../../../model/relationships';
import type { GraphBatch } from '../../port';
import { checkProperties } from '../../checks/checkProperties';
import type { EdgeWrite, NodeWrite } from '../statements/upsert';

export type { EdgeWrite, NodeWrite };

/** A checked batch: nodes by id and relationships by type + endpoints, each once. */
export interface PreparedBatch {
  readonly nodes: readonly NodeWrite[];
  readonly edges: readonly EdgeWrite[];
}

/**
 * Checks a batch against the registries before anything is written: node ids
 * well-formed and matching the node's kind, relationship types known, endpoint
 * ids well-formed and of kinds the type may join, property names and value
 * types those of the registry. Entries repeated in the batch (same node id,
 * same type + endpoints) are merged, later properties winning. Throws
 * {@link StoreInputError} naming the node id or the relationship.
 */
export function prepareBatch(batch: GraphBatch): PreparedBatch {
  if (typeof batch !== 'object' || batch === null) throw new StoreInputError('upsert: the batch must be an object');
  const nodes = new Map<string, NodeWrite>();
  for (const node of list('nodes', batch.nodes)) {
    const id = (node as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') throw new StoreInputError('upsert: a node has no string id');
    const parsed = parseId(id);
    if (typeof parsed === 'string') throw new StoreInputError(`upsert: node ${parsed}`);
    const kind = (node as { kind?: unknown }).kind;
    if (kind !== parsed.kind) {
      throw new StoreInputError(`upsert: node ${id} has kind ${JSON.stringify(kind)} but its id names ${parsed.kind}`);
    }
    const props = checkProperties(id, propertiesOf(parsed.kind), (node as { props?: unknown }).props);
    const earlier = nodes.get(id);
    nodes.set(id, { id, kind: parsed.kind, props: earlier ? new Map([...earlier.props, ...props]) : props });
  }
  const edges = new Map<string, EdgeWrite>();
  for (const edge of list('edges', batch.edges)) {
    const { type, from, to } = (edge ?? {}) as { type?: unknown; from?: unknown; to?: unknown };
    const name = `${String(type)} ${String(from)} -> ${String(to)}`;
    if (typeof type !== 'string' || !isRelationshipType(type)) throw new StoreInputError(`upsert: relationship ${name}: unknown type`);
    const spec = RELATIONSHIPS[type];
    const fromKind = endpointKind(name, type, 'start', from, spec.from);
    const toKind = endpointKind(name, type, 'end', to, spec.to);
    const props = checkProperties(name, RELATIONSHIP_PROPERTIES, (edge as { props?: unknown }).props);
    const key = `${type}\n${String(from)}\n${String(to)}`;
    const earlier = edges.get(key);
    edges.set(key, {
      type,
      from: from as string,
      fromKind,
      to: to as string,
      toKind,
      props: earlier ? new Map([...earlier.props, ...props]) : props,
      name,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function list(name: string, value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new StoreInputError(`upsert: ${name} must be a list`);
  return value;
}

function endpointKind(name: string, type: string, end: 'start' | 'end', id: unknown, allowed: readonly NodeKind[]): NodeKind {
  const parsed = typeof id === 'string' ? parseId(id) : 'the id is not a string';
  if (typeof parsed === 'string') throw new StoreInputError(`upsert: relationship ${name}: bad ${end} id: ${parsed}`);
  if (!allowed.includes(parsed.kind)) {
    throw new StoreInputError(`upsert: relationship ${name}: a ${type} cannot ${end} at a ${parsed.kind} (allowed: ${allowed.join(', ')})`);
  }
  return parsed.kind;
}
