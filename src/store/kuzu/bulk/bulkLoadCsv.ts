import { closeSync, mkdirSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'kuzu';
import { StoreInputError, StoreUnavailableError } from '../../../errors';
import { isNodeKind, propertiesOf, type NodeKind } from '../../../model/kinds';
import { RELATIONSHIPS, RELATIONSHIP_PROPERTIES, isRelationshipType, type RelationshipType } from '../../../model/relationships';
import { claimDatabasePath } from '../connection/claimDatabasePath';
import { ensureSchema } from '../schema/ensureSchema';
import { ensureSearchIndexes } from '../schema/ensureSearchIndexes';
import type { KuzuConnection } from '../connection/KuzuConnection';
import { mapKuzuError } from '../connection/mapKuzuError';
import { openDatabase } from '../connection/openDatabase';
import { SEARCH_INDEX } from '../statements/search';
import { quoteIdentifier as q, statement } from '../statements/Statement';

/** One CSV file of nodes of one kind. */
export interface NodeCsv {
  readonly kind: NodeKind;
  /** Header `id,<propertiesOf(kind) in registry order>`; comma-separated, `"`-quoted with `""` inside; empty = null. */
  readonly file: string;
}

/** One CSV file of relationships of one type between one pair of kinds. */
export interface EdgeCsv {
  readonly type: RelationshipType;
  readonly from: NodeKind;
  readonly to: NodeKind;
  /** Header `from,to,<RELATIONSHIP_PROPERTIES in registry order>`; same quoting as {@link NodeCsv}. */
  readonly file: string;
}

/** What {@link bulkLoadCsv} loaded. */
export interface BulkLoadResult {
  readonly nodes: number;
  readonly edges: number;
  /** Seconds spent in COPY of nodes, of relationships, and rebuilding the search indexes. */
  readonly nodeSeconds: number;
  readonly edgeSeconds: number;
  readonly indexSeconds: number;
}

/** CSV options every COPY uses (the files must be written this way). */
const CSV_OPTIONS = `HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"'`;

/**
 * Bulk-loads CSV files into the Kùzu database in directory `path` with
 * `COPY ... FROM` (hundreds of thousands of rows per second, against
 * thousands for batched MERGE): for initial loads (benchmarks, migrations)
 * of an EMPTY database or of tables that receive no duplicate ids. It opens
 * the database itself (claiming the directory like openKuzuStore, so it
 * fails if a store is open on it in this process; no server may hold it),
 * brings the schema up to the registries (ensureSchema), then COPYs every
 * node file, then every relationship file (`from`/`to` name the pair of a
 * multi-pair REL table), and finally makes sure the full-text search
 * index covers the copied rows: Kùzu 0.11.3 maintains an existing FTS index
 * during COPY (measured), so ensureSearchIndexes only creates missing ones,
 * and one copied row per loaded table is looked up through its index
 * (StoreUnavailableError if not found); then it checkpoints and closes.
 *
 * Kinds, types and pairs are checked against the registries (only registry
 * names reach the statements) and each file's header against the table's
 * columns; a bad one throws StoreInputError before anything is copied.
 * File paths are spliced into the statements as string literals and must
 * not hold a quote. A failed COPY leaves the database with what was copied
 * before it (COPY of one file is atomic).
 */
export async function bulkLoadCsv(
  path: string,
  files: { readonly nodes: readonly NodeCsv[]; readonly edges: readonly EdgeCsv[] },
): Promise<BulkLoadResult> {
  const owner = 'bulkLoadCsv';
  for (const { kind, file } of files.nodes) {
    if (!isNodeKind(kind)) throw new StoreInputError(`${owner}: unknown node kind ${JSON.stringify(kind)}`);
    checkHeader(owner, file, ['id', ...propertiesOf(kind).map((p) => p.name)]);
  }
  for (const { type, from, to, file } of files.edges) {
    if (!isRelationshipType(type)) throw new StoreInputError(`${owner}: unknown relationship type ${JSON.stringify(type)}`);
    const spec = RELATIONSHIPS[type];
    if (!(spec.from as readonly string[]).includes(from) || !(spec.to as readonly string[]).includes(to)) {
      throw new StoreInputError(`${owner}: ${type} does not join ${String(from)} to ${String(to)}`);
    }
    checkHeader(owner, file, ['from', 'to', ...RELATIONSHIP_PROPERTIES.map((p) => p.name)]);
  }

  mkdirSync(path, { recursive: true });
  const directory = realpathSync(path);
  const release = claimDatabasePath(directory);
  let database: Database | undefined;
  let connection: KuzuConnection | undefined;
  try {
    const opened = await openDatabase(directory, { bufferPoolBytes: 0, maxThreads: 0, autoCheckpoint: true });
    database = opened.database;
    connection = await opened.connect();
    await ensureSchema(connection);

    let nodes = 0;
    let edges = 0;
    let at = Date.now();
    for (const { kind, file } of files.nodes) {
      nodes += copiedRows(await connection.runScript(statement(`COPY ${q(kind)} FROM ${literal(file)} (${CSV_OPTIONS})`, {}, `copying ${kind} nodes`)));
    }
    const nodeSeconds = (Date.now() - at) / 1000;
    at = Date.now();
    for (const { type, from, to, file } of files.edges) {
      edges += copiedRows(
        await connection.runScript(
          statement(`COPY ${q(type)} FROM ${literal(file)} (from='${from}', to='${to}', ${CSV_OPTIONS})`, {}, `copying ${type} ${from}->${to} relationships`),
        ),
      );
    }
    const edgeSeconds = (Date.now() - at) / 1000;

    at = Date.now();
    // Kùzu 0.11.3 maintains an existing FTS index during COPY (measured); create any missing
    // index, then check that every loaded table's index finds one of its loaded rows.
    await ensureSearchIndexes(connection);
    for (const kind of new Set(files.nodes.map((f) => f.kind))) await checkIndexed(connection, kind);
    await connection.run(statement('CHECKPOINT', {}, 'checkpointing after the bulk load'));
    const indexSeconds = (Date.now() - at) / 1000;
    return { nodes, edges, nodeSeconds, edgeSeconds, indexSeconds };
  } catch (error) {
    if (error instanceof StoreInputError || error instanceof StoreUnavailableError) throw error;
    throw mapKuzuError(error, `bulk-loading CSV files into ${directory}`);
  } finally {
    await connection?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    release();
  }
}

/**
 * Checks that the search index of `kind` finds a row of the table by a word
 * of its searchText; throws StoreUnavailableError otherwise (the index does
 * not cover the copied rows).
 */
async function checkIndexed(connection: KuzuConnection, kind: NodeKind): Promise<void> {
  const doing = `checking the search index of ${kind}`;
  const [row] = await connection.run(statement(
    `MATCH (n:${q(kind)}) WHERE n.searchText IS NOT NULL RETURN n.id AS id, n.searchText AS text LIMIT 1`,
    {},
    doing));
  const word = String(row?.text ?? '')
    .split(' ')
    .find((w) => /^[a-z]+$/.test(w));
  if (row === undefined || word === undefined) return;
  const [found] = await connection.run(statement(
    `CALL QUERY_FTS_INDEX('${kind}', '${SEARCH_INDEX}', $q) WITH node AS n WHERE n.id = $id RETURN count(*) AS c`,
    { q: word, id: String(row.id) },
    doing));
  if (Number(found?.c ?? 0) !== 1) {
    throw new StoreUnavailableError(`bulkLoadCsv: the search index of ${kind} does not find ${String(row.id)} by "${word}" after COPY`);
  }
}

/** The rows a COPY reports ("N tuples have been copied to the T table."). */
function copiedRows(rows: readonly Record<string, unknown>[]): number {
  const message = String(Object.values(rows[0] ?? {})[0] ?? '');
  const match = /(\d+) (?:tuples|number of tuples)/.exec(message);
  return match ? Number(match[1]) : 0;
}

/** A file path as a Cypher string literal (absolute; quotes and backslashes refused). */
function literal(file: string): string {
  const absolute = resolve(file);
  if (/['\\\n]/.test(absolute)) throw new StoreInputError(`bulkLoadCsv: file path ${JSON.stringify(absolute)} holds a quote, backslash or newline`);
  return `'${absolute}'`;
}

/** Checks the first line of `file` against the expected column names. */
function checkHeader(owner: string, file: string, expected: readonly string[]): void {
  let text: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(8192);
      text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new StoreInputError(`${owner}: cannot read ${file}: ${(error as Error).message}`);
  }
  const header = (text.split('\n')[0] ?? '').trim();
  if (header !== expected.join(',')) {
    throw new StoreInputError(`${owner}: ${file} has header ${JSON.stringify(header)}, expected ${JSON.stringify(expected.join(','))}`);
  }
}
