import type {
  CountGroup,
  EdgeCountQuery,
  GraphPath,
  NeighbourhoodQuery,
  NodeCountQuery,
  PathQuery,
  SearchHit,
  SearchQuery,
  Subgraph,
} from '../analytics';
import { StoreInputError, StoreUnavailableError } from '../../errors';
import { parseId } from '../../model/ids';
import { isNodeKind, NODE_KINDS, type NodeKind, type PropertySpec } from '../../model/kinds';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIPS, isRelationshipType, type RelationshipType } from '../../model/relationships';
import type {
  EdgeListQuery,
  EdgeRecord,
  GraphBatch,
  GraphStats,
  Neighbour,
  NeighbourQuery,
  NodeListQuery,
  NodeRecord,
  Page,
  UpsertResult,
} from '../port';
import { countFromNeo4j } from './countFromNeo4j';
import { getNodesStatement } from './cypher/getNodesStatement';
import { listEdgesStatements } from './cypher/listEdgesStatements';
import { listNodesStatements, type ResolvedSortKey } from './cypher/listNodesStatements';
import { mergeEdgesStatement } from './cypher/mergeEdgesStatement';
import { mergeNodesStatement } from './cypher/mergeNodesStatement';
import { missingEndpointStatement } from './cypher/missingEndpointStatement';
import type { Neo4jStatement } from './cypher/Neo4jStatement';
import { neighbourStatement } from './cypher/neighbourStatement';
import { pingStatement } from './cypher/pingStatement';
import { resolveCondition } from './cypher/resolveCondition';
import { statsStatements } from './cypher/statsStatements';
import { mapNeo4jError } from './mapNeo4jError';
import type { Neo4jDriverPort, Neo4jQueryResultPort, Neo4jTransactionPort } from './Neo4jDriverPort';
import type { Neo4jStore } from './Neo4jStore';
import { ID_PROPERTY, nodePropertySpec } from './nodePropertySpec';
import { describeEdge, prepareUpsert } from './prepareUpsert';
import { readNodeRecord } from './readNodeRecord';
import { readProps } from './readProps';

/** Rows per UNWIND statement of an upsert (all chunks share one transaction). */
export const NEO4J_UPSERT_CHUNK_SIZE = 1000;

/**
 * Builds the store over a driver that is already verified (see
 * {@link openNeo4jStore}). Every read runs in `session.executeRead` and every
 * write in `session.executeWrite` (the driver retries transient failures),
 * on a session opened per call with `database` and the matching
 * `defaultAccessMode`, so a cluster routes reads to readers. Errors go
 * through {@link mapNeo4jError}. `close()` closes the driver.
 */
export function createNeo4jStore(driver: Neo4jDriverPort, database: string | undefined): Neo4jStore {
  return new Neo4jGraphStore(driver, database);
}

class Neo4jGraphStore implements Neo4jStore {
  readonly name = 'neo4j' as const;
  private closed = false;

  constructor(
    private readonly driver: Neo4jDriverPort,
    readonly database: string | undefined,
  ) {}

  async getNodes(ids: readonly string[]): Promise<(NodeRecord | null)[]> {
    checkList(ids, 'getNodes: ids');
    const byKind = groupIdsByKind(ids);
    if (byKind.size === 0) return ids.map(() => null);
    const found = await this.read('getNodes', async (tx) => {
      const map = new Map<string, NodeRecord>();
      for (const [kind, kindIds] of byKind) {
        for (const record of (await run(tx, getNodesStatement(kind, kindIds))).records) {
          const node = readNodeRecord(kind, record.get('id'), record.get('props'));
          map.set(node.id, node);
        }
      }
      return map;
    });
    return ids.map((id) => found.get(id) ?? null);
  }

  async getNeighbours(query: NeighbourQuery): Promise<Neighbour[][]> {
    checkList(query?.ids, 'getNeighbours: ids');
    const { type, direction } = query;
    if (!isRelationshipType(String(type))) throw new StoreInputError(`getNeighbours: unknown relationship type "${String(type)}"`);
    if (direction !== 'OUT' && direction !== 'IN') throw new StoreInputError(`getNeighbours: direction must be OUT or IN (got "${String(direction)}")`);
    const spec = RELATIONSHIPS[type];
    const anchorKinds: readonly NodeKind[] = direction === 'OUT' ? spec.from : spec.to;
    const otherKinds: readonly NodeKind[] = direction === 'OUT' ? spec.to : spec.from;
    const byKind = groupIdsByKind(query.ids, anchorKinds);
    if (byKind.size === 0) return query.ids.map(() => []);
    const found = await this.read(`getNeighbours(${type} ${direction})`, async (tx) => {
      const map = new Map<string, Neighbour[]>();
      for (const [anchorKind, anchorIds] of byKind) {
        for (const otherKind of otherKinds) {
          const result = await run(tx, neighbourStatement(type, direction, anchorKind, otherKind, anchorIds));
          for (const record of result.records) {
            const anchorId = String(record.get('anchorId'));
            const node = readNodeRecord(otherKind, record.get('otherId'), record.get('nodeProps'));
            const [from, to] = direction === 'OUT' ? [anchorId, node.id] : [node.id, anchorId];
            const edge = readEdge(type, from, to, record.get('edgeProps'));
            let list = map.get(anchorId);
            if (!list) map.set(anchorId, (list = []));
            list.push({ edge, node });
          }
        }
      }
      for (const list of map.values()) list.sort(compareNeighbours);
      return map;
    });
    return query.ids.map((id) => [...(found.get(id) ?? [])]);
  }

  async listNodes(query: NodeListQuery): Promise<Page<NodeRecord>> {
    const kind = query.kind;
    if (!isNodeKind(String(kind))) throw new StoreInputError(`listNodes: unknown kind "${String(kind)}"`);
    const doing = `listNodes(${kind})`;
    const conditions = listOrEmpty(query.where, `${doing}: where`).map((c) => resolveCondition(c, nodePropertySpec(kind, c?.property), doing, kind));
    const orderBy: ResolvedSortKey[] = listOrEmpty(query.orderBy, `${doing}: orderBy`).map((key) => {
      if (key === null || typeof key !== 'object' || !nodePropertySpec(kind, key.property)) throw new StoreInputError(`${doing}: cannot sort on "${String(key.property)}", which ${kind} does not have`);
      if (key.direction !== 'ASC' && key.direction !== 'DESC') {
        throw new StoreInputError(`${doing}: sort direction must be ASC or DESC (got "${String(key.direction)}")`);
      }
      return { property: key.property, direction: key.direction };
    });
    checkPaging(query.offset, query.limit, doing);
    const { count, page } = listNodesStatements(kind, conditions, orderBy, query.offset, query.limit);
    return this.read(doing, async (tx) => {
      const totalCount = countFromNeo4j((await run(tx, count)).records[0]?.get('total'), `${doing} total`);
      const items = (await run(tx, page)).records.map((r) => readNodeRecord(kind, r.get('id'), r.get('props')));
      return { items, totalCount };
    });
  }

  async listEdges(query: EdgeListQuery): Promise<Page<EdgeRecord>> {
    const doing = 'listEdges';
    checkList(query?.types, `${doing}: types`);
    if (query.fromIds !== undefined) checkList(query.fromIds, `${doing}: fromIds`);
    if (query.toIds !== undefined) checkList(query.toIds, `${doing}: toIds`);
    for (const type of query.types) {
      if (!isRelationshipType(String(type))) throw new StoreInputError(`${doing}: unknown relationship type "${String(type)}"`);
    }
    checkPaging(query.offset, query.limit, doing);
    const types = [...new Set(query.types)];
    const allFrom = unique(types.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].from));
    const allTo = unique(types.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].to));
    const toWhere = listOrEmpty(query.toWhere, `${doing}: toWhere`).map((c) =>
      resolveCondition(c, endPropertySpec(allTo, c?.property), doing, `the end nodes (${allTo.join(', ') || 'none'})`),
    );
    const fromKinds = query.fromIds === undefined ? allFrom : intersect(allFrom, groupIdsByKind(query.fromIds));
    const toKinds = query.toIds === undefined ? allTo : intersect(allTo, groupIdsByKind(query.toIds));
    if (types.length === 0 || fromKinds.length === 0 || toKinds.length === 0) return { items: [], totalCount: 0 };
    const { count, page } = listEdgesStatements(
      {
        types,
        fromKinds,
        toKinds,
        ...(query.fromIds !== undefined ? { fromIds: [...new Set(query.fromIds)] } : {}),
        ...(query.toIds !== undefined ? { toIds: [...new Set(query.toIds)] } : {}),
        toWhere,
      },
      query.offset,
      query.limit,
    );
    return this.read(doing, async (tx) => {
      const totalCount = countFromNeo4j((await run(tx, count)).records[0]?.get('total'), `${doing} total`);
      const items = (await run(tx, page)).records.map((r) => {
        const type = String(r.get('relType'));
        if (!isRelationshipType(type)) throw new TypeError(`${doing}: unexpected relationship type ${type} from Neo4j`);
        return readEdge(type, String(r.get('fromId')), String(r.get('toId')), r.get('props'));
      });
      return { items, totalCount };
    });
  }

  async upsert(batch: GraphBatch): Promise<UpsertResult> {
    const prepared = prepareUpsert(batch);
    if (prepared.nodes.length === 0 && prepared.edges.length === 0) {
      return { nodesCreated: 0, nodesUpdated: 0, edgesCreated: 0, edgesUpdated: 0 };
    }
    return this.write('upsert', async (tx) => {
      let nodesCreated = 0;
      let nodesUpdated = 0;
      let edgesCreated = 0;
      let edgesUpdated = 0;
      for (const group of prepared.nodes) {
        for (const rows of chunks(group.rows)) {
          const result = await run(tx, mergeNodesStatement(group.kind, rows));
          const created = result.summary.counters.updates().nodesCreated;
          nodesCreated += created;
          nodesUpdated += rows.length - created;
        }
      }
      for (const group of prepared.edges) {
        for (const rows of chunks(group.rows)) {
          const result = await run(tx, mergeEdgesStatement(group.type, group.fromKind, group.toKind, rows));
          const merged = countFromNeo4j(result.records[0]?.get('merged'), 'upsert merged');
          if (merged < rows.length) {
            const missing = (await run(tx, missingEndpointStatement(group.type, group.fromKind, group.toKind, rows))).records[0];
            const from = String(missing?.get('fromId') ?? '?');
            const to = String(missing?.get('toId') ?? '?');
            const which = [missing?.get('fromMissing') === true ? `start node ${from}` : '', missing?.get('toMissing') === true ? `end node ${to}` : '']
              .filter((w) => w !== '')
              .join(' and ');
            throw new StoreInputError(
              `upsert: relationship ${describeEdge({ type: group.type, from, to })} joins a node that does not exist (${which || 'an endpoint'}); nothing was written`,
            );
          }
          const created = result.summary.counters.updates().relationshipsCreated;
          edgesCreated += created;
          edgesUpdated += rows.length - created;
        }
      }
      return { nodesCreated, nodesUpdated, edgesCreated, edgesUpdated };
    });
  }

  async stats(): Promise<GraphStats> {
    const { nodes, edges } = statsStatements();
    return this.read('stats', async (tx) => ({
      nodes: countFromNeo4j((await run(tx, nodes)).records[0]?.get('nodes'), 'stats nodes'),
      edges: countFromNeo4j((await run(tx, edges)).records[0]?.get('edges'), 'stats edges'),
    }));
  }

  // ANALYTICS-PENDING: implemented by the analyst-queries work (issue 5); these placeholders keep the port compiling meanwhile.
  search(_query: SearchQuery): Promise<Page<SearchHit>> {
    return Promise.reject(new Error('search is not implemented yet'));
  }

  findPaths(_query: PathQuery): Promise<GraphPath[]> {
    return Promise.reject(new Error('findPaths is not implemented yet'));
  }

  neighbourhood(_query: NeighbourhoodQuery): Promise<Subgraph> {
    return Promise.reject(new Error('neighbourhood is not implemented yet'));
  }

  countNodes(_query: NodeCountQuery): Promise<CountGroup[]> {
    return Promise.reject(new Error('countNodes is not implemented yet'));
  }

  countEdges(_query: EdgeCountQuery): Promise<CountGroup[]> {
    return Promise.reject(new Error('countEdges is not implemented yet'));
  }

  async ping(): Promise<void> {
    const ok = await this.read('ping', async (tx) => countFromNeo4j((await run(tx, pingStatement())).records[0]?.get('ok'), 'ping'));
    if (ok !== 1) throw new StoreUnavailableError(`Neo4j store did not answer the ping (got ${ok})`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private read<T>(doing: string, work: (tx: Neo4jTransactionPort) => Promise<T>): Promise<T> {
    return this.inSession('READ', doing, work);
  }

  private write<T>(doing: string, work: (tx: Neo4jTransactionPort) => Promise<T>): Promise<T> {
    return this.inSession('WRITE', doing, work);
  }

  private async inSession<T>(mode: 'READ' | 'WRITE', doing: string, work: (tx: Neo4jTransactionPort) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError(`Neo4j store is closed (${doing})`);
    const session = this.driver.session({ ...(this.database !== undefined ? { database: this.database } : {}), defaultAccessMode: mode });
    try {
      return mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
    } catch (error) {
      throw mapNeo4jError(error, doing);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

async function run(tx: Neo4jTransactionPort, statement: Neo4jStatement): Promise<Neo4jQueryResultPort> {
  return tx.run(statement.cypher, { ...statement.params });
}

/** Well-formed ids grouped by the kind their prefix names (optionally only `kinds`), deduplicated; others dropped. */
function groupIdsByKind(ids: readonly string[], kinds: readonly NodeKind[] = NODE_KINDS): Map<NodeKind, string[]> {
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

/** The spec of a property of the end node of a relationship list: `id` or a property of at least one end kind. */
function endPropertySpec(kinds: readonly NodeKind[], name: unknown): PropertySpec | undefined {
  if (name === 'id') return ID_PROPERTY;
  for (const kind of kinds) {
    const spec = nodePropertySpec(kind, name);
    if (spec) return spec;
  }
  return undefined;
}

function readEdge(type: RelationshipType, from: string, to: string, projection: unknown): EdgeRecord {
  return { type, from, to, props: readProps(RELATIONSHIP_PROPERTIES, projection, describeEdge({ type, from, to })) };
}

/** By relationship ordinal (nulls last), then neighbour id (code-unit order, as Neo4j compares strings). */
function compareNeighbours(a: Neighbour, b: Neighbour): number {
  const x = a.edge.props.ordinal;
  const y = b.edge.props.ordinal;
  if (x !== y) {
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0;
}

function checkPaging(offset: number, limit: number, doing: string): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new StoreInputError(`${doing}: offset must be an integer >= 0 (got ${String(offset)})`);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StoreInputError(`${doing}: limit must be an integer >= 1 (got ${String(limit)})`);
}

function checkList(value: unknown, what: string): void {
  if (!Array.isArray(value)) throw new StoreInputError(`${what} must be a list`);
}

function listOrEmpty<T>(value: readonly T[] | undefined, what: string): readonly T[] {
  if (value === undefined) return [];
  checkList(value, what);
  return value;
}

function intersect(kinds: readonly NodeKind[], byKind: ReadonlyMap<NodeKind, unknown>): NodeKind[] {
  return kinds.filter((kind) => byKind.has(kind));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += NEO4J_UPSERT_CHUNK_SIZE) yield rows.slice(i, i + NEO4J_UPSERT_CHUNK_SIZE);
}
