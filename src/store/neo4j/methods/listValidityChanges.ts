import { NODE_KINDS } from '../../../model/kinds';
import { isRelationshipType, RELATIONSHIP_TYPES } from '../../../model/relationships';
import type { CallOptions, Page, ValidityChange, ValidityChangeQuery } from '../../port';
import { readValidityCursor, sortChanges } from '../../validityCursor';
import type { Neo4jConnection } from '../connection/Neo4jConnection';
import { countFromNeo4j } from '../records/neo4jValueToJs';
import { readEdgeRecord } from '../records/readEdgeRecord';
import { readLabelledNode } from '../records/readNodeRecord';
import { validityChangesStatements } from '../statements/validityChanges';
import { kindsInRegistryOrder, typesInRegistryOrder } from './kindsAndTypes';

/**
 * One page of validity changes and their total in the range, in one READ
 * transaction: count, then page (see validityChangesStatements). Empty
 * `kinds` and `types` list nothing without a query.
 */
export async function listValidityChanges(connection: Neo4jConnection, query: ValidityChangeQuery, options?: CallOptions): Promise<Page<ValidityChange>> {
  const doing = 'listValidityChanges';
  const kinds = query.kinds === undefined ? NODE_KINDS : kindsInRegistryOrder(query.kinds);
  const types = query.types === undefined ? RELATIONSHIP_TYPES : typesInRegistryOrder(query.types);
  if (kinds.length === 0 && types.length === 0) return { items: [], totalCount: 0 };
  const after = query.after === undefined ? undefined : readValidityCursor(query.after);
  const { count, page } = validityChangesStatements({ kinds, types, from: query.from, to: query.to }, after, query.first);
  return connection.read(
    doing,
    async (tx) => {
      const totalCount = countFromNeo4j((await tx.run(count)).records[0]?.get('total'), `${doing} total`);
      const items = (await tx.run(page)).records.map((r): ValidityChange => {
        const date = String(r.get('date'));
        const change = r.get('change') === 'ENDS' ? 'ENDS' : 'STARTS';
        const relType = r.get('relType');
        if (relType === null) return { date, change, node: readLabelledNode(r.get('labels'), r.get('nodeId'), r.get('nodeProps')) };
        const type = String(relType);
        if (!isRelationshipType(type)) throw new TypeError(`${doing}: unexpected relationship type ${type} from Neo4j`);
        return { date, change, edge: readEdgeRecord(type, String(r.get('fromId')), String(r.get('toId')), r.get('relProps')) };
      });
      return { items: sortChanges(items), totalCount };
    },
    options,
  );
}
