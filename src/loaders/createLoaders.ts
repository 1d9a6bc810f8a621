import DataLoader from 'dataloader';
import type { NodeKind } from '../model/kinds';
import { DOCUMENT_CHANGE_TYPES, MAX_SUCCESSION_EDGES_PER_LEVEL, SUCCESSION_TYPES } from '../model/succession';
import type { Direction, RelationshipType } from '../model/relationships';
import type { EdgeKey, EdgeRecord, GraphStore, Neighbour, NodeRecord } from '../store/port';
import { createCarriedLoader } from './carried';
import { createCarrierLoader, type CarrierRecord } from './carriers';
import { createRecordLoaders, type RecordLoaders } from './recordLoaders';

/** The most keys one batch sends to the store; the adapters chunk further as they need. */
export const MAX_BATCH_SIZE = 5000;

/** Per-request DataLoaders: one for nodes by id, one per (relationship type, direction, as-of date). */
export interface Loaders {
  /** Node by id, the full record (null when there is none). */
  readonly node: DataLoader<string, NodeRecord | null>;
  /** Relationship by type and ends, the full record (null when there is none). */
  readonly edge: DataLoader<EdgeKey, EdgeRecord | null, string>;
  /**
   * Remembers records a graph answer returned, full or summaries
   * (`partial: true`): full ones prime {@link node}; both serve {@link nodeView}.
   */
  remember(records: readonly NodeRecord[]): void;
  /**
   * A node as cheaply as this request knows it: a summary a graph answer
   * returned, else the full record through {@link node}. Resolvers that need
   * more than the summary read the full record (see resolvers/helpers/records.ts).
   */
  nodeView(id: string): NodeRecord | Promise<NodeRecord | null>;
  /**
   * Neighbours of a node over `type` in `direction`, ordered as the store
   * orders them; with `asOf`, only those valid on that date (the store
   * decides, see AsOf in src/store/records.ts), without it the whole history.
   */
  neighbours(type: RelationshipType, direction: Direction, asOf?: string): DataLoader<string, readonly Neighbour[]>;
  /**
   * The dated changes of a body (`succession`: SUCCEEDED_BY, MERGED_INTO,
   * SPLIT_INTO, RENAMED_TO) or of a document (`document`: REPLACED_BY,
   * AMENDED_BY, REPEALED_BY) that start (OUT) or end (IN) at a node, the whole
   * history: one listEdges per batch for every id of it. The ends come
   * through {@link node}.
   */
  changes(group: ChangeGroup, direction: 'OUT' | 'IN'): DataLoader<string, readonly EdgeRecord[]>;
  /**
   * Nodes of `kind` whose `property` equals the key (a natural key such as an
   * enterprise's tax code or a document's folded number); usually one.
   */
  byProperty(kind: NodeKind, property: string): DataLoader<string, readonly NodeRecord[]>;
  /**
   * The bodies that carry each body's work on `asOf` (see carriersOn in
   * carriers.ts): the body itself while it is valid, else its successors.
   */
  carriers(asOf: string): DataLoader<string, readonly CarrierRecord[]>;
  /**
   * The assignments whose work each body carries on `asOf` (see carriedOn in
   * carried.ts): its own, and those of the bodies whose work passed to it.
   */
  carried(asOf: string): DataLoader<string, readonly EdgeRecord[]>;
  /** The records of implementation, their subjects' lists and progress (see recordLoaders.ts). */
  readonly records: RecordLoaders;
}

/** The two families of dated changes: a body's succession, a document's force. */
export type ChangeGroup = 'succession' | 'document';

const CHANGE_TYPES: Readonly<Record<ChangeGroup, readonly RelationshipType[]>> = {
  succession: SUCCESSION_TYPES,
  document: DOCUMENT_CHANGE_TYPES,
};

/** Most nodes one natural-key batch may match (a batch of N keys usually matches N). */
export const MAX_KEY_MATCHES = 10_000;

/**
 * Creates the loaders of one request. Every relationship field resolves
 * through them, so a nested query costs one store round-trip per level and
 * relationship, whatever the number of parents. Neighbour results prime the
 * node loader, so following an edge never fetches its node again.
 */
export function createLoaders(store: GraphStore): Loaders {
  const node = new DataLoader<string, NodeRecord | null>((ids) => store.getNodes(ids), {
    maxBatchSize: MAX_BATCH_SIZE,
  });
  const edge = new DataLoader<EdgeKey, EdgeRecord | null, string>((keys) => store.getEdges(keys), {
    maxBatchSize: MAX_BATCH_SIZE,
    cacheKeyFn: (key) => `${key.type}\n${key.from}\n${key.to}`,
  });
  const summaries = new Map<string, NodeRecord>();
  const byRelationship = new Map<string, DataLoader<string, readonly Neighbour[]>>();
  const byKey = new Map<string, DataLoader<string, readonly NodeRecord[]>>();
  const byChange = new Map<string, DataLoader<string, readonly EdgeRecord[]>>();
  const byDate = new Map<string, DataLoader<string, readonly CarrierRecord[]>>();
  const carriedByDate = new Map<string, DataLoader<string, readonly EdgeRecord[]>>();
  const changes = (group: ChangeGroup, direction: 'OUT' | 'IN'): DataLoader<string, readonly EdgeRecord[]> => {
    const key = `${group}:${direction}`;
    let loader = byChange.get(key);
    if (!loader) {
      loader = new DataLoader<string, readonly EdgeRecord[]>(
        async (ids) => {
          const page = await store.listEdges({
            types: CHANGE_TYPES[group],
            ...(direction === 'OUT' ? { fromIds: ids } : { toIds: ids }),
            offset: 0,
            limit: MAX_SUCCESSION_EDGES_PER_LEVEL,
          });
          const byId = new Map<string, EdgeRecord[]>();
          for (const edge of page.items) {
            const id = direction === 'OUT' ? edge.from : edge.to;
            const list = byId.get(id) ?? [];
            list.push(edge);
            byId.set(id, list);
          }
          return ids.map((id) => byId.get(id) ?? []);
        },
        { maxBatchSize: MAX_BATCH_SIZE },
      );
      byChange.set(key, loader);
    }
    return loader;
  };
  const neighbours = (type: RelationshipType, direction: Direction, asOf?: string): DataLoader<string, readonly Neighbour[]> => {
    const key = `${type}:${direction}:${asOf ?? ''}`;
    let loader = byRelationship.get(key);
    if (!loader) {
      loader = new DataLoader<string, readonly Neighbour[]>(
        async (ids) => {
          const lists = await store.getNeighbours({ ids, type, direction, ...(asOf !== undefined ? { asOf } : {}) });
          for (const list of lists) for (const { node: n } of list) node.prime(n.id, n);
          return lists;
        },
        { maxBatchSize: MAX_BATCH_SIZE },
      );
      byRelationship.set(key, loader);
    }
    return loader;
  };
  const carriers = (asOf: string): DataLoader<string, readonly CarrierRecord[]> => {
    let loader = byDate.get(asOf);
    if (!loader) {
      loader = createCarrierLoader(asOf, { node, successionOut: changes('succession', 'OUT') });
      byDate.set(asOf, loader);
    }
    return loader;
  };
  return {
    node,
    edge,
    records: createRecordLoaders(store),
    remember(records) {
      for (const record of records) {
        if (record.partial) summaries.set(record.id, record);
        else node.prime(record.id, record);
      }
    },
    nodeView(id) {
      // Synchronous when known: GraphQL completes a plain value faster than a promise.
      return summaries.get(id) ?? node.load(id);
    },
    byProperty(kind, property) {
      const key = `${kind}.${property}`;
      let loader = byKey.get(key);
      if (!loader) {
        loader = new DataLoader<string, readonly NodeRecord[]>(
          async (values) => {
            const page = await store.listNodes({
              kind,
              where: [{ property, in: [...values] }],
              orderBy: [],
              offset: 0,
              limit: MAX_KEY_MATCHES,
            });
            const matches = new Map<unknown, NodeRecord[]>();
            for (const n of page.items) {
              node.prime(n.id, n);
              const list = matches.get(n.props[property]) ?? [];
              list.push(n);
              matches.set(n.props[property], list);
            }
            return values.map((v) => matches.get(v) ?? []);
          },
          { maxBatchSize: MAX_BATCH_SIZE },
        );
        byKey.set(key, loader);
      }
      return loader;
    },
    carriers,
    carried(asOf) {
      let loader = carriedByDate.get(asOf);
      if (!loader) {
        loader = createCarriedLoader(asOf, {
          node,
          successionIn: changes('succession', 'IN'),
          leadsOut: neighbours('LEADS', 'OUT'),
          coordinatesOut: neighbours('COORDINATES', 'OUT'),
          carriers: carriers(asOf),
        });
        carriedByDate.set(asOf, loader);
      }
      return loader;
    },
    changes,
    neighbours,
  };
}
