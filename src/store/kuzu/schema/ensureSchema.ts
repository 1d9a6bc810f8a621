import { StoreUnavailableError } from '../../../errors';
import { NODE_KINDS, propertiesOf, type PropertySpec, type PropertyType } from '../../../model/kinds';
import { RELATIONSHIPS, RELATIONSHIP_PROPERTIES, RELATIONSHIP_TYPES } from '../../../model/relationships';
import { ensureSearchIndexes } from './ensureSearchIndexes';
import { recordNodeTables, recordRelTables } from './recordTables';
import { inTransaction } from '../connection/inTransaction';
import type { KuzuConnection } from '../connection/KuzuConnection';
import { quoteIdentifier as q, statement } from '../statements/Statement';

/**
 * Brings the database schema up to the registries, idempotently: every node
 * kind is a NODE TABLE (`id STRING PRIMARY KEY` + the common and the kind's
 * own properties), every relationship type one REL TABLE with all its
 * FROM/TO pairs and the common relationship properties. Missing tables are
 * created; tables made by an older registry get the missing columns and
 * FROM/TO pairs added; all of it in one transaction. A column whose stored
 * type differs from the registry (or a table of the wrong sort) cannot be
 * fixed in place: that throws {@link StoreUnavailableError} naming the table
 * and column. The tables of the records of implementation and their history
 * (see recordTables.ts) are brought up the same way. Table and column names come from the registries only. Then
 * the full-text index over `searchText` of every node table is created where
 * it is missing (see {@link ensureSearchIndexes}; outside the transaction,
 * Kùzu cannot create one inside).
 *
 * @param connection the write connection, before any other use of the store
 */
export async function ensureSchema(connection: KuzuConnection): Promise<void> {
  const statements = await schemaChanges(connection);
  if (statements.length > 0) {
    await inTransaction(connection, async () => {
      for (const ddl of statements) await connection.run(statement(ddl, {}, 'creating the schema'));
    });
  }
  await ensureSearchIndexes(connection);
}

/** The DDL statements that bring the stored schema up to the registries (none when it is up to date). */
async function schemaChanges(connection: KuzuConnection): Promise<string[]> {
  const doing = 'reading the schema';
  const tables = new Map<string, string>();
  for (const row of await connection.run(statement('CALL SHOW_TABLES() RETURN name, type', {}, doing))) {
    tables.set(String(row.name), String(row.type));
  }
  const statements: string[] = [];
  for (const kind of NODE_KINDS) {
    const columns = propertiesOf(kind);
    if (!tables.has(kind)) {
      const defs = [`${q('id')} STRING PRIMARY KEY`, ...columns.map(columnDefinition)];
      statements.push(`CREATE NODE TABLE IF NOT EXISTS ${q(kind)}(${defs.join(', ')})`);
      continue;
    }
    expectSort(kind, tables.get(kind), 'NODE');
    statements.push(...(await missingColumns(connection, kind, columns)));
  }
  for (const table of recordNodeTables()) {
    if (!tables.has(table.name)) {
      const defs = [`${q('id')} STRING PRIMARY KEY`, ...table.columns.map(columnDefinition)];
      statements.push(`CREATE NODE TABLE IF NOT EXISTS ${q(table.name)}(${defs.join(', ')})`);
      continue;
    }
    expectSort(table.name, tables.get(table.name), 'NODE');
    statements.push(...(await missingColumns(connection, table.name, table.columns)));
  }
  for (const table of recordRelTables()) {
    const pairs = table.pairs.map(({ from, to }) => `FROM ${q(from)} TO ${q(to)}`).join(', ');
    if (!tables.has(table.name)) statements.push(`CREATE REL TABLE IF NOT EXISTS ${q(table.name)}(${pairs}, MANY_MANY)`);
    else expectSort(table.name, tables.get(table.name), 'REL');
  }
  for (const type of RELATIONSHIP_TYPES) {
    const spec = RELATIONSHIPS[type];
    const pairs = spec.from.flatMap((from) => spec.to.map((to) => [from as string, to as string] as const));
    if (!tables.has(type)) {
      const defs = [
        ...pairs.map(([from, to]) => `FROM ${q(from)} TO ${q(to)}`),
        ...RELATIONSHIP_PROPERTIES.map(columnDefinition),
        'MANY_MANY',
      ];
      statements.push(`CREATE REL TABLE IF NOT EXISTS ${q(type)}(${defs.join(', ')})`);
      continue;
    }
    expectSort(type, tables.get(type), 'REL');
    statements.push(...(await missingColumns(connection, type, RELATIONSHIP_PROPERTIES)));
    const existing = new Set(
      (await connection.run(statement(`CALL SHOW_CONNECTION('${type}') RETURN *`, {}, doing))).map(
        (row) => `${String(row['source table name'])}->${String(row['destination table name'])}`,
      ),
    );
    for (const [from, to] of pairs) {
      if (!existing.has(`${from}->${to}`)) statements.push(`ALTER TABLE ${q(type)} ADD IF NOT EXISTS FROM ${q(from)} TO ${q(to)}`);
    }
  }
  return statements;
}

function columnDefinition(spec: Pick<PropertySpec, 'name' | 'type'>): string {
  return `${q(spec.name)} ${kuzuColumnType(spec.type)}`;
}

function expectSort(table: string, actual: string | undefined, wanted: 'NODE' | 'REL'): void {
  if (actual !== wanted) {
    throw new StoreUnavailableError(`Kùzu schema: table ${table} is a ${String(actual)} table, the registry wants a ${wanted} table`);
  }
}

/** ALTER statements for the registry columns `table` lacks; throws on a column of another type. */
async function missingColumns(connection: KuzuConnection, table: string, columns: readonly Pick<PropertySpec, 'name' | 'type'>[]): Promise<string[]> {
  q(table); // the table name is spliced into a string literal below (TABLE_INFO takes no parameter): registry identifiers only
  const stored = new Map<string, string>();
  for (const row of await connection.run(statement(`CALL TABLE_INFO('${table}') RETURN name, type`, {}, 'reading the schema'))) {
    stored.set(String(row.name), String(row.type));
  }
  const statements: string[] = [];
  for (const spec of columns) {
    const type = stored.get(spec.name);
    if (type === undefined) statements.push(`ALTER TABLE ${q(table)} ADD IF NOT EXISTS ${columnDefinition(spec)}`);
    else if (type !== kuzuColumnType(spec.type)) {
      throw new StoreUnavailableError(`Kùzu schema: column ${table}.${spec.name} is ${type}, the registry wants ${kuzuColumnType(spec.type)}`);
    }
  }
  return statements;
}

/** The Kùzu column type that stores a registry property type, spelt as Kùzu's TABLE_INFO reports it. */
function kuzuColumnType(type: PropertyType): 'STRING' | 'INT64' | 'BOOL' {
  switch (type) {
    case 'string':
      return 'STRING';
    case 'int':
      return 'INT64';
    case 'boolean':
      return 'BOOL';
  }
}
