import { CHANGE_LABEL, IDEMPOTENCY_LABEL, LEDGER_LABEL } from '../../../model/history';
import { RECORD_KIND_NAMES, referenceFieldsOf } from '../../../model/implementation';
import { cypherName } from '../statements/cypherName';
import type { Neo4jStatement } from '../statements/Neo4jStatement';

/** History properties the audit list filters and orders on. */
const CHANGE_INDEXED = ['seq', 'recordId', 'subject', 'actor', 'at'] as const;

/**
 * The schema of the records of implementation and their history, all
 * idempotent (`IF NOT EXISTS`): a uniqueness constraint on `id` for every
 * record kind, Change, ChangeLedger and IdempotencyKey (MERGE of the ledger
 * and a second key with the same id are then safe under concurrency), and
 * range indexes on the history's seq, recordId, subject, actor and at, and
 * on every reference field of a record kind (an Event's organisation).
 */
export function recordSchemaStatements(): Neo4jStatement[] {
  const statements: Neo4jStatement[] = [];
  for (const label of [...RECORD_KIND_NAMES, CHANGE_LABEL, LEDGER_LABEL, IDEMPOTENCY_LABEL]) {
    const name = cypherName(label);
    statements.push({ name: `schema.constraint:${label}.id`, text: `CREATE CONSTRAINT kg_${name}_id IF NOT EXISTS FOR (n:${name}) REQUIRE n.id IS UNIQUE`, params: {} });
  }
  for (const property of CHANGE_INDEXED) {
    const label = cypherName(CHANGE_LABEL);
    statements.push({
      name: `schema.rangeIndex:${CHANGE_LABEL}.${property}`,
      text: `CREATE RANGE INDEX kg_${label}_${cypherName(property)} IF NOT EXISTS FOR (n:${label}) ON (n.${cypherName(property)})`,
      params: {},
    });
  }
  for (const kind of RECORD_KIND_NAMES) {
    for (const spec of referenceFieldsOf(kind)) {
      const label = cypherName(kind);
      statements.push({
        name: `schema.rangeIndex:${kind}.${spec.name}`,
        text: `CREATE RANGE INDEX kg_${label}_${cypherName(spec.name)} IF NOT EXISTS FOR (n:${label}) ON (n.${cypherName(spec.name)})`,
        params: {},
      });
    }
  }
  return statements;
}
