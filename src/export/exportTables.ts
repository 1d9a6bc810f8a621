import { NODE_KINDS, type NodeKind } from '../model/kinds';
import { RELATIONSHIP_TYPES } from '../model/relationships';
import type { CallOptions, GraphStore, ImplementationRecord, NodeRecord, PropertyValue, TargetProgress, TaskProgress } from '../store/port';
import type { RecordKind } from '../model/implementation';
import { ACTUAL_COLUMNS, NODE_COLUMNS, PROGRESS_COLUMNS, RELATIONSHIP_COLUMNS, TASK_REPORT_COLUMNS } from './exportColumns';

/** One exported row: column name -> value (null or absent: empty). */
export type ExportRow = Readonly<Record<string, PropertyValue>>;

/** How an export reads the store. */
export interface ExportReadOptions {
  /** Every port call's limits: the export's deadline, abort signal and priority ('bulk'). */
  readonly call: CallOptions;
  /** Rows asked for in one port call (list pages, subjects of one recordsOf / progress call). */
  readonly pageSize: number;
  /** The date progress is computed at (YYYY-MM-DD). */
  readonly asOf: string;
}

/** The tables an export writes, each as `<name>.csv` and `<name>.json`. */
export const EXPORT_TABLE_NAMES = ['nodes', 'relationships', 'actuals', 'task-reports', 'progress'] as const;
export type ExportTableName = (typeof EXPORT_TABLE_NAMES)[number];

/** One exported table: its columns and its rows, read through the port in pages. */
export interface ExportTable {
  readonly name: ExportTableName;
  readonly columns: readonly string[];
  /** The rows, a page per port call (never more than `pageSize` subjects or rows a call); stops at the first failing call. */
  pages(store: GraphStore, options: ExportReadOptions): AsyncGenerator<readonly ExportRow[]>;
}

/**
 * Default rows per port call of an export. The port pages by offset, and a
 * store sorts the whole list for each page, so fewer, larger pages cost far
 * less on a large graph (see bench/export.ts); 2000 rows stay a small answer.
 */
export const EXPORT_PAGE_SIZE = 2000;

/** Every node of one kind, in id order, a page at a time. */
async function* nodePages(store: GraphStore, kind: NodeKind, options: ExportReadOptions): AsyncGenerator<readonly NodeRecord[]> {
  for (let offset = 0; ; offset += options.pageSize) {
    const page = await store.listNodes({ kind, offset, limit: options.pageSize }, options.call);
    if (page.items.length > 0) yield page.items;
    if (page.items.length < options.pageSize || offset + page.items.length >= page.totalCount) return;
  }
}

/** A node as a row: its id, kind and exported properties. */
export function nodeRow(node: NodeRecord): ExportRow {
  const row: Record<string, PropertyValue> = { id: node.id, kind: node.kind };
  for (const column of NODE_COLUMNS) if (column !== 'id' && column !== 'kind' && node.props[column] !== undefined) row[column] = node.props[column] ?? null;
  return row;
}

/** A record of implementation as a row: its id, meta fields and own fields. */
export function recordRow(record: ImplementationRecord): ExportRow {
  const { fields, kind: _kind, ...meta } = record;
  return { ...meta, ...fields };
}

function years(list: readonly number[]): string | null {
  return list.length > 0 ? list.join(' ') : null;
}

function targetProgressRow(node: NodeRecord, p: TargetProgress): ExportRow {
  return {
    subjectKind: 'Target',
    subject: p.targetId,
    name: node.props.name ?? null,
    asOf: p.asOf,
    status: p.status,
    quantity: p.quantity,
    comparator: p.comparator,
    aggregation: p.aggregation,
    achieved: p.achieved,
    actualsCounted: p.actualsCounted,
    latestPeriodEnd: p.latestPeriodEnd,
    baselineValue: p.baseline?.fields.value ?? null,
  };
}

function taskProgressRow(node: NodeRecord, p: TaskProgress): ExportRow {
  return {
    subjectKind: 'Task',
    subject: p.taskId,
    name: node.props.name ?? null,
    asOf: p.asOf,
    status: p.latestReport ? (p.latestReport.fields.status ?? null) : null,
    overdue: p.overdue,
    overdueYears: years(p.overdueYears),
    reportedYears: years(p.reportedYears),
    latestReportYear: p.latestReport?.fields.year ?? null,
    latestReportStatus: p.latestReport?.fields.status ?? null,
  };
}

/** The records of one kind (retracted ones included, flagged) of every subject of `subjectKind`, subject by subject in id order. */
function recordTable(name: ExportTableName, kind: RecordKind, subjectKind: NodeKind, columns: readonly string[]): ExportTable {
  return {
    name,
    columns,
    async *pages(store, options) {
      for await (const subjects of nodePages(store, subjectKind, options)) {
        const lists = await store.recordsOf({ kind, subjects: subjects.map((s) => s.id), includeRetracted: true }, options.call);
        const rows = lists.flat().map(recordRow);
        if (rows.length > 0) yield rows;
      }
    },
  };
}

/** The exported tables, by name. */
export const EXPORT_TABLES: Readonly<Record<ExportTableName, ExportTable>> = {
  nodes: {
    name: 'nodes',
    columns: NODE_COLUMNS,
    async *pages(store, options) {
      for (const kind of NODE_KINDS) for await (const nodes of nodePages(store, kind, options)) yield nodes.map(nodeRow);
    },
  },
  relationships: {
    name: 'relationships',
    columns: RELATIONSHIP_COLUMNS,
    async *pages(store, options) {
      // Type by type: each page sorts one type's relationships, not all of them.
      for (const type of RELATIONSHIP_TYPES) {
        for (let offset = 0; ; offset += options.pageSize) {
          const page = await store.listEdges({ types: [type], offset, limit: options.pageSize }, options.call);
          if (page.items.length > 0) yield page.items.map((edge) => ({ ...edge.props, type: edge.type, from: edge.from, to: edge.to }));
          if (page.items.length < options.pageSize || offset + page.items.length >= page.totalCount) break;
        }
      }
    },
  },
  actuals: recordTable('actuals', 'Actual', 'Target', ACTUAL_COLUMNS),
  'task-reports': recordTable('task-reports', 'TaskReport', 'Task', TASK_REPORT_COLUMNS),
  progress: {
    name: 'progress',
    columns: PROGRESS_COLUMNS,
    async *pages(store, options) {
      for await (const targets of nodePages(store, 'Target', options)) {
        const progress = await store.targetProgress({ ids: targets.map((t) => t.id), asOf: options.asOf }, options.call);
        yield targets.flatMap((t, i) => {
          const p = progress[i];
          return p ? [targetProgressRow(t, p)] : [];
        });
      }
      for await (const tasks of nodePages(store, 'Task', options)) {
        const progress = await store.taskProgress({ ids: tasks.map((t) => t.id), asOf: options.asOf }, options.call);
        yield tasks.flatMap((t, i) => {
          const p = progress[i];
          return p ? [taskProgressRow(t, p)] : [];
        });
      }
    },
  },
};

/** True when `name` names an exported table. */
export function isExportTableName(name: string): name is ExportTableName {
  return (EXPORT_TABLE_NAMES as readonly string[]).includes(name);
}
