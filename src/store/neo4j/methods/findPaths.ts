import { parseId } from '../../../model/ids';
import type { GraphPath, PathQuery } from '../../analytics';
import type { CallOptions } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import type { Neo4jRecordPort } from '../connection/Neo4jDriverPort';
import { readGraphPath } from '../records/readGraphPath';
import { readNodeRecord } from '../records/readNodeRecord';
import { pathsOfLengthStatement, shortestPathsStatement, type PathEnds } from '../statements/findPaths';
import { getNodesStatement } from '../statements/getNodes';
import { typesInRegistryOrder } from './kindsAndTypes';
import { isValidOn } from '../../validity';

/**
 * Paths between two nodes in one READ transaction: SHORTEST in one
 * statement; ALL one statement per length (1, 2, ...) until `limit` paths are
 * found. A malformed id, or an empty list of types, finds nothing without a
 * query; a node to itself is the one path of length 0. With `asOf`, only
 * paths whose every node and relationship is valid on that date.
 */
export async function findPaths(connection: Neo4jConnection, query: PathQuery, options?: CallOptions): Promise<GraphPath[]> {
  const { from, to, mode, maxDepth, limit } = query;
  const types = query.types === undefined ? undefined : typesInRegistryOrder(query.types);
  const a = typeof from === 'string' ? parseId(from) : 'not a string';
  const b = typeof to === 'string' ? parseId(to) : 'not a string';
  if (typeof a === 'string' || typeof b === 'string' || (types !== undefined && types.length === 0)) return [];
  const ends: PathEnds = { from, to, fromKind: a.kind, toKind: b.kind, types, asOf: query.asOf };
  return connection.read(
    `findPaths(${mode})`,
    async (tx) => {
      if (from === to) {
        // One path of length 0 (Neo4j refuses a shortest path from a node to itself, and any longer path repeats it).
        const record = (await tx.run(getNodesStatement(a.kind, [from]))).records[0];
        const node = record ? readNodeRecord(a.kind, record.get('id'), record.get('props')) : undefined;
        return node && (query.asOf === undefined || isValidOn(node.props, query.asOf)) ? [{ nodes: [node], edges: [] }] : [];
      }
      if (mode === 'SHORTEST') return (await tx.run(shortestPathsStatement(ends, maxDepth, limit))).records.map(readPathRecord);
      const paths: GraphPath[] = [];
      for (let length = 1; length <= maxDepth && paths.length < limit; length++) {
        const result = await tx.run(pathsOfLengthStatement(ends, length, limit - paths.length));
        paths.push(...result.records.map(readPathRecord));
      }
      return paths;
    },
    options,
  );
}

function readPathRecord(record: Neo4jRecordPort): GraphPath {
  return readGraphPath(record.get('nodes'), record.get('edges'));
}
