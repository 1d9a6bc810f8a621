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
import { foldText } from '../../model/text';
import { COMMON_PROPERTIES, isNodeKind, NODE_KINDS, type NodeKind, type PropertySpec } from '../../model/kinds';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIP_TYPES, RELATIONSHIPS, isRelationshipType, type RelationshipType } from '../../model/relationships';
import type {
  EdgeKey,
  EdgeListQuery,
  EdgeRecord,
  GraphBatch,
  GraphStats,
  Neighbour,
  NeighbourQuery,
  NodeListQuery,
  NodeRecord,
  Page,
  PropertyValue,
  UpsertResult,
} from '../port';
import { ANALYTICS_LIMITS } from '../analytics';
import { distinctEdgeKeys } from '../distinctEdgeKeys';
import { countFromNeo4j } from './countFromNeo4j';
import { countEdgesStatement, countNodesStatement, EDGE_COUNT_COLUMNS, type EdgeCountKey } from './cypher/countStatements';
import { neighbourhoodLayerStatement, neighbourhoodStartStatement, subgraphEdgesStatement } from './cypher/neighbourhoodStatements';
import { pathsOfLengthStatement, shortestPathsStatement, type PathEnds } from './cypher/pathStatements';
import { searchStatements } from './cypher/searchStatements';
import { getEdgesStatement, type EdgeKeyRow } from './cypher/getEdgesStatement';
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
import type { Neo4jDriverPort, Neo4jQueryResultPort, Neo4jRecordPort, Neo4jTransactionPort } from './Neo4jDriverPort';
import type { Neo4jStore } from './Neo4jStore';
import { ID_PROPERTY, nodePropertySpec } from './nodePropertySpec';
import { describeEdge, prepareUpsert } from './prepareUpsert';
import { neo4jValueToJs } from './neo4jValueToJs';
import { readGraphPath } from './readGraphPath';
import { readLabelledNode } from './readLabelledNode';
import { readNodeRecord } from './readNodeRecord';
import { readProps } from './readProps';
import { toPropertyValue } from './toPropertyValue';

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

  /**
   * Malformed keys (see {@link distinctEdgeKeys}) get null without a query;
   * the distinct well-formed ones are read in one READ transaction, one
   * statement per type and kind pair ({@link getEdgesStatement}).
   */
  async getEdges(keys: readonly EdgeKey[]): Promise<(EdgeRecord | null)[]> {
    checkList(keys, 'getEdges: keys');
    const result: (EdgeRecord | null)[] = keys.map(() => null);
    const distinct = distinctEdgeKeys(keys);
    if (distinct.length === 0) return result;
    const groups = new Map<string, { type: RelationshipType; fromKind: NodeKind; toKind: NodeKind; rows: EdgeKeyRow[] }>();
    distinct.forEach(({ key }, i) => {
      const shape = `${key.fromKind}-${key.type}->${key.toKind}`;
      let group = groups.get(shape);
      if (!group) groups.set(shape, (group = { type: key.type, fromKind: key.fromKind, toKind: key.toKind, rows: [] }));
      group.rows.push({ i, from: key.from, to: key.to });
    });
    const found = await this.read('getEdges', async (tx) => {
      const map = new Map<number, EdgeRecord>();
      for (const group of groups.values()) {
        for (const record of (await run(tx, getEdgesStatement(group.type, group.fromKind, group.toKind, group.rows))).records) {
          const i = countFromNeo4j(record.get('i'), 'getEdges key position');
          const key = distinct[i]?.key;
          if (!key) throw new TypeError(`getEdges: Neo4j returned a relationship for no key asked for (${i})`);
          map.set(i, readEdge(key.type, key.from, key.to, record.get('props')));
        }
      }
      return map;
    });
    distinct.forEach(({ positions }, i) => {
      const edge = found.get(i);
      if (edge) for (const position of positions) result[position] = edge;
    });
    return result;
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

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    const doing = 'search';
    checkList(query?.terms, `${doing}: terms`);
    const terms = query.terms;
    if (terms.length === 0 || terms.length > ANALYTICS_LIMITS.maxSearchTerms) {
      throw new StoreInputError(`${doing}: terms must hold 1 to ${ANALYTICS_LIMITS.maxSearchTerms} terms (got ${terms.length})`);
    }
    for (const term of terms) {
      if (typeof term !== 'string') throw new StoreInputError(`${doing}: every term must be a string (got ${JSON.stringify(term)})`);
    }
    const kinds = query.kinds === undefined ? undefined : checkKinds(query.kinds, `${doing}: kinds`);
    checkPaging(query.offset, query.limit, doing);
    // Folded again: whatever a caller sends, only [a-z0-9] words reach the Lucene query (and they are escaped even so).
    const words = [...new Set(terms.flatMap((term) => foldText(term).split(' ')).filter((word) => word !== ''))];
    if (words.length === 0 || (kinds !== undefined && kinds.length === 0)) return { items: [], totalCount: 0 };
    const { count, page } = searchStatements(words, kinds, query.offset, query.limit);
    return this.read(doing, async (tx) => {
      const totalCount = countFromNeo4j((await run(tx, count)).records[0]?.get('total'), `${doing} total`);
      const items = (await run(tx, page)).records.map((r): SearchHit => {
        const node = readLabelledNode(r.get('labels'), r.get('id'), r.get('props'));
        const score = neo4jValueToJs(r.get('score'), `${doing} score of ${node.id}`);
        if (typeof score !== 'number' || !Number.isFinite(score)) throw new TypeError(`${doing}: the score of ${node.id} is not a number (${String(score)})`);
        return { node, score };
      });
      return { items, totalCount };
    });
  }

  async findPaths(query: PathQuery): Promise<GraphPath[]> {
    const doing = 'findPaths';
    if (query === null || typeof query !== 'object') throw new StoreInputError(`${doing}: the query must be an object`);
    const { from, to, mode } = query;
    if (mode !== 'SHORTEST' && mode !== 'ALL') throw new StoreInputError(`${doing}: mode must be SHORTEST or ALL (got "${String(mode)}")`);
    const maxDepth = checkBounded(query.maxDepth, ANALYTICS_LIMITS.maxPathDepth, `${doing}: maxDepth`);
    const limit = checkBounded(query.limit, ANALYTICS_LIMITS.maxPaths, `${doing}: limit`);
    const types = query.types === undefined ? undefined : checkTypes(query.types, `${doing}: types`);
    const a = typeof from === 'string' ? parseId(from) : 'not a string';
    const b = typeof to === 'string' ? parseId(to) : 'not a string';
    if (typeof a === 'string' || typeof b === 'string' || (types !== undefined && types.length === 0)) return [];
    const ends: PathEnds = { from, to, fromKind: a.kind, toKind: b.kind, types };
    return this.read(`${doing}(${mode})`, async (tx) => {
      if (from === to) {
        // One path of length 0 (Neo4j refuses a shortest path from a node to itself, and any longer path repeats it).
        const record = (await run(tx, getNodesStatement(a.kind, [from]))).records[0];
        return record ? [{ nodes: [readNodeRecord(a.kind, record.get('id'), record.get('props'))], edges: [] }] : [];
      }
      if (mode === 'SHORTEST') return (await run(tx, shortestPathsStatement(ends, maxDepth, limit))).records.map(readPathRecord);
      const paths: GraphPath[] = [];
      for (let length = 1; length <= maxDepth && paths.length < limit; length++) {
        const result = await run(tx, pathsOfLengthStatement(ends, length, limit - paths.length));
        paths.push(...result.records.map(readPathRecord));
      }
      return paths;
    });
  }

  async neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph> {
    const doing = 'neighbourhood';
    checkList(query?.ids, `${doing}: ids`);
    const depth = checkBounded(query.depth, ANALYTICS_LIMITS.maxNeighbourhoodDepth, `${doing}: depth`);
    const limit = checkBounded(query.limit, ANALYTICS_LIMITS.maxNeighbourhoodNodes, `${doing}: limit`);
    const kinds = query.kinds === undefined ? undefined : checkKinds(query.kinds, `${doing}: kinds`);
    const types = query.types === undefined ? undefined : checkTypes(query.types, `${doing}: types`);
    const byKind = groupIdsByKind(query.ids);
    if (byKind.size === 0) return { nodes: [], edges: [], truncated: false };
    return this.read(doing, async (tx) => {
      const starts: { eid: string; node: NodeRecord }[] = [];
      for (const [kind, kindIds] of byKind) {
        for (const r of (await run(tx, neighbourhoodStartStatement(kind, kindIds))).records) {
          starts.push({ eid: String(r.get('eid')), node: readNodeRecord(kind, r.get('id'), r.get('props')) });
        }
      }
      if (starts.length === 0) return { nodes: [], edges: [], truncated: false };
      starts.sort((x, y) => compareIds(x.node.id, y.node.id));
      const kept = starts.slice(0, limit);
      let truncated = starts.length > limit;
      const eids = kept.map((s) => s.eid);
      const nodes = kept.map((s) => s.node);
      const visited = new Set(eids);
      let frontier = eids;
      const canMove = (kinds === undefined || kinds.length > 0) && (types === undefined || types.length > 0);
      for (let layer = 1; layer <= depth && !truncated && canMove && frontier.length > 0; layer++) {
        const room = limit - nodes.length;
        const rows = (await run(tx, neighbourhoodLayerStatement(types, kinds, frontier, [...visited], room + 1))).records;
        if (rows.length > room) truncated = true;
        frontier = [];
        for (const r of rows.slice(0, room)) {
          const eid = String(r.get('eid'));
          if (visited.has(eid)) continue;
          visited.add(eid);
          frontier.push(eid);
          eids.push(eid);
          nodes.push(readLabelledNode(r.get('labels'), r.get('id'), r.get('props')));
        }
      }
      const edges =
        types !== undefined && types.length === 0
          ? []
          : (await run(tx, subgraphEdgesStatement(types, eids))).records.map((r) => {
              const type = String(r.get('relType'));
              if (!isRelationshipType(type)) throw new TypeError(`${doing}: unexpected relationship type ${type} from Neo4j`);
              return readEdge(type, String(r.get('fromId')), String(r.get('toId')), r.get('props'));
            });
      edges.sort(compareEdges);
      return { nodes, edges, truncated };
    });
  }

  async countNodes(query: NodeCountQuery): Promise<CountGroup[]> {
    const doing = 'countNodes';
    if (query === null || typeof query !== 'object') throw new StoreInputError(`${doing}: the query must be an object`);
    const { kind, groupBy } = query;
    if (kind !== undefined && !isNodeKind(String(kind))) throw new StoreInputError(`${doing}: unknown kind "${String(kind)}"`);
    if (groupBy !== undefined) {
      if (kind === undefined) throw new StoreInputError(`${doing}: groupBy ("${String(groupBy)}") needs a kind`);
      if (!nodePropertySpec(kind, groupBy)) throw new StoreInputError(`${doing}: cannot group ${kind} by "${String(groupBy)}", which ${kind} does not have`);
    }
    // Without a kind, conditions may only name what every kind has (id and the common properties), as on Kùzu.
    const owner = kind ?? 'every kind (id or a common property)';
    const where = listOrEmpty(query.where, `${doing}: where`).map((c) =>
      resolveCondition(c, kind !== undefined ? nodePropertySpec(kind, c?.property) : commonPropertySpec(c?.property), doing, owner),
    );
    const statement = countNodesStatement(kind !== undefined ? [kind] : NODE_KINDS, where, groupBy);
    const groups = await this.read(doing, async (tx) =>
      (await run(tx, statement)).records.map((r): CountGroup => {
        const count = countFromNeo4j(r.get('count'), `${doing} count`);
        if (groupBy !== undefined) return { value: toPropertyValue(r.get('value'), `${doing} ${kind}.${groupBy}`), count };
        if (kind !== undefined) return { count };
        const k = String(r.get('kind'));
        if (!isNodeKind(k)) throw new TypeError(`${doing}: unexpected kind ${k}`);
        return { kind: k, count };
      }),
    );
    return groups.filter((g) => g.count > 0).sort(groupOrder(groupBy !== undefined ? ['value'] : kind !== undefined ? [] : ['kind']));
  }

  async countEdges(query: EdgeCountQuery): Promise<CountGroup[]> {
    const doing = 'countEdges';
    checkList(query?.types, `${doing}: types`);
    const types = checkTypes(query.types, `${doing}: types`);
    checkList(query.groupBy, `${doing}: groupBy`);
    const groupBy: EdgeCountKey[] = [];
    for (const key of query.groupBy) {
      if (key !== 'type' && key !== 'from' && key !== 'to') throw new StoreInputError(`${doing}: cannot group by "${String(key)}" (type, from or to)`);
      if (groupBy.includes(key)) throw new StoreInputError(`${doing}: groupBy names "${key}" twice`);
      groupBy.push(key);
    }
    const fromKindsAsked = query.fromKinds === undefined ? undefined : checkKinds(query.fromKinds, `${doing}: fromKinds`);
    const allFrom = unique(types.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].from));
    const allTo = unique(types.flatMap((t): readonly NodeKind[] => RELATIONSHIPS[t].to));
    const toWhere = listOrEmpty(query.toWhere, `${doing}: toWhere`).map((c) =>
      resolveCondition(c, endPropertySpec(allTo, c?.property), doing, `the end nodes (${allTo.join(', ') || 'none'})`),
    );
    const fromKinds = fromKindsAsked === undefined ? allFrom : allFrom.filter((k) => fromKindsAsked.includes(k));
    if (types.length === 0 || fromKinds.length === 0 || allTo.length === 0) return [];
    const statement = countEdgesStatement({ types, fromKinds, toKinds: allTo, toWhere }, groupBy);
    const groups = await this.read(doing, async (tx) =>
      (await run(tx, statement)).records.map((r): CountGroup => {
        const group: { type?: RelationshipType; from?: string; to?: string } = {};
        for (const key of groupBy) {
          const value = r.get(EDGE_COUNT_COLUMNS[key]);
          if (key === 'type') {
            const type = String(value);
            if (!isRelationshipType(type)) throw new TypeError(`${doing}: unexpected relationship type ${type} from Neo4j`);
            group.type = type;
          } else group[key] = String(value);
        }
        return { ...group, count: countFromNeo4j(r.get('count'), `${doing} count`) };
      }),
    );
    return groups.filter((g) => g.count > 0).sort(groupOrder(groupBy));
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

/** The spec of `id` or of a property every kind has. */
function commonPropertySpec(name: unknown): PropertySpec | undefined {
  if (name === 'id') return ID_PROPERTY;
  return COMMON_PROPERTIES.find((p) => p.name === name);
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

/** Kinds checked against the registry, deduplicated, in registry order (so statements repeat). */
function checkKinds(kinds: unknown, what: string): NodeKind[] {
  checkList(kinds, what);
  const asked = new Set<string>();
  for (const kind of kinds as unknown[]) {
    if (!isNodeKind(String(kind))) throw new StoreInputError(`${what}: unknown kind "${String(kind)}"`);
    asked.add(String(kind));
  }
  return NODE_KINDS.filter((kind) => asked.has(kind));
}

/** Relationship types checked against the registry, deduplicated, in registry order. */
function checkTypes(types: unknown, what: string): RelationshipType[] {
  checkList(types, what);
  const asked = new Set<string>();
  for (const type of types as unknown[]) {
    if (!isRelationshipType(String(type))) throw new StoreInputError(`${what}: unknown relationship type "${String(type)}"`);
    asked.add(String(type));
  }
  return RELATIONSHIP_TYPES.filter((type) => asked.has(type));
}

/** An integer from 1 to `cap` (a cap of {@link ANALYTICS_LIMITS}); StoreInputError naming `what` otherwise. */
function checkBounded(value: unknown, cap: number, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > cap) {
    throw new StoreInputError(`${what} must be an integer from 1 to ${cap} (got ${String(value)})`);
  }
  return value;
}

/** Strings in UTF-16 code-unit order, as Neo4j compares them. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Relationships by type name, then start id, then end id. */
function compareEdges(a: EdgeRecord, b: EdgeRecord): number {
  return compareIds(a.type, b.type) || compareIds(a.from, b.from) || compareIds(a.to, b.to);
}

/**
 * Orders count groups by their keys in grouping order: kinds, types, ids
 * and strings by code point, numbers ascending, false before true, null
 * last.
 */
function groupOrder(keys: readonly (keyof Omit<CountGroup, 'count'>)[]): (a: CountGroup, b: CountGroup) => number {
  return (a, b) => {
    for (const key of keys) {
      const c = compareValues(a[key], b[key]);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function compareValues(a: PropertyValue | undefined, b: PropertyValue | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  return compareCodePoints(typeof a, typeof b);
}

/** Strings by Unicode code point (UTF-16 code-unit order differs above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

function readPathRecord(record: Neo4jRecordPort): GraphPath {
  return readGraphPath(record.get('nodes'), record.get('edges'));
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
