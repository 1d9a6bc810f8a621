export { openKuzuStore, DATABASE_FILE } from './openKuzuStore';
export { KuzuStore } from './KuzuStore';
export type { KuzuStoreOptions } from './KuzuStoreOptions';
export { bulkLoadCsv, type BulkLoadResult, type EdgeCsv, type NodeCsv } from './bulk/bulkLoadCsv';
