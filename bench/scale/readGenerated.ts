import fs from 'node:fs';
import path from 'node:path';
import { propertiesOf, type PropertySpec } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES } from '../../src/model/relationships';
import { CSV_NULL, CSV_QUOTED, readCsvRows } from '../../src/store/kuzu/bulk/readCsvRows';
import type { EdgeRecord, GraphBatch, NodeRecord, PropertyValue } from '../../src/store/port';
import type { ScaleMeta } from './generate';

/**
 * Reads a generated dataset (SYNTHETIC, bench/scale/generate.ts) back as
 * records, `size` at a time, nodes first: for a store that loads through the
 * port's upsert rather than from CSV (Neo4j in bench/asOf.ts). Each cell is
 * read by its column's declared type (NULL: an empty unquoted cell; quoted:
 * a string with `""` for `"`).
 */
export function* readGenerated(csvDir: string, meta: ScaleMeta, size: number): Generator<GraphBatch> {
  let nodes: NodeRecord[] = [];
  let edges: EdgeRecord[] = [];
  for (const { kind, file } of meta.nodeFiles) {
    const specs = propertiesOf(kind);
    for (const values of rowsOf(path.join(csvDir, path.basename(file)), [{ name: 'id', type: 'string' }, ...specs])) {
      const [id, ...rest] = values;
      nodes.push({ id: String(id), kind, props: propsOf(specs, rest) });
      if (nodes.length === size) {
        yield { nodes, edges: [] };
        nodes = [];
      }
    }
  }
  if (nodes.length > 0) yield { nodes, edges: [] };
  const ends: PropertySpec[] = [
    { name: 'from', type: 'string' },
    { name: 'to', type: 'string' },
  ];
  for (const { type, file } of meta.edgeFiles) {
    for (const values of rowsOf(path.join(csvDir, path.basename(file)), [...ends, ...RELATIONSHIP_PROPERTIES])) {
      const [from, to, ...rest] = values;
      edges.push({ type, from: String(from), to: String(to), props: propsOf(RELATIONSHIP_PROPERTIES, rest) });
      if (edges.length === size) {
        yield { nodes: [], edges };
        edges = [];
      }
    }
  }
  if (edges.length > 0) yield { nodes: [], edges };
}

function propsOf(specs: readonly PropertySpec[], values: readonly PropertyValue[]): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = {};
  specs.forEach((spec, i) => {
    const value = values[i] ?? null;
    if (value !== null) props[spec.name] = value;
  });
  return props;
}

/** The rows of a generated CSV file (its header line skipped), each cell typed by its column. */
function rowsOf(file: string, columns: readonly PropertySpec[]): PropertyValue[][] {
  const data = fs.readFileSync(file);
  const body = data.subarray(data.indexOf(0x0a) + 1);
  const rows: PropertyValue[][] = [];
  readCsvRows(body, columns.length, (ranges) => {
    rows.push(
      columns.map((column, i) => {
        const flag = ranges[3 * i + 2];
        if (flag === CSV_NULL) return null;
        const text = body.toString('utf8', ranges[3 * i] as number, ranges[3 * i + 1] as number);
        if (flag === CSV_QUOTED) return text.replace(/""/g, '"');
        if (column.type === 'int') return Number(text);
        if (column.type === 'boolean') return text === 'true';
        return text;
      }),
    );
  });
  return rows;
}
