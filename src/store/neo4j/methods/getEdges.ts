import type { NodeKind } from '../../../model/kinds';
import type { RelationshipType } from '../../../model/relationships';
import { distinctEdgeKeys } from '../../distinctEdgeKeys';
import type { CallOptions, EdgeKey, EdgeRecord } from '../../port';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { readEdgeRecord } from '../records/readEdgeRecord';
import { getEdgesStatement, type EdgeKeyRow } from '../statements/getEdges';

/**
 * Relationships by key, aligned with `keys`. Malformed keys (see
 * {@link distinctEdgeKeys}) get null without a query; the distinct
 * well-formed ones are read in one READ transaction, one statement per type
 * and kind pair ({@link getEdgesStatement}).
 */
export async function getEdges(connection: Neo4jConnection, keys: readonly EdgeKey[], options?: CallOptions): Promise<(EdgeRecord | null)[]> {
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
  const found = await connection.read(
    'getEdges',
    async (tx) => {
      const map = new Map<number, EdgeRecord>();
      for (const group of groups.values()) {
        for (const record of (await tx.run(getEdgesStatement(group.type, group.fromKind, group.toKind, group.rows))).records) {
          const i = countFromNeo4j(record.get('i'), 'getEdges key position');
          const key = distinct[i]?.key;
          if (!key) throw new TypeError(`getEdges: Neo4j returned a relationship for no key asked for (${i})`);
          map.set(i, readEdgeRecord(key.type, key.from, key.to, record.get('props')));
        }
      }
      return map;
    },
    options,
  );
  distinct.forEach(({ positions }, i) => {
    const edge = found.get(i);
    if (edge) for (const position of positions) result[position] = edge;
  });
  return result;
}
