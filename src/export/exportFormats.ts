import type { GraphStore } from '../store/port';
import { csvHeader, csvLine, UTF8_BOM } from './csvCell';
import { EXPORT_TABLES, type ExportReadOptions, type ExportRow, type ExportTable, type ExportTableName } from './exportTables';

/** The formats of an exported table. */
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Every file an export writes: each table as CSV and as JSON, and the whole graph as graph.json. */
export type ExportFileName = `${ExportTableName}.${ExportFormat}` | 'graph.json';

/** The media type of a format (UTF-8 both). */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

/** `row` as a JSON object of `columns` in their order, absent and null values left out. */
function jsonRow(columns: readonly string[], row: ExportRow): string {
  const object: Record<string, unknown> = {};
  for (const column of columns) {
    const value = row[column];
    if (value !== null && value !== undefined) object[column] = value;
  }
  return JSON.stringify(object);
}

/**
 * A table as CSV text, a chunk per page read: the UTF-8 byte order mark,
 * the header record, then one record per row (RFC 4180, CRLF, formula
 * cells guarded: see csvCell).
 */
export async function* csvChunks(table: ExportTable, store: GraphStore, options: ExportReadOptions): AsyncGenerator<string> {
  yield UTF8_BOM + csvHeader(table.columns);
  for await (const rows of table.pages(store, options)) yield rows.map((row) => csvLine(table.columns, row)).join('');
}

/** A table's rows as a JSON array of objects (one per line), a chunk per page read. */
export async function* jsonArrayChunks(columns: readonly string[], pages: AsyncIterable<readonly ExportRow[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    yield (first ? '\n' : ',\n') + rows.map((row) => jsonRow(columns, row)).join(',\n');
    first = false;
  }
  yield '\n]\n';
}

/**
 * The whole graph as one JSON document:
 * `{ "exportedAt", "nodes": [{ id, kind, ...properties }], "relationships": [{ type, from, to, ...properties }] }`,
 * the properties those of nodes.csv and relationships.csv (provenance and validity included, nulls left out).
 */
export async function* graphJsonChunks(store: GraphStore, options: ExportReadOptions, exportedAt: string): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(exportedAt)},"nodes":`;
  yield* jsonArrayChunks(EXPORT_TABLES.nodes.columns, EXPORT_TABLES.nodes.pages(store, options));
  yield ',"relationships":';
  yield* jsonArrayChunks(EXPORT_TABLES.relationships.columns, EXPORT_TABLES.relationships.pages(store, options));
  yield '}\n';
}

/** The text of one export file, in chunks (one per port call), read through `store` under `options`. */
export function exportFileChunks(file: ExportFileName, store: GraphStore, options: ExportReadOptions, exportedAt: string): AsyncGenerator<string> {
  if (file === 'graph.json') return graphJsonChunks(store, options, exportedAt);
  const [name, format] = file.split('.') as [ExportTableName, ExportFormat];
  const table = EXPORT_TABLES[name];
  return format === 'csv' ? csvChunks(table, store, options) : jsonArrayChunks(table.columns, table.pages(store, options));
}

/** Every export file name, graph.json first. */
export const EXPORT_FILES: readonly ExportFileName[] = [
  'graph.json',
  ...(Object.keys(EXPORT_TABLES) as ExportTableName[]).flatMap((name) => [`${name}.csv`, `${name}.json`] as const),
];

/** True when `name` is an export file. */
export function isExportFileName(name: string): name is ExportFileName {
  return (EXPORT_FILES as readonly string[]).includes(name);
}

/** The format of an export file (its extension). */
export function formatOf(file: ExportFileName): ExportFormat {
  return file.endsWith('.csv') ? 'csv' : 'json';
}
